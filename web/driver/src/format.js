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
/** 0.0001 yuan → "0.10" (2 decimals, or 4 when finer) */
export function milli(v) {
  const n = Math.round(Number(v) || 0)
  return n % 100 === 0 ? (n / 10000).toFixed(2) : (n / 10000).toFixed(4)
}
/** "元/度", "元/小时", "元/30分钟" — the unit of a price shown as a figure */
export function perUnit(minutes) {
  if (minutes == null) return t('common.yuanPerKwh')
  if (minutes === 1) return t('common.yuanPerMinute')
  if (minutes % 60 === 0) return minutes === 60 ? t('common.yuanPerHour') : t('common.yuanPerHours', { n: minutes / 60 })
  return t('common.yuanPerMinutes', { n: minutes })
}
/**
 * The station card's price now (GET /app/stations priceNow) as {figure, unit, from, note}: the figure in
 * yuan, its unit, `from` when it is the lowest of several (areas, power bands), `note` the period or the
 * service fee part. Null without a price.
 */
export function priceNowText(p) {
  if (!p) return null
  if (p.mode == null) { // car: energy + service per kWh in the tier in force now
    const whole = p.start === '00:00' && p.end === '24:00'
    return { figure: price(p.unitPrice), unit: t('common.yuanPerKwh'), from: !!p.varies,
      note: whole ? '' : `${tierText(p.tier)} ${p.start}–${p.end}` }
  }
  if (p.kwhPrice != null) {
    const svc = p.unitPrice != null ? `${t('station.service')} ${milli(p.unitPrice)}${perUnit(p.unitMinutes)}${p.banded ? t('home.from') : ''}` : ''
    return { figure: price(p.kwhPrice), unit: t('common.yuanPerKwh'), from: !!p.varies, note: svc }
  }
  return { figure: milli(p.unitPrice), unit: perUnit(p.unitMinutes), from: !!p.varies || !!p.banded,
    note: p.banded ? t('home.byPower') : '' }
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
