/** Error text for prepay values in yuan (empty when valid): ≤ 12, positive, distinct. */
export function validatePrepay(values, t) {
  if (values.length > 12) return t('car.tariff.prepayMax')
  if (values.some(v => !(Number(v) > 0))) return t('car.tariff.prepayPositive')
  const fen = values.map(v => Math.round(Number(v) * 100))
  if (new Set(fen).size !== fen.length) return t('car.tariff.prepayDup')
  return ''
}
