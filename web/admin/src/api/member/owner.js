import request from '@/utils/request'
import { crud } from '../crud'

// MEM-OWNER 车主管理 (docs/api-member.md)
const base = '/member/owner'
const api = crud(base)
export const listOwner = api.list
export const getOwner = api.get
export const addOwner = api.add
export const updateOwner = api.update
export const changeOwnerStatus = api.changeStatus
export const verifyOwner = (id, verified) => request({ url: `${base}/verify`, method: 'put', data: { id, verified } })
