import { t } from '@/locales'
import { PLATE_RE } from './constants'

const MAX_PLATES = 5

/** "粤B12345,粤B54321" or an array → array. */
export const plateList = (v) => (Array.isArray(v) ? v : String(v || '').split(/[,，、\s]+/)).filter(Boolean)

/** Form rule of a PlatesInput: at most five, each a plate number. */
export const platesRule = () => ({
  trigger: 'blur',
  validator: (_r, v, cb) => {
    const list = plateList(v)
    if (list.length > MAX_PLATES) return cb(new Error(t('member.common.platesMax', { n: MAX_PLATES })))
    const bad = list.find(p => !PLATE_RE.test(p))
    bad ? cb(new Error(t('member.common.plateInvalid', { plate: bad }))) : cb()
  }
})
