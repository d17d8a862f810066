import request from '@/utils/request'

// ORD-BIKE 单车订单 (docs/api-order.md)
const base = '/order/bike'
export const listBikeOrder = (params) => request({ url: `${base}/list`, method: 'get', params })
export const getBikeOrder = (id) => request({ url: `${base}/${id}`, method: 'get' })
/** `{durationS?, reason?}`: settle by a custom duration instead of the last reported one. */
export const endBikeOrder = (id, data = {}) => request({ url: `${base}/${id}/end`, method: 'post', data, timeout: 60000 })
export const refundBikeOrder = (id, data) => request({ url: `${base}/${id}/refund`, method: 'post', data })
export const exportBikeOrder = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
