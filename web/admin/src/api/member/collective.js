import request from '@/utils/request'
import { crud } from '../crud'

// MEM-COLL 集体户管理 (docs/api-member.md)
const base = '/member/collective'
const api = crud(base)
export const listCollective = api.list
export const getCollective = api.get
export const addCollective = api.add
export const updateCollective = api.update
export const changeCollectiveStatus = api.changeStatus
export const lockCollective = (id, locked) => request({ url: `${base}/lock`, method: 'put', data: { id, locked } })
/** → {balance} */
export const topupCollective = (data) => request({ url: `${base}/topup`, method: 'post', data })
export const collectiveLedger = (id, params) => request({ url: `${base}/${id}/ledger`, method: 'get', params })
/** Enabled, unlocked accounts `[{id, name, balance}]`; quiet (a search filter, a form choice). */
export const collectiveOptions = (params = {}) => request({ url: `${base}/options`, method: 'get', params, silent: true })
