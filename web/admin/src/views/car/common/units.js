// Unit conversions of docs/api-car.md "Units" (integers on the wire, human units in forms)

const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))

/** 0.00001 yuan/kWh ↔ yuan/kWh */
export const priceToYuan = (v) => (num(v) === null ? null : num(v) / 100000)
export const yuanToPrice = (y) => (num(y) === null ? null : Math.round(num(y) * 100000))
/** fen ↔ yuan */
export const fenToYuan = (v) => (num(v) === null ? null : num(v) / 100)
export const yuanToFen = (y) => (num(y) === null ? null : Math.round(num(y) * 100))
/** 0.0001 yuan (…Milli) → yuan */
export const milliToYuan = (v) => (num(v) === null ? null : num(v) / 10000)
/** 0.0001 kWh ↔ kWh */
export const energyToKwh = (v) => (num(v) === null ? null : num(v) / 10000)
export const kwhToEnergy = (k) => (num(k) === null ? null : Math.round(num(k) * 10000))
/** 0.01 % ↔ % */
export const bpToPercent = (v) => (num(v) === null ? null : num(v) / 100)
export const percentToBp = (p) => (num(p) === null ? null : Math.round(num(p) * 100))
/** 0.1 A ↔ A */
export const deciToUnit = (v) => (num(v) === null ? null : num(v) / 10)
export const unitToDeci = (a) => (num(a) === null ? null : Math.round(num(a) * 10))
/** W ↔ kW */
export const wToKw = (v) => (num(v) === null ? null : num(v) / 1000)
export const kwToW = (k) => (num(k) === null ? null : Math.round(num(k) * 1000))

export const fmt = (v, digits = 2) => (num(v) === null || isNaN(num(v)) ? '—' : num(v).toFixed(digits))
export const fmtYuan = (fen) => fmt(fenToYuan(fen), 2)
export const fmtPrice = (p) => fmt(priceToYuan(p), 4)
export const fmtKwh = (e) => fmt(energyToKwh(e), 4)

// ---- the 48 half-hour slots of a day
export const HALF_HOURS = Array.from({ length: 49 }, (_, i) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`)
export const timeToSlot = (s) => {
  const m = /^(\d{2}):(\d{2})$/.exec(s || '')
  if (!m) return null
  const mins = Number(m[1]) * 60 + Number(m[2])
  return mins % 30 === 0 && mins <= 1440 ? mins / 30 : null
}
export const slotToTime = (i) => HALF_HOURS[i]

/**
 * Analyse periods [{start, end, tier}] → {slots: [tier|null|'overlap'] × 48, gaps: [[a,b]], overlaps: [[a,b]]}
 * (ranges are slot indices, end exclusive).
 */
export function analysePeriods(periods) {
  const cover = Array.from({ length: 48 }, () => [])
  const invalid = []
  ;(periods || []).forEach((p, idx) => {
    const a = timeToSlot(p.start)
    const b = timeToSlot(p.end)
    if (a === null || b === null || b <= a || !p.tier) { invalid.push(idx); return }
    for (let i = a; i < b; i++) cover[i].push(p.tier)
  })
  const slots = cover.map(c => (c.length === 0 ? null : c.length > 1 ? 'overlap' : c[0]))
  const ranges = (pred) => {
    const out = []
    let s = -1
    for (let i = 0; i <= 48; i++) {
      const hit = i < 48 && pred(cover[i])
      if (hit && s < 0) s = i
      if (!hit && s >= 0) { out.push([s, i]); s = -1 }
    }
    return out
  }
  return { slots, gaps: ranges(c => c.length === 0), overlaps: ranges(c => c.length > 1), invalid }
}

/** Merge adjacent equal slots into display segments [{start, end, tier}] (tier null = gap). */
export function segmentsOf(slots) {
  const out = []
  slots.forEach((tier, i) => {
    const last = out[out.length - 1]
    if (last && last.tier === tier) last.end = i + 1
    else out.push({ start: i, end: i + 1, tier })
  })
  return out
}

/** Save a Blob as a file (shared helper). */
export { saveBlob } from '@/utils/download'
