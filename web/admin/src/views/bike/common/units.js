// Unit conversions of docs/billing.md "Units" (integers on the wire, human units in forms)
const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))

/** fen ↔ yuan (amounts, caps, prepay values, bills) */
export const fenToYuan = (v) => (num(v) === null ? null : num(v) / 100)
export const yuanToFen = (y) => (num(y) === null ? null : Math.round(num(y) * 100))
/** 0.0001 yuan ↔ yuan (price per billing unit: A, D service fee, B/E bands; …Milli breakdowns) */
export const milliToYuan = (v) => (num(v) === null ? null : num(v) / 10000)
export const yuanToMilli = (y) => (num(y) === null ? null : Math.round(num(y) * 10000))
/** 0.00001 yuan/kWh ↔ yuan/kWh (energy / service price per kWh) */
export const priceToYuan = (v) => (num(v) === null ? null : num(v) / 100000)
export const yuanToPrice = (y) => (num(y) === null ? null : Math.round(num(y) * 100000))
/** 0.0001 kWh → kWh */
export const energyToKwh = (v) => (num(v) === null ? null : num(v) / 10000)
/** 0.1 A ↔ A */
export const deciToUnit = (v) => (num(v) === null ? null : num(v) / 10)
export const unitToDeci = (a) => (num(a) === null ? null : Math.round(num(a) * 10))

export const fmt = (v, digits = 2) => (num(v) === null || isNaN(num(v)) ? '—' : num(v).toFixed(digits))
export const fmtYuan = (fen) => fmt(fenToYuan(fen), 2)
export const fmtMilli = (m) => fmt(milliToYuan(m), 4)
export const fmtPrice = (p) => fmt(priceToYuan(p), 4)
export const fmtKwh = (e) => fmt(energyToKwh(e), 4)

/** 125 → "2小时5分钟" / "2 h 5 min" */
export function fmtMinutes(min, t) {
  if (num(min) === null) return '—'
  const m = Math.round(num(min))
  const h = Math.floor(m / 60)
  const r = m % 60
  if (!h) return t('bike.common.min', { n: r })
  return r ? t('bike.common.hMin', { h, m: r }) : t('bike.common.h', { h })
}

/** A band's range: "200W–400W" or "700W以上" (the server's wording). */
export function bandRange(b, t) {
  if (!b) return '—'
  return b.maxW === null || b.maxW === undefined || b.maxW === '' ? t('bike.tariff.bandOpen', { min: b.minW }) : `${b.minW}W–${b.maxW}W`
}

/**
 * Check power bands [{minW, maxW|null, unitPrice}] the way the engine does (docs/billing.md "Power
 * bands"): cover 0 W upwards with no gap or overlap, only the top band open. → {problems: [text],
 * missing: [text] (rows without a price), segments: [{from, to, kind: 'band'|'gap'|'overlap', index?}], top} (for the bar).
 */
export function analyseBands(bands, t) {
  const problems = []
  const missing = []
  const list = (bands || []).map((b, i) => ({ ...b, i, minW: num(b.minW), maxW: num(b.maxW) }))
  if (!list.length) return { problems: [t('bike.tariff.bandsEmpty')], missing, segments: [], top: 0 }
  list.forEach((b) => {
    if (b.minW === null || b.minW < 0) problems.push(t('bike.tariff.bandRowMin', { n: b.i + 1 }))
    else if (b.maxW !== null && b.maxW <= b.minW) problems.push(t('bike.tariff.bandRowMax', { n: b.i + 1 }))
    if (b.unitPrice === null || b.unitPrice === undefined || b.unitPrice === '') missing.push(t('bike.tariff.bandRowPrice', { n: b.i + 1 }))
  })
  const valid = list.filter(b => b.minW !== null && b.minW >= 0 && (b.maxW === null || b.maxW > b.minW)).sort((a, b) => a.minW - b.minW || (a.maxW ?? Infinity) - (b.maxW ?? Infinity))
  const label = (b) => bandRange(b, t)
  const segments = []
  let reach = 0 // covered up to (exclusive); Infinity once an open band is seen
  valid.forEach((b, k) => {
    if (b.minW > reach) {
      problems.push(t('bike.tariff.bandGap', { range: `${reach}W–${b.minW}W` }))
      segments.push({ from: reach, to: b.minW, kind: 'gap' })
    }
    for (let j = 0; j < k; j++) {
      const o = valid[j]
      const oEnd = o.maxW ?? Infinity
      if (b.minW < oEnd) problems.push(t('bike.tariff.bandOverlap', { a: label(o), b: label(b) }))
    }
    segments.push({ from: b.minW, to: b.maxW ?? null, kind: b.minW < reach ? 'overlap' : 'band', index: b.i })
    reach = Math.max(reach, b.maxW ?? Infinity)
  })
  const finite = valid.flatMap(b => [b.minW, b.maxW]).filter(v => v !== null && isFinite(v))
  const top = Math.max(100, ...finite)
  return { problems, missing, segments, top }
}
