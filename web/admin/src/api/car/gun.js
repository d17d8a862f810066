import request from '@/utils/request'

const base = '/car/gun'
export const listGun = (params) => request({ url: `${base}/list`, method: 'get', params })
export const getGun = (id) => request({ url: `${base}/${id}`, method: 'get' })
export const updateGun = (data) => request({ url: base, method: 'put', data })
export const changeGunStatus = (id, status) => request({ url: `${base}/changeStatus`, method: 'put', data: { id, status } })
export const gunQr = (id, template = 'plain') =>
  request({ url: `${base}/${id}/qr`, method: 'get', params: { template }, responseType: 'blob' })
export const gunQrExport = (filters) => request({ url: `${base}/qrExport`, method: 'post', data: filters })
