import request from '@/utils/request'

// ORD-RSV 预约订单 (docs/parking.md)
const base = '/order/reservation'
export const listReservation = (params) => request({ url: `${base}/list`, method: 'get', params })
/** The reservation + its stays (occupancies) and the charging orders during them. */
export const getReservation = (id) => request({ url: `${base}/${id}`, method: 'get' })
/** Ends a reserved or occupying reservation (completed, reason admin). */
export const endReservation = (id) => request({ url: `${base}/${id}/end`, method: 'put', data: {} })
