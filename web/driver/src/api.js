// The driver API (docs/api-app.md): RuoYi envelope {code, msg, data|rows,total}; the app token in
// localStorage, sent as Authorization: Bearer. Errors throw ApiError with the server's msg.
import { locale } from './i18n'

const TOKEN = 'zc-h5-token'
export const getToken = () => localStorage.getItem(TOKEN) || ''
export const setToken = (t) => (t ? localStorage.setItem(TOKEN, t) : localStorage.removeItem(TOKEN))

export class ApiError extends Error {
  constructor(code, msg, status) {
    super(msg)
    this.code = code
    this.status = status
  }
  /** "phone: 手机号格式不正确" → { field: 'phone', text: '手机号格式不正确' } */
  get field() { return /^(\w+):\s*/.exec(this.message)?.[1] || '' }
  get text() { return this.message.replace(/^\w+:\s*/, '') }
}

let onUnauthorized = () => {}
export const setUnauthorizedHandler = (fn) => { onUnauthorized = fn }

async function request(method, path, { params, body } = {}) {
  let url = path
  if (params) {
    const q = new URLSearchParams()
    for (const [k, v] of Object.entries(params)) if (v !== '' && v !== null && v !== undefined) q.set(k, v)
    const s = q.toString()
    if (s) url += (url.includes('?') ? '&' : '?') + s
  }
  const headers = { Accept: 'application/json', 'Accept-Language': locale.value === 'en' ? 'en' : 'zh-CN' }
  const token = getToken()
  if (token) headers.Authorization = 'Bearer ' + token
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let res
  try {
    res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new ApiError(0, '网络异常，请稍后重试', 0)
  }
  let env = null
  try { env = await res.json() } catch { /* not JSON */ }
  const code = env?.code ?? res.status
  if (code === 200 && res.ok) return env
  const err = new ApiError(code, env?.msg || `HTTP ${res.status}`, res.status)
  if (code === 401 || res.status === 401) {
    setToken('')
    onUnauthorized(err)
  }
  throw err
}

/** A file the driver may read (an invoice PDF) as an object URL; the caller revokes it. */
async function objectUrl(path) {
  const res = await fetch(path, { headers: { Authorization: 'Bearer ' + getToken() } })
  if (!res.ok) throw new ApiError(res.status, `HTTP ${res.status}`, res.status)
  return URL.createObjectURL(await res.blob())
}

export const api = {
  objectUrl,
  get: (path, params) => request('GET', path, { params }),
  post: (path, body = {}) => request('POST', path, { body }),
  put: (path, body = {}) => request('PUT', path, { body }),
  del: (path) => request('DELETE', path)
}
