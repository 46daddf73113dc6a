// Routes of the service catalogue and a service's page (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'
import { SERVICE_ROLES } from './services-api'

export const serviceRoutes: RouteRecordRaw[] = [
  {
    path: '/services/mentors',
    name: 'mentors',
    component: () => import('../pages/services/MentorsPage.vue'),
    meta: { titleKey: 'mentors.register.title', roles: SERVICE_ROLES },
  },
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
  {
    path: '/referrals/:id(\\d+)',
    name: 'referral-link',
    component: () => import('../pages/services/ReferralLinkPage.vue'),
    meta: { titleKey: 'services.referralLink.title', roles: SERVICE_ROLES },
  },
  {
    path: '/services/:id(\\d+)/days/:date(\\d{4}-\\d{2}-\\d{2})?',
    name: 'service-day',
    component: () => import('../pages/services/MobileDayPage.vue'),
    meta: { titleKey: 'mobile.title', roles: SERVICE_ROLES },
  },
]
