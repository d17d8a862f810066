import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/spot'
const api = crud(base)
export const listSpot = api.list
export const getSpot = api.get
export const updateSpot = api.update
export const changeSpotStatus = api.changeStatus
/** `{stationId, areaId, count, lockType, namePrefix?}` → `{ids}` */
export const batchAddSpot = (data) => request({ url: `${base}/batch`, method: 'post', data })
export const spotOptions = (areaId) => request({ url: `${base}/options`, method: 'get', params: { areaId } })
/** action: "open" | "close" — a device command (silent: runCommand shows the result). */
export const spotLock = (id, action) => request({ url: `${base}/lock`, method: 'put', data: { id, action }, timeout: 60000, silent: true })
/** `{id, pileId (null = unbind), gunNo}`: the spot's ground lock is gun `gunNo` of a YKC pile. */
export const bindSpotLockPile = (id, pileId, gunNo) => request({ url: `${base}/lockPile`, method: 'put', data: { id, pileId, gunNo } })
