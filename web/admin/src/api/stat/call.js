import request from '@/utils/request'
import { crud } from '../crud'

// 接听记录 (docs/api-stat.md "Call log")
const base = '/stat/call'
const api = crud(base)
export const listCall = api.list
export const getCall = api.get
export const addCall = api.add
export const updateCall = api.update
export const exportCall = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
