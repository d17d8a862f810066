import request from '@/utils/request'
import { crud } from '../crud'

// 故障记录 (docs/api-stat.md "Fault log")
const base = '/stat/fault'
const api = crud(base)
export const listFault = api.list
export const getFault = api.get
export const addFault = api.add
export const updateFault = api.update
export const exportFault = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
