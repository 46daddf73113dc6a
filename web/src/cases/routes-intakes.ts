// Routes of intakes, the duty board, my cases, notifications and the public request page
// (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { CASE_ROLES, INTAKE_CHANGE_ROLES, INTAKE_ROLES } from './intakes-api'

export const intakeRoutes: RouteRecordRaw[] = [
  {
    path: '/intakes',
    name: 'intakes',
    component: () => import('../pages/intakes/IntakesPage.vue'),
    meta: { titleKey: 'intakes.list.title', roles: INTAKE_ROLES },
  },
  {
    path: '/intakes/new',
    name: 'intake-new',
    component: () => import('../pages/intakes/IntakeNewPage.vue'),
    meta: { titleKey: 'intakes.form.title', roles: INTAKE_CHANGE_ROLES },
  },
  {
    path: '/intakes/:id(\\d+)',
    name: 'intake',
    component: () => import('../pages/intakes/IntakePage.vue'),
    meta: { titleKey: 'intakes.page.title', roles: INTAKE_ROLES },
  },
  {
    path: '/duty',
    name: 'duty-board',
    component: () => import('../pages/intakes/DutyBoardPage.vue'),
    meta: { titleKey: 'duty.title', roles: INTAKE_ROLES },
  },
  {
    path: '/my-cases',
    name: 'my-cases',
    component: () => import('../pages/cases/MyCasesPage.vue'),
    meta: { titleKey: 'myCases.title', roles: CASE_ROLES },
  },
  {
    path: '/notifications',
    name: 'notifications',
    component: () => import('../pages/intakes/NotificationsPage.vue'),
    meta: { titleKey: 'notifications.title' },
  },
  // The resident's request for help: no login (docs/api-cases.md "Public web request").
  {
    path: '/palidziba',
    name: 'public-request',
    component: () => import('../pages/intakes/PublicRequestPage.vue'),
    meta: { titleKey: 'publicRequest.title', access: 'public' },
  },
]
