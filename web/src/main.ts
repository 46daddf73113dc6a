import { createApp } from 'vue'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { reportAppError } from './composables/useAppError'
import './styles/base.css'

const app = createApp(App)
app.use(i18n)
app.use(router)
// A component that throws shows the error page instead of a blank or half-drawn screen.
app.config.errorHandler = (error) => reportAppError(error)
app.mount('#app')
