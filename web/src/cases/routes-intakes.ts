// Routes of intakes, the duty board, my cases, notifications and the public request page
// (added to the app's routes in router.ts).
import type { RouteRecordRaw } from 'vue-router'

export const intakeRoutes: RouteRecordRaw[] = []
