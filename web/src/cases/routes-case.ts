// Routes of the case page and its parts (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { CASE_ROLES } from './case-api'

export const caseRoutes: RouteRecordRaw[] = [
  {
    path: '/cases/:id(\\d+)',
    name: 'case',
    component: () => import('../pages/cases/CasePage.vue'),
    meta: { titleKey: 'casePage.title', roles: CASE_ROLES },
  },
  {
    path: '/cases/:id(\\d+)/assessments/:aid(\\d+)',
    name: 'case-assessment',
    component: () => import('../pages/cases/AssessmentPage.vue'),
    meta: { titleKey: 'assessment.title', roles: CASE_ROLES },
  },
]
