import request from '@/utils/request'

// ORD-CAR 汽车订单 (docs/api-order.md)
const base = '/order/car'
/** `{rows, total, totalCapped}`: total is exact up to 10,000 matching orders. */
export const listCarOrder = (params) => request({ url: `${base}/list`, method: 'get', params })
/** The order + payments, refunds, tariff and billingDetail. */
export const getCarOrder = (id) => request({ url: `${base}/${id}`, method: 'get' })
export const endCarOrder = (id, data = {}) => request({ url: `${base}/${id}/end`, method: 'post', data, timeout: 60000 })
/** `{amount?, reason}` (fen; no amount = the maximum). */
export const refundCarOrder = (id, data) => request({ url: `${base}/${id}/refund`, method: 'post', data })
/** Starts an export job of the filtered list → `{jobId}`. */
export const exportCarOrder = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
