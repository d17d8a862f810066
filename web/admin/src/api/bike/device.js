import request from '@/utils/request'
import { crud } from '../crud'

// docs/api-bike.md "Devices (BIKE-DEV)"
const base = '/bike/device'
const api = crud(base)
export const listDevice = api.list
/** row + `sockets` */
export const getDevice = api.get
export const addDevice = api.add
export const updateDevice = api.update
export const changeDeviceStatus = api.changeStatus
/** 409 while a socket is charging */
export const delDevice = api.remove
/** command: refresh | reboot. Silent: runCommand shows the result from the reply's reason code. */
export const deviceCommand = (id, command) => request({ url: `${base}/${id}/command`, method: 'post', data: { command }, timeout: 60000, silent: true })
export const deviceQr = (id, template = 'plain') =>
  request({ url: `${base}/${id}/qr`, method: 'get', params: { template }, responseType: 'blob' })
/** Starts an export job of the filtered list → `{jobId}`. */
export const deviceQrExport = (filters) => request({ url: `${base}/qrExport`, method: 'post', data: filters })
/** The live session, the latest meter values per socket and the last frames each way (newest first). */
export const deviceMessages = (id) => request({ url: `${base}/${id}/messages`, method: 'get' })
export const setDeviceOcppPassword = (id, password) => request({ url: `${base}/${id}/ocppPassword`, method: 'put', data: { password } })
