import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/station'
const api = crud(base)
export const listStation = api.list
export const getStation = api.get
export const addStation = api.add
export const updateStation = api.update
export const changeStationStatus = api.changeStatus
export const auditStation = (data) => request({ url: `${base}/audit`, method: 'put', data })
/** `[{id, name}]` in scope; `enabledOnly` for add forms. */
export const stationOptions = (params = {}) =>
  request({ url: `${base}/options`, method: 'get', params: { propertyId: params.propertyId, enabledOnly: params.enabledOnly ? 1 : undefined } })
export const getInvoiceConfig = (id) => request({ url: `${base}/${id}/invoiceConfig`, method: 'get', silent: true })
export const saveInvoiceConfig = (data) => request({ url: `${base}/invoiceConfig`, method: 'put', data })
export const getPayConfig = (id) => request({ url: `${base}/${id}/payConfig`, method: 'get', silent: true })
export const savePayConfig = (data) => request({ url: `${base}/payConfig`, method: 'put', data })
/** PNG (Blob) of the public private-pile application link. */
export const privateApplyQr = (id, template = 'plain') =>
  request({ url: `${base}/${id}/privateApplyQr`, method: 'get', params: { template }, responseType: 'blob' })
