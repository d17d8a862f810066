import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/role')
export const listRole = api.list
export const getRole = api.get
export const addRole = api.add
export const updateRole = api.update
export const delRole = api.remove
export const changeRoleStatus = api.changeStatus
export const roleMenuTree = () => request({ url: '/system/role/menuTree', method: 'get' })
export const roleOptions = (params) => request({ url: '/system/role/options', method: 'get', params })
export const roleUsers = (roleId, params) => request({ url: `/system/role/${roleId}/users`, method: 'get', params })
export const authUserSelect = (roleId, userIds) =>
  request({ url: '/system/role/authUser/select', method: 'put', data: { roleId, userIds } })
export const authUserCancel = (roleId, userIds) =>
  request({ url: '/system/role/authUser/cancel', method: 'put', data: { roleId, userIds } })
