import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/dept')
export const listDept = api.list
export const getDept = api.get
export const addDept = api.add
export const updateDept = api.update
export const delDept = (id) => request({ url: `/system/dept/${id}`, method: 'delete' })
export const deptTreeSelect = (params) => request({ url: '/system/dept/treeselect', method: 'get', params })
