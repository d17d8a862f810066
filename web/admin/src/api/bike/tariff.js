import request from '@/utils/request'
import { crud } from '../crud'

// docs/api-bike.md "Tariffs (BIKE-TARIFF)", rules in docs/billing.md
const base = '/bike/tariff'
const api = crud(base)
export const listTariff = api.list
export const getTariff = api.get
export const addTariff = api.add
export const updateTariff = api.update
export const changeTariffStatus = api.changeStatus
export const delTariff = api.remove
/** prepayValues in fen */
export const updatePrepay = (id, prepayValues) => request({ url: `${base}/prepay`, method: 'put', data: { id, prepayValues } })
/** `{id, durationMinutes, powerW?}` → `{durationS, billedS, units, band, powerW, energy, energyFee, serviceFee, total, cap, free}` */
export const billingTest = (data) => request({ url: `${base}/billingTest`, method: 'post', data })
/** `{id, amount (fen), powerW?}` → `{durationMinutes, bill}` */
export const prepayDuration = (data) => request({ url: `${base}/prepayDuration`, method: 'post', data })
