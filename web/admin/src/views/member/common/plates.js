import { t } from '@/locales'
import { PLATE_RE } from './constants'

/** "粤B12345,粤B54321" or an array → array. */
export const plateList = (v) => (Array.isArray(v) ? v : String(v || '').split(/[,，\s]+/)).filter(Boolean)

/** Form rule of a PlatesInput: each tag a plate number. */
export const platesRule = () => ({
  trigger: 'change',
  validator: (_r, v, cb) => {
    const bad = plateList(v).find(p => !PLATE_RE.test(p))
    bad ? cb(new Error(t('member.common.plateInvalid', { plate: bad }))) : cb()
  }
})
