import { parseTime } from '@/utils'
import { fmtYuan } from '@/utils/units'
import { t } from '@/locales'
import { resolveTag } from '@/utils/dict'

const DAY = 86400000
/** A card's validity is [validFrom, validTo) in epoch ms, validTo 0 = no end; the form edits dates. */
export function validityText(c) {
  if (!c?.validFrom && !c?.validTo) return ''
  const from = parseTime(c.validFrom, '{y}-{m}-{d}')
  return c.validTo ? `${from} ~ ${parseTime(c.validTo - 1, '{y}-{m}-{d}')}` : t('member.card.fromNoEnd', { from })
}
/** [Date, Date] of the form (whole days) ↔ {validFrom, validTo}. */
export function rangeToValidity(range) {
  if (!Array.isArray(range) || !range[0]) {
    const today = new Date(); today.setHours(0, 0, 0, 0)
    return { validFrom: today.getTime(), validTo: 0 }
  }
  const b = new Date(range[0]); b.setHours(0, 0, 0, 0)
  const e = new Date(range[1]); e.setHours(0, 0, 0, 0)
  return { validFrom: b.getTime(), validTo: e.getTime() + DAY }
}
export const validityToRange = (c) => (c.validTo ? [new Date(c.validFrom), new Date(c.validTo - 1)] : [])

const yuan = (v) => t('member.common.yuanValue', { v: fmtYuan(v) })
/** The DetailDrawer items of a card. */
export function cardDetailItems(d) {
  return [
    { label: t('member.card.cardNo'), value: d.cardNo },
    { label: t('member.card.physicalNo'), value: d.physicalNo },
    { label: t('member.card.holder'), value: d.holderName },
    { label: t('member.common.phone'), value: d.phone },
    { label: t('member.card.product'), value: d.productName },
    { label: t('member.product.productType'), tag: resolveTag('productType', d.productType) },
    { label: t('member.product.issueType'), tag: resolveTag('issueType', d.issueType) },
    { label: t('member.card.collective'), value: d.collectiveName, hide: d.issueType !== 'collective' },
    { label: t('member.product.faceValue'), value: yuan(d.faceValue) },
    { label: t('member.common.balance'), value: yuan(d.balance) },
    { label: t('member.card.validity'), value: validityText(d) },
    { label: t('common.status'), value: d.status, dict: 'status' },
    { label: t('member.card.charging'), value: d.charging ? t('member.card.chargingNow') : t('member.card.idle') },
    { label: t('member.common.property'), value: d.propertyName }
  ]
}
