import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import './assets/styles/index.css'

import App from './App.vue'
import DictTag from './components/DictTag/index.vue'
import router from './router'
import pinia from './store'
import i18n from './locales'
import installDirectives from './directive'
import { formErrorsPlugin } from './utils/formErrors'
import './permission'

const app = createApp(App)
app.use(pinia)
app.use(router)
app.use(i18n)
app.use(ElementPlus)
app.use(formErrorsPlugin)
app.component('DictTag', DictTag)
installDirectives(app)
// API errors were already shown by the request layer; do not report them again
app.config.errorHandler = (err, _instance, info) => {
  if (err && err.isApiError) return
  console.error(err, info)
}
window.addEventListener('unhandledrejection', (e) => {
  if (e.reason && e.reason.isApiError) e.preventDefault()
})
document.documentElement.lang = i18n.global.locale.value
app.mount('#app')
