// Routes of the social assistance pages (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { ASSISTANCE_CHANGE_ROLES, ASSISTANCE_ROLES } from '../assistance-api'

export const assistanceRoutes: RouteRecordRaw[] = [
  {
    path: '/assistance',
    name: 'assistance',
    component: () => import('../pages/assistance/ApplicationsPage.vue'),
    meta: { titleKey: 'assistance.list.title', roles: ASSISTANCE_ROLES },
  },
  {
    path: '/assistance/new',
    name: 'assistance-new',
    component: () => import('../pages/assistance/ApplicationNewPage.vue'),
    meta: { titleKey: 'assistance.create.title', roles: ASSISTANCE_CHANGE_ROLES },
  },
  {
    path: '/assistance/:id(\\d+)',
    name: 'assistance-application',
    component: () => import('../pages/assistance/ApplicationPage.vue'),
    meta: { titleKey: 'assistance.application.title', roles: ASSISTANCE_ROLES },
  },
  {
    path: '/assistance/decisions/:id(\\d+)',
    name: 'assistance-decision',
    component: () => import('../pages/assistance/DecisionPage.vue'),
    meta: { titleKey: 'assistance.decision.title', roles: ASSISTANCE_ROLES },
  },
  {
    path: '/assistance/payments',
    name: 'assistance-payments',
    component: () => import('../pages/assistance/PaymentsPage.vue'),
    meta: { titleKey: 'assistance.payments.title', roles: ASSISTANCE_ROLES },
  },
]
