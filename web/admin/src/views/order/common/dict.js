import { t } from '@/locales'

// The order pages' enumerations (docs/api-order.md) and their tag colours.
const DICTS = {
  carStatus: { starting: 'warning', charging: 'primary', stopping: 'warning', completed: 'success', abnormal: 'danger', suspended: 'info' },
  bikeStatus: { charging: 'primary', finished: 'success', suspended: 'info', abnormal: 'danger' },
  startMethod: { app: 'primary', card: 'success', admin: 'info' },
  orderType: { car: 'primary', bike: 'success' },
  payType: { wechat: 'success', leshua: 'primary', suixingpay: 'warning' },
  payStatus: { unpaid: 'warning', paid: 'success', failed: 'danger', closed: 'info' },
  refundType: { prepay_return: 'info', fee_refund: 'warning' },
  refundStatus: { pending: 'warning', succeeded: 'success', failed: 'danger' },
  ledgerKind: { payment: 'success', capture: 'primary', refund_request: 'warning', refund: 'info', refund_failed: 'danger' },
  deviceType: { car_pile: 'primary', bike_device: 'success' },
  recordStatus: { active: 'primary', stopped: 'info' },
  recordMethod: { app: 'primary', card: 'success', vin: 'success', offline_card: 'warning', ocpp: 'info', unknown: 'info' },
  reconcile: { open: 'warning', reviewed: 'success' }
}

export function orderDictOptions(name) {
  return Object.keys(DICTS[name]).map(v => ({ value: v, label: t(`order.dict.${name}.${v}`) }))
}
export function orderDictLabel(name, value) {
  if (value === null || value === undefined || value === '') return ''
  return DICTS[name] && value in DICTS[name] ? t(`order.dict.${name}.${value}`) : String(value)
}
/** {label, type} for an el-tag (DetailDrawer items' `tag`). */
export function orderTag(name, value) {
  if (value === null || value === undefined || value === '') return { label: '' }
  return { label: orderDictLabel(name, value), type: DICTS[name]?.[value] || 'info' }
}

export const PERMS = {
  car: { query: 'order:car:query', end: 'order:car:end', refund: 'order:car:refund', export: 'order:car:export' },
  bike: { query: 'order:bike:query', end: 'order:bike:end', refund: 'order:bike:refund', export: 'order:bike:export' },
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

/** Query params without paging and empty values (the export's filters). */
export function exportFilters(params) {
  const f = { ...params }
  delete f.pageNum
  delete f.pageSize
  for (const k of Object.keys(f)) if (f[k] === '' || f[k] === null || f[k] === undefined) delete f[k]
  return f
}

/** Seconds → "1小时5分" / "1 h 5 min". */
export function fmtDuration(s) {
  if (s === null || s === undefined || s === '' || isNaN(Number(s))) return '—'
  const n = Math.max(0, Math.round(Number(s)))
  const h = Math.floor(n / 3600), m = Math.floor((n % 3600) / 60), sec = n % 60
  if (h) return t('order.common.durationHm', { h, m })
  if (m) return t('order.common.durationMs', { m, s: sec })
  return t('order.common.durationS', { s: sec })
}
/** An order's duration in seconds: stored (e-bike) or end/now − start. */
export function orderSeconds(o) {
  if (o.duration) return o.duration
  if (!o.startTime) return null
  return ((o.endTime || Date.now()) - o.startTime) / 1000
}
