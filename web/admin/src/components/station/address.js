import { required } from '@/utils/validate'
import { t } from '@/locales'

// The address block every station has (docs/api-car.md stations): province, city, district, address,
// longitude, latitude (≤ 6 decimals), timezone.
export const TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei']
export const ADDRESS_KEYS = ['province', 'city', 'district', 'address', 'longitude', 'latitude', 'timezone']

export const blankAddress = () => ({
  province: '', city: '', district: '', address: '', longitude: undefined, latitude: undefined, timezone: 'Asia/Shanghai'
})

/** A coordinate typed as text: a number in [min, max] with at most 6 decimals — refused, never clamped. */
const coordinateRule = (fieldKey, min, max) => ({
  trigger: 'blur',
  validator: (_r, v, cb) => {
    const s = String(v ?? '').trim()
    if (!/^-?\d+(\.\d{1,6})?$/.test(s)) return cb(new Error(t('shared.address.coordinateFormat', { field: t(fieldKey) })))
    const n = Number(s)
    if (n < min || n > max) return cb(new Error(t('shared.address.coordinateRange', { field: t(fieldKey), min, max })))
    cb()
  }
})

/** Form rules of the address block (merge into the station form's rules). */
export const addressRules = () => ({
  province: [required('shared.address.region', 'change')],
  address: [required('shared.address.detail')],
  longitude: [required('shared.address.longitude'), coordinateRule('shared.address.longitude', -180, 180)],
  latitude: [required('shared.address.latitude'), coordinateRule('shared.address.latitude', -90, 90)]
})

/** The address fields of a request body. */
export function addressBody(f) {
  const num = (v) => (v === '' || v === null || v === undefined ? v : Number(v))
  return {
    province: f.province, city: f.city, district: f.district, address: f.address,
    longitude: num(f.longitude), latitude: num(f.latitude), timezone: f.timezone || 'Asia/Shanghai'
  }
}

/** "省 市 区 地址" of a row. */
export const fullAddress = (s) => [s.province, s.city, s.district, s.address].filter(Boolean).join(' ')

/** true when opening hours "HH:MM-HH:MM" end after they start */
export function validOpeningHours(v) {
  const [from, to] = String(v || '').split('-')
  return /^\d{2}:\d{2}$/.test(from || '') && /^\d{2}:\d{2}$/.test(to || '') && to > from
}
