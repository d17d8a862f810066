import { fmtMilli, fmtPrice } from '@/utils/units'
import { bandRange } from '../../common/bands'

/** One line describing a tariff's prices, e.g. "1.0000 元/60分钟" or "电费 0.8000 元/度 + 服务费 …". */
export function tariffSummary(r, t) {
  if (!r || !r.mode) return ''
  const perUnit = t('bike.tariff.perUnit', { n: r.unitMinutes || 60 })
  const perKwh = t('bike.tariff.perKwh')
  const bands = () => [...(r.bands || [])].sort((a, b) => a.minW - b.minW).map(b => `${bandRange(b, t)} ${fmtMilli(b.unitPrice)}`).join('，')
  switch (r.mode) {
    case 'A': return `${fmtMilli(r.unitPrice)} ${perUnit}`
    case 'B': return `${bands()}（${perUnit}）`
    case 'C': return `${t('bike.tariff.energyFee')} ${fmtPrice(r.energyPrice)} + ${t('bike.tariff.serviceFee')} ${fmtPrice(r.servicePrice)} ${perKwh}`
    case 'D': return `${t('bike.tariff.energyFee')} ${fmtPrice(r.energyPrice)} ${perKwh} + ${t('bike.tariff.serviceFee')} ${fmtMilli(r.unitPrice)} ${perUnit}`
    case 'E': return `${t('bike.tariff.energyFee')} ${fmtPrice(r.energyPrice)} ${perKwh} + ${t('bike.tariff.serviceFee')} ${bands()}（${perUnit}）`
    default: return ''
  }
}

/** The same as lines for a table cell: one line per power band (B, E), else one line. */
export function tariffSummaryLines(r, t) {
  if (!r || !r.mode) return []
  if (r.mode !== 'B' && r.mode !== 'E') return [tariffSummary(r, t)]
  const perUnit = t('bike.tariff.perUnit', { n: r.unitMinutes || 60 })
  const lines = [...(r.bands || [])].sort((a, b) => a.minW - b.minW).map(b => t('bike.tariff.bandLine', { range: bandRange(b, t), price: `${fmtMilli(b.unitPrice)} ${perUnit}` }))
  if (r.mode === 'E') lines.unshift(`${t('bike.tariff.energyFee')} ${fmtPrice(r.energyPrice)} ${t('bike.tariff.perKwh')}`)
  return lines
}
