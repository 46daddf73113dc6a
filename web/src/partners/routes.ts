// Routes of the partner register, the staff's information requests and the partner portal
// (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { PORTAL_ROLES, REGISTER_CHANGE_ROLES, REGISTER_ROLES, REQUEST_ROLES } from './partners-api'

export const partnerRoutes: RouteRecordRaw[] = [
  {
    path: '/partners',
    name: 'partners',
    component: () => import('../pages/partners/PartnersPage.vue'),
    meta: { titleKey: 'partners.register.title', roles: REGISTER_ROLES },
  },
  {
    path: '/partners/new',
    name: 'partner-new',
    component: () => import('../pages/partners/PartnerFormPage.vue'),
    meta: { titleKey: 'partners.form.createTitle', roles: REGISTER_CHANGE_ROLES },
  },
  {
    path: '/partners/:id(\\d+)',
    name: 'partner',
    component: () => import('../pages/partners/PartnerFormPage.vue'),
    meta: { titleKey: 'partners.form.title', roles: REGISTER_ROLES },
  },
  {
    path: '/partner-requests',
    name: 'partner-requests',
    component: () => import('../pages/partners/RequestsPage.vue'),
    meta: { titleKey: 'partners.requests.title', roles: REQUEST_ROLES },
  },
  {
    path: '/portal',
    name: 'portal',
    component: () => import('../pages/partners/PortalPage.vue'),
    meta: { titleKey: 'portal.title', roles: PORTAL_ROLES },
  },
  {
    path: '/portal/concerns/:id(\\d+)',
    name: 'portal-concern',
    component: () => import('../pages/partners/PortalConcernPage.vue'),
    meta: { titleKey: 'portal.concern.title', roles: PORTAL_ROLES },
  },
  {
    path: '/portal/requests/:id(\\d+)',
    name: 'portal-request',
    component: () => import('../pages/partners/PortalRequestPage.vue'),
    meta: { titleKey: 'portal.request.title', roles: PORTAL_ROLES },
  },
]
