import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/camera'
const api = crud(base)
export const listCamera = api.list
export const getCamera = api.get
export const addCamera = api.add
export const updateCamera = api.update
export const changeCameraStatus = api.changeStatus
/** command: reboot | clockSync | capture | syncLock | refresh | lockOpen | lockClose; side: left | right */
export const cameraCommand = (id, command, side) =>
  request({ url: `${base}/${id}/command`, method: 'post', data: side ? { command, side } : { command }, timeout: 60000, silent: true })
/** A new push secret for the camera (the old one stops working); returned once: { secret } */
export const regenerateCameraSecret = (id) => request({ url: `${base}/${id}/secret`, method: 'put' })
