import axios from 'axios'
import { ElMessage } from 'element-plus'
import { getToken } from './auth'
import { clearSession } from './session'
import i18n, { t } from '@/locales'
import router from '@/router'
import { showFieldError } from './formErrors'

const service = axios.create({ baseURL: '', timeout: 20000 })

let redirecting = false

function handleUnauthorized(msg) {
  const current = router.currentRoute.value
  clearSession()
  if (redirecting) return
  redirecting = true
  ElMessage.error(msg || t('common.sessionExpired'))
  const redirect = current.path !== '/login' && current.path !== '/index' ? current.fullPath : undefined
  router.replace({ path: '/login', query: redirect ? { redirect } : {} }).finally(() => { redirecting = false })
}

service.interceptors.request.use(config => {
  const token = getToken()
  if (token && config.auth !== false) config.headers.Authorization = 'Bearer ' + token
  config.headers['Accept-Language'] = i18n.global.locale.value === 'en' ? 'en' : 'zh-CN'
  if (config.method === 'get' && config.params) {
    // empty strings and nulls mean "no filter"; keep the URL clean
    const params = {}
    for (const [k, v] of Object.entries(config.params)) {
      if (v !== '' && v !== null && v !== undefined) params[k] = v
    }
    config.params = params
  }
  return config
})

function reject(config, code, msg, data) {
  if (code === 401 && !config.skipAuthRedirect) {
    handleUnauthorized(msg)
  } else if (!config.silent && !(code === 400 && showFieldError(msg))) {
    ElMessage({ type: code === 601 ? 'warning' : 'error', message: msg || t('common.requestFailed'), grouping: true })
  }
  const err = new Error(msg || 'error')
  err.isApiError = true // already shown to the user
  err.code = code
  err.data = data
  return Promise.reject(err)
}

service.interceptors.response.use(
  res => {
    if (res.request.responseType === 'blob' || res.request.responseType === 'arraybuffer') return res.data
    const body = res.data
    if (!body || typeof body !== 'object') return body
    const code = body.code ?? 200
    if (code !== 200) return reject(res.config, code, body.msg, body)
    return body
  },
  error => {
    const config = error.config || {}
    const body = error.response?.data
    if (body && typeof body === 'object' && body.code !== undefined) {
      return reject(config, body.code, body.msg, body)
    }
    if (error.response) {
      return reject(config, error.response.status, `${t('common.requestFailed')} (HTTP ${error.response.status})`)
    }
    const msg = error.code === 'ECONNABORTED' ? t('common.timeout') : t('common.networkError')
    return reject(config, 0, msg)
  }
)

export default service
