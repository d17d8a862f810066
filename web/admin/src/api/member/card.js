import request from '@/utils/request'
import { crud } from '../crud'

// MEM-CARD 卡管理 (docs/api-member.md)
const base = '/member/card'
const api = crud(base)
export const listCard = api.list
export const getCard = api.get
export const changeCardStatus = api.changeStatus
// Silent: the card dialog shows a refusal (collective locked, balance short, number taken) inside the form.
export const issueCard = (data) => request({ url: base, method: 'post', data, silent: true })
export const updateCard = (data) => request({ url: base, method: 'put', data, silent: true })
/** → {balance, bonus} */
export const topupCard = (data) => request({ url: `${base}/topup`, method: 'post', data })
export const cardLedger = (id, params) => request({ url: `${base}/${id}/ledger`, method: 'get', params })
