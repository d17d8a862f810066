import request from '@/utils/request'

// STAT-SPLIT 分账记录 (docs/splits.md)
const base = '/stat/split'
/** rows: {id, splitNo, payNo, orderType, orderNo, stationName, merchantNo, fee, amount, merchantAmount, returned,
 *  status, attempts, nextAttemptTime, result, operator, receiverCount, receiverName, createTime, finishTime} */
export const listSplit = (params) => request({ url: `${base}/list`, method: 'get', params })
/** The row + receivers[{type, account, name, ratio, amount, returned}], returns[]. */
export const getSplit = (id) => request({ url: `${base}/${id}`, method: 'get' })
/** Returns every receiver's share (asynchronous) → {returns: n}. */
export const revokeSplit = (id) => request({ url: `${base}/${id}/revoke`, method: 'post' })
export const resplitSplit = (id) => request({ url: `${base}/${id}/resplit`, method: 'post' })
/** The orders' 分账 action: a failed split of order `id` is sent again. */
export const resplitOrder = (kind, id) => request({ url: `/order/${kind}/${id}/split`, method: 'post' })
