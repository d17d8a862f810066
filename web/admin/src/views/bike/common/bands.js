// The power bands of an e-bike tariff (modes B and E).
const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))

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
