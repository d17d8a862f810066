import request from '@/utils/request'
import { crud } from '../crud'

// docs/api-bike.md "Areas (BIKE-AREA)"
const base = '/bike/area'
const api = crud(base)
export const listArea = api.list
export const getArea = api.get
export const addArea = api.add
export const updateArea = api.update
export const changeAreaStatus = api.changeStatus
/** 409 with the server's reason while the area still has devices or tariffs (or is the default area). */
export const delArea = api.remove
export const areaOptions = (stationId) => request({ url: `${base}/options`, method: 'get', params: { stationId } })
