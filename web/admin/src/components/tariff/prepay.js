import { t } from '@/locales'

/** Error text for prepay values in yuan (empty when valid): ≤ 12, positive, distinct. */
export function validatePrepay(values) {
  if (values.length > 12) return t('shared.prepay.max')
  if (values.some(v => !(Number(v) > 0))) return t('shared.prepay.positive')
  const fen = values.map(v => Math.round(Number(v) * 100))
  if (new Set(fen).size !== fen.length) return t('shared.prepay.dup')
  return ''
}

/** fen ↔ yuan */
export const fenToYuanValues = (fen) => (fen || []).map(v => Number(v) / 100)
export const yuanToFenValues = (yuan) => (yuan || []).map(v => Math.round(Number(v) * 100))
