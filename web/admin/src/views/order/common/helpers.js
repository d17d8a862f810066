// What the order pages share besides their enumerations (utils/dict.js).
export const PERMS = {
  car: { kind: 'car', query: 'order:car:query', end: 'order:car:end', refund: 'order:car:refund', export: 'order:car:export', split: 'order:car:split', invoice: 'order:car:invoice' },
  bike: { kind: 'bike', query: 'order:bike:query', end: 'order:bike:end', refund: 'order:bike:refund', export: 'order:bike:export', split: 'order:bike:split', invoice: 'order:bike:invoice' },
  invoice: { query: 'order:invoice:query', download: 'order:invoice:download', reissue: 'order:invoice:reissue', void: 'order:invoice:void' },
  payment: { query: 'order:payment:query', export: 'order:payment:export', reconcile: 'order:payment:reconcile' },
  refund: { query: 'order:refund:query', export: 'order:refund:export' },
  record: { list: 'order:record:list', query: 'order:record:query', review: 'order:record:review' }
}

/** The last 7 days (today and the 6 before) as a date-range value. */
export function last7Days() {
  const end = new Date()
  const begin = new Date(end.getTime() - 6 * 86400000)
  return [begin, end]
}

/** An order's duration in seconds: stored (e-bike) or end/now − start. */
export function orderSeconds(o) {
  if (o.duration) return o.duration
  if (!o.startTime) return null
  return ((o.endTime || Date.now()) - o.startTime) / 1000
}

/** Where a charging order's number links to: its list page filtered by that number. */
export const orderRoute = (orderType, orderNo) => (orderNo && orderType ? { path: `/order/${orderType}`, query: { orderNo } } : null)
/** Where a payment's number links to. */
export const paymentRoute = (payNo) => (payNo ? { path: '/order/payment', query: { payNo } } : null)
