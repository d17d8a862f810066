import request from '@/utils/request'
import { crud } from '../crud'

const base = '/car/pile'
const api = crud(base)
export const listPile = api.list
export const getPile = api.get
export const addPile = api.add
export const updatePile = api.update
export const changePileStatus = api.changeStatus
/** command: reboot | clockSync | qrSync | tariffSync | hotlineSync | refresh */
export const pileCommand = (id, command) => request({ url: `${base}/${id}/command`, method: 'post', data: { command }, timeout: 60000, silent: true })
/** The tariff version in force for the pile's area, or null. */
export const getPileTariff = (id) => request({ url: `${base}/${id}/tariff`, method: 'get' })
export const pileQr = (id, template = 'plain') =>
  request({ url: `${base}/${id}/qr`, method: 'get', params: { template }, responseType: 'blob' })
/** Starts an export job of the filtered list → `{jobId}`. */
export const pileQrExport = (filters) => request({ url: `${base}/qrExport`, method: 'post', data: filters })
/** The live session, the latest meter values per gun and the last frames each way (newest first). */
export const pileMessages = (id) => request({ url: `${base}/${id}/messages`, method: 'get' })
/** A YKC pile's offline card setting and the cards it was told → `{allowOfflineCard, cards}`. */
export const getPileOfflineCard = (id) => request({ url: `${base}/${id}/offlineCard`, method: 'get' })
export const setPileOfflineCard = (id, allowOfflineCard) => request({ url: `${base}/offlineCard`, method: 'put', data: { id, allowOfflineCard } })
