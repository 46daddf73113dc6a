// Routes of the case page and its parts (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'

export const caseRoutes: RouteRecordRaw[] = []
