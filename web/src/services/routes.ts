// Routes of the service catalogue and a service's page (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { SERVICE_ROLES } from './services-api'

export const serviceRoutes: RouteRecordRaw[] = [
  {
    path: '/services',
    name: 'services',
    component: () => import('../pages/services/ServicesPage.vue'),
    meta: { titleKey: 'services.catalogue.title', roles: SERVICE_ROLES },
  },
  {
    path: '/services/:id(\\d+)',
    name: 'service',
    component: () => import('../pages/services/ServicePage.vue'),
    meta: { titleKey: 'services.page.title', roles: SERVICE_ROLES },
  },
]
