import { required } from '@/utils/validate'

// The address block every station has (docs/api-car.md stations): province, city, district, address,
// longitude, latitude (≤ 6 decimals), timezone.
export const TIMEZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau', 'Asia/Taipei']
export const ADDRESS_KEYS = ['province', 'city', 'district', 'address', 'longitude', 'latitude', 'timezone']

export const blankAddress = () => ({
  province: '', city: '', district: '', address: '', longitude: undefined, latitude: undefined, timezone: 'Asia/Shanghai'
})

/** Form rules of the address block (merge into the station form's rules). */
export const addressRules = () => ({
  province: [required('shared.address.province')],
  city: [required('shared.address.city')],
  address: [required('shared.address.detail')],
  longitude: [required('shared.address.longitude', 'change')],
  latitude: [required('shared.address.latitude', 'change')]
})

/** The address fields of a request body. */
export function addressBody(f) {
  return {
    province: f.province, city: f.city, district: f.district, address: f.address,
    longitude: f.longitude, latitude: f.latitude, timezone: f.timezone || 'Asia/Shanghai'
  }
}

/** "省 市 区 地址" of a row. */
export const fullAddress = (s) => [s.province, s.city, s.district, s.address].filter(Boolean).join(' ')

/** true when opening hours "HH:MM-HH:MM" end after they start */
export function validOpeningHours(v) {
  const [from, to] = String(v || '').split('-')
  return /^\d{2}:\d{2}$/.test(from || '') && /^\d{2}:\d{2}$/.test(to || '') && to > from
}
