import request from '@/utils/request'

// ORD-REF 退费管理 (docs/api-order.md)
const base = '/order/refund'
export const listRefund = (params) => request({ url: `${base}/list`, method: 'get', params })
export const getRefund = (id) => request({ url: `${base}/${id}`, method: 'get' })
export const exportRefund = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
