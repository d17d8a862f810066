// Display helpers: money from fen (integers only), energy, prices in 0.00001 yuan/kWh, durations.
import { t, locale } from './i18n'

export function yuan(fen) {
  const n = Math.round(Number(fen) || 0)
  const sign = n < 0 ? '-' : ''
  const a = Math.abs(n)
  return `${sign}¥${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`
}
/** 0.00001 yuan/kWh → "1.2000" (4 decimals, as price boards show) */
export function price(p) {
  const n = Math.round((Number(p) || 0) / 10) // 0.0001 yuan
  return `${Math.floor(n / 10000)}.${String(n % 10000).padStart(4, '0')}`
}
/** energy in 0.0001 kWh → "12.35" */
export function kwh(e) {
  return ((Number(e) || 0) / 10000).toFixed(2)
}
export function kw(w) {
  if (w == null) return '--'
  const s = (Number(w) / 1000).toFixed(Number(w) < 10000 ? 2 : 1)
  return s.replace(/\.0+$/, '')
}
export function duration(s) {
  s = Math.max(0, Math.floor(Number(s) || 0))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const pad = (x) => String(x).padStart(2, '0')
  return `${pad(h)}:${pad(m)}:${pad(sec)}`
}
export function distance(m) {
  if (m == null) return ''
  return m < 1000 ? `${Math.round(m)}m` : `${(m / 1000).toFixed(m < 10000 ? 1 : 0)}km`
}
export function dateTime(ms) {
  if (!ms) return '--'
  const d = new Date(ms)
  const pad = (x) => String(x).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
export function date(ms) {
  return ms ? dateTime(ms).slice(0, 10) : ''
}
export const stateText = (s) => t(`state.${s}`) === `state.${s}` ? s : t(`state.${s}`)
/** A gun/socket of the app API ({state, available, reason}): its short label. Idle but not available (its area
 *  has no tariff in force, it is disabled, an order holds it) is "unavailable", never "free". */
export const slotText = (g) =>
  g.available ? t('state.available') : g.state === 'idle' || g.state === 'plugged' ? t('state.unavailable') : stateText(g.state)
/** Why it cannot start: the server's reason, else its state. */
export const slotReason = (g) => g.reason || stateText(g.state)
export const orderStateText = (s) => t(`orderState.${s}`) === `orderState.${s}` ? s : t(`orderState.${s}`)
export const tierText = (s) => t(`tier.${s}`) === `tier.${s}` ? s : t(`tier.${s}`)
export const isEn = () => locale.value === 'en'
