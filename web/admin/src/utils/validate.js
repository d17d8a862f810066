import { t } from '@/locales'

export const PHONE_RE = /^1\d{10}$/
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
export const PASSWORD_RE = /^(?=.*[A-Za-z])(?=.*\d).{8,64}$/

// Rule factories (messages are functions of the current locale when validated)
export const required = (fieldKey, trigger = 'blur') => ({
  required: true,
  trigger,
  validator: (_r, v, cb) => {
    const empty = v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
    empty ? cb(new Error(t('common.required', { field: t(fieldKey) }))) : cb()
  }
})

export const phoneRule = (optional = false) => ({
  trigger: 'blur',
  validator: (_r, v, cb) => {
    if (!v && optional) return cb()
    PHONE_RE.test(v || '') ? cb() : cb(new Error(t('common.phoneInvalid')))
  }
})

export const emailRule = (optional = true) => ({
  trigger: 'blur',
  validator: (_r, v, cb) => {
    if (!v && optional) return cb()
    EMAIL_RE.test(v || '') ? cb() : cb(new Error(t('common.emailInvalid')))
  }
})

export const passwordRule = (optional = false) => ({
  trigger: 'blur',
  validator: (_r, v, cb) => {
    if (!v && optional) return cb()
    PASSWORD_RE.test(v || '') ? cb() : cb(new Error(t('common.passwordRule')))
  }
})

export const maxLen = (n) => ({ max: n, trigger: 'blur', message: () => `≤ ${n}` })
