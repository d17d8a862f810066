import { fmtYuan, fenToYuan, yuanToFen } from '@/utils/units'
import { t } from '@/locales'

/** The bonus (fen) a top-up of `amount` fen earns: the highest tier reached (as the server, card_rules). */
export function bonusFor(tiers, amount) {
  let bonus = 0
  for (const tier of tiers || []) if (amount >= tier.minAmount) bonus = tier.bonus
  return bonus
}

/** "满100.00元送10.00元；满200.00元送25.00元", '' without tiers. */
export const tiersText = (tiers) =>
  (tiers || []).map(x => t('member.product.tierText', { min: fmtYuan(x.minAmount), bonus: fmtYuan(x.bonus) })).join(t('member.common.listSep'))

/** Editor rows (yuan) ↔ wire tiers (fen). */
export const tiersToRows = (tiers) => (tiers || []).map(x => ({ min: fenToYuan(x.minAmount), bonus: fenToYuan(x.bonus) }))
export const rowsToTiers = (rows) => rows.map(r => ({ minAmount: yuanToFen(r.min), bonus: yuanToFen(r.bonus) }))

/** The reason the editor rows are not usable, '' when fine: the server's bonus_tiers_error, in yuan. */
export function tiersError(rows) {
  for (let i = 0; i < rows.length; i++) {
    const { min, bonus } = rows[i]
    if (!(min > 0) || !(bonus > 0)) return t('member.product.tierPositive', { n: i + 1 })
    if (bonus > min) return t('member.product.tierBonusOver', { n: i + 1 })
    if (i > 0 && min <= rows[i - 1].min) return t('member.product.tierAscending', { n: i + 1 })
  }
  return ''
}
