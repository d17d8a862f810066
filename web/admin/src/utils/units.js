import { t } from '@/locales'

// Unit conversions of the API contract (docs/api-car.md, docs/billing.md "Units"): integers on the wire,
// human units in forms and tables. The one copy every page imports.
const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))
const scale = (k) => (v) => (num(v) === null ? null : num(v) / k)
const unscale = (k) => (v) => (num(v) === null ? null : Math.round(num(v) * k))

/** fen ↔ yuan (amounts, caps, prepay values, bills) */
export const fenToYuan = scale(100)
export const yuanToFen = unscale(100)
/** 0.0001 yuan ↔ yuan (…Milli amounts, e-bike unit prices) */
export const milliToYuan = scale(10000)
export const yuanToMilli = unscale(10000)
/** 0.00001 yuan/kWh ↔ yuan/kWh (energy / service price per kWh) */
export const priceToYuan = scale(100000)
export const yuanToPrice = unscale(100000)
/** 0.0001 kWh ↔ kWh */
export const energyToKwh = scale(10000)
export const kwhToEnergy = unscale(10000)
/** 0.01 % ↔ % (tax rates, split ratios) */
export const bpToPercent = scale(100)
export const percentToBp = unscale(100)
/** 0.1 A ↔ A */
export const deciToUnit = scale(10)
export const unitToDeci = unscale(10)
/** W ↔ kW */
export const wToKw = scale(1000)
export const kwToW = unscale(1000)

export const fmt = (v, digits = 2) => (num(v) === null || isNaN(num(v)) ? '—' : num(v).toFixed(digits))
export const fmtYuan = (fen) => fmt(fenToYuan(fen), 2)
export const fmtMilli = (m) => fmt(milliToYuan(m), 4)
export const fmtPrice = (p) => fmt(priceToYuan(p), 4)
export const fmtKwh = (e) => fmt(energyToKwh(e), 4)

/** Seconds → "1小时5分钟" / "1 h 5 min", "3分20秒", "45秒"; '—' when absent. */
export function fmtDuration(s) {
  if (num(s) === null || isNaN(num(s))) return '—'
  const n = Math.max(0, Math.round(num(s)))
  const h = Math.floor(n / 3600), m = Math.floor((n % 3600) / 60), sec = n % 60
  if (h) return m ? t('common.duration.hm', { h, m }) : t('common.duration.h', { h })
  if (m) return sec ? t('common.duration.ms', { m, s: sec }) : t('common.duration.m', { m })
  return t('common.duration.s', { s: sec })
}
/** Minutes → "2小时5分钟" / "2 h 5 min". */
export const fmtMinutes = (min) => (num(min) === null ? '—' : fmtDuration(num(min) * 60))
