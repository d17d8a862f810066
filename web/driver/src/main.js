import './qr-entry'
import { createApp } from 'vue'
import Vant from 'vant'
import 'vant/lib/index.css'
import './style.css'
import App from './App.vue'
import router from './router'
import { setUnauthorizedHandler } from './api'
import { showToast } from 'vant'
import { t } from './i18n'

// (qr-entry has already moved a printed QR code's URL, /app/gun/{code} …, to /h5/charge/{code})
setUnauthorizedHandler(() => {
  const current = router.currentRoute.value
  if (current.name === 'login') return
  showToast(t('common.sessionExpired'))
  router.replace({ path: '/login', query: { redirect: current.fullPath } })
})

createApp(App).use(router).use(Vant).mount('#app')
