import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/tariff'
const api = crud(base)
export const listTariff = api.list
export const getTariff = api.get
export const addTariff = api.add
export const updateTariff = api.update
export const changeTariffStatus = api.changeStatus
export const updatePrepay = (id, prepayValues) => request({ url: `${base}/prepay`, method: 'put', data: { id, prepayValues } })
/** `{id, energy (0.0001 kWh), startTime (epoch ms), durationMinutes}` → the engine's bill */
export const billingTest = (data) => request({ url: `${base}/billingTest`, method: 'post', data })
