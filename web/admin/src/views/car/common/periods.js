// The 48 half-hour slots of a car tariff day and the checks of its periods.
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
