import { createApp } from 'vue'
import App from './App.vue'
import { loginLocation, router } from './router'
import { i18n } from './i18n'
import { setUnauthorizedHandler } from './api'
import { reportAppError } from './composables/useAppError'
import { useSession } from './composables/useSession'
import './styles/base.css'

// A 401 from any call means the session has ended (expired, logged out elsewhere): forget it
// and ask to sign in again, coming back to the same page afterwards.
setUnauthorizedHandler(() => {
  useSession().setSession(null)
  const current = router.currentRoute.value
  if (current.meta.access === 'public' || current.meta.access === 'guest') return
  void router.push(loginLocation(current.fullPath))
})

const app = createApp(App)
app.use(i18n)
app.use(router)
// A component that throws shows the error page instead of a blank or half-drawn screen.
app.config.errorHandler = (error) => reportAppError(error)
app.mount('#app')
