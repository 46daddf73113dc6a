import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'
import { useSession } from './composables/useSession'
import { BREAK_GLASS_LIST_ROLES, CLIENT_ROLES, IMPORT_ROLES, WHO_LOOKED_ROLES } from './registry-api'
import { assistanceRoutes } from './assistance/routes'
import { intakeRoutes } from './cases/routes-intakes'
import { caseRoutes } from './cases/routes-case'
import { serviceRoutes } from './services/routes'
import { partnerRoutes } from './partners/routes'
import { ASSISTANCE_SETTINGS_ROLES } from './assistance-api'
import { STATISTICS_ROLES } from './reports/reports-api'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document.title). */
    titleKey: string
    /**
     * Who may open the page: `public` anyone (also signed out), `guest` the login page,
     * otherwise (default) only a signed-in user.
     */
    access?: 'public' | 'guest'
    /** The page needs one of these roles; others see the "no access" page in its place. */
    roles?: readonly string[]
  }
}

const admin = ['admin'] as const
// A person's page is also open to the auditor (who looked at it); the server decides what she sees.
const personReaders = [...new Set([...CLIENT_ROLES, ...WHO_LOOKED_ROLES])]

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { titleKey: 'home.title' } },
  // Loaded on demand; if its code cannot be loaded the app shows the error page.
  {
    path: '/about',
    name: 'about',
    component: () => import('./pages/AboutPage.vue'),
    meta: { titleKey: 'about.title', access: 'public' },
  },
  {
    path: '/login',
    name: 'login',
    component: () => import('./pages/LoginPage.vue'),
    meta: { titleKey: 'login.title', access: 'guest' },
  },
  { path: '/sessions', name: 'sessions', component: () => import('./pages/SessionsPage.vue'), meta: { titleKey: 'sessions.title' } },
  {
    path: '/admin/users',
    name: 'admin-users',
    component: () => import('./pages/admin/UsersPage.vue'),
    meta: { titleKey: 'users.title', roles: admin },
  },
  {
    path: '/admin/users/new',
    name: 'admin-user-new',
    component: () => import('./pages/admin/UserCreatePage.vue'),
    meta: { titleKey: 'users.createTitle', roles: admin },
  },
  {
    path: '/admin/users/:id(\\d+)',
    name: 'admin-user',
    component: () => import('./pages/admin/UserPage.vue'),
    meta: { titleKey: 'users.detailTitle', roles: admin },
  },
  {
    path: '/admin/teams',
    name: 'admin-teams',
    component: () => import('./pages/admin/TeamsPage.vue'),
    meta: { titleKey: 'teams.title', roles: admin },
  },
  {
    path: '/admin/assistance',
    name: 'admin-assistance',
    component: () => import('./pages/admin/AssistanceSettingsPage.vue'),
    meta: { titleKey: 'assistance.settings.title', roles: ASSISTANCE_SETTINGS_ROLES },
  },
  {
    path: '/audit',
    name: 'audit',
    component: () => import('./pages/AuditPage.vue'),
    meta: { titleKey: 'audit.title', roles: ['auditor'] },
  },
  {
    path: '/persons',
    name: 'persons',
    component: () => import('./pages/registry/PersonSearchPage.vue'),
    meta: { titleKey: 'registry.search.title', roles: CLIENT_ROLES },
  },
  {
    path: '/persons/new',
    name: 'person-new',
    component: () => import('./pages/registry/PersonFormPage.vue'),
    meta: { titleKey: 'registry.person.createTitle', roles: CLIENT_ROLES },
  },
  {
    path: '/persons/:id(\\d+)',
    name: 'person',
    component: () => import('./pages/registry/PersonPage.vue'),
    meta: { titleKey: 'registry.person.title', roles: personReaders },
  },
  {
    path: '/persons/:id(\\d+)/edit',
    name: 'person-edit',
    component: () => import('./pages/registry/PersonFormPage.vue'),
    meta: { titleKey: 'registry.person.editTitle', roles: CLIENT_ROLES },
  },
  {
    path: '/households',
    name: 'households',
    component: () => import('./pages/registry/HouseholdsPage.vue'),
    meta: { titleKey: 'registry.household.listTitle', roles: CLIENT_ROLES },
  },
  {
    path: '/households/new',
    name: 'household-new',
    component: () => import('./pages/registry/HouseholdCreatePage.vue'),
    meta: { titleKey: 'registry.household.createTitle', roles: CLIENT_ROLES },
  },
  {
    path: '/households/:id(\\d+)',
    name: 'household',
    component: () => import('./pages/registry/HouseholdPage.vue'),
    meta: { titleKey: 'registry.household.title', roles: personReaders },
  },
  {
    path: '/import',
    name: 'import',
    component: () => import('./pages/registry/ImportPage.vue'),
    meta: { titleKey: 'registry.import.title', roles: IMPORT_ROLES },
  },
  {
    path: '/break-glass',
    name: 'break-glass',
    component: () => import('./pages/registry/BreakGlassPage.vue'),
    meta: { titleKey: 'registry.breakGlassList.title', roles: BREAK_GLASS_LIST_ROLES },
  },
  {
    path: '/statistics',
    name: 'statistics',
    component: () => import('./pages/reports/StatisticsPage.vue'),
    meta: { titleKey: 'statistics.title', roles: STATISTICS_ROLES },
  },
  ...assistanceRoutes,
  ...intakeRoutes,
  ...caseRoutes,
  ...serviceRoutes,
  ...partnerRoutes,
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: NotFoundPage,
    meta: { titleKey: 'notFound.title', access: 'public' },
  },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})

/** A return address from `?redirect=`: only a path inside the app (no other site). */
export function safeRedirect(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/'
}

/** Where to send someone who is not signed in, so that she comes back here afterwards. */
export function loginLocation(returnTo: string): RouteLocationRaw {
  return { name: 'login', query: returnTo === '/' || returnTo.startsWith('/login') ? {} : { redirect: returnTo } }
}

router.beforeEach(async (to) => {
  const { ensureLoaded, signedIn } = useSession()
  if (to.meta.access === 'public') {
    void ensureLoaded() // the header shows the user when known; the page does not wait for it
    return true
  }
  await ensureLoaded()
  if (to.meta.access === 'guest') return signedIn.value ? safeRedirect(to.query.redirect) : true
  return signedIn.value ? true : loginLocation(to.fullPath)
})
