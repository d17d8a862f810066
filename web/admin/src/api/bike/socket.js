import request from '@/utils/request'

// docs/api-bike.md "Sockets (BIKE-SOCK)"
const base = '/bike/socket'
export const listSocket = (params) => request({ url: `${base}/list`, method: 'get', params })
export const updateSocket = (data) => request({ url: base, method: 'put', data })
export const changeSocketStatus = (id, status) => request({ url: `${base}/changeStatus`, method: 'put', data: { id, status } })
export const socketQr = (id, template = 'plain') =>
  request({ url: `${base}/${id}/qr`, method: 'get', params: { template }, responseType: 'blob' })
export const socketQrExport = (filters) => request({ url: `${base}/qrExport`, method: 'post', data: filters })
