import request from '@/utils/request'

// ORD-PAY 支付订单 (docs/api-order.md)
const base = '/order/payment'
export const listPayment = (params) => request({ url: `${base}/list`, method: 'get', params })
/** The row + heldAmount, refunds[], ledger[]. */
export const getPayment = (id) => request({ url: `${base}/${id}`, method: 'get' })
export const exportPayment = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
/** `{balanced, problems: [{payOrderId, payNo, problem}]}` (system administrators). */
export const reconcilePayments = () => request({ url: `${base}/reconciliation`, method: 'get' })
