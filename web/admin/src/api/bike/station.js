import request from '@/utils/request'
import { crud } from '../crud'
import { stationConfigApi } from '../station'

// docs/api-bike.md "Stations (BIKE-ST)"; audit, invoice and payment config are the shared station mechanisms
const base = '/bike/station'
const api = crud(base)
export const listStation = api.list
export const getStation = api.get
export const addStation = api.add
export const updateStation = api.update
export const changeStationStatus = api.changeStatus
export const stationConfig = stationConfigApi('bike')
/** `[{id, name}]` in scope; `enabledOnly` for add forms. */
export const stationOptions = (params = {}) =>
  request({ url: `${base}/options`, method: 'get', params: { propertyId: params.propertyId, enabledOnly: params.enabledOnly ? 1 : undefined } })
