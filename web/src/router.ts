import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import HomePage from './pages/HomePage.vue'
import NotFoundPage from './pages/NotFoundPage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page title (document.title). */
    titleKey: string
  }
}

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: HomePage, meta: { titleKey: 'home.title' } },
  // Loaded on demand; if its code cannot be loaded the app shows the error page.
  { path: '/about', name: 'about', component: () => import('./pages/AboutPage.vue'), meta: { titleKey: 'about.title' } },
  { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundPage, meta: { titleKey: 'notFound.title' } },
]

export const router = createRouter({
  history: createWebHistory(import.meta.env.BASE_URL),
  routes,
  scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
})
