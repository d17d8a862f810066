import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/area'
const api = crud(base)
export const listArea = api.list
export const getArea = api.get
export const addArea = api.add
export const updateArea = api.update
export const changeAreaStatus = api.changeStatus
export const areaOptions = (stationId) => request({ url: `${base}/options`, method: 'get', params: { stationId } })
