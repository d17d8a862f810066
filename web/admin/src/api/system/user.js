import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/user')
export const listUser = api.list
export const getUser = api.get
export const addUser = api.add
export const updateUser = api.update
export const delUser = api.remove
export const changeUserStatus = api.changeStatus
export const resetUserPwd = (id, password) => request({ url: '/system/user/resetPwd', method: 'put', data: { id, password } })
export const bindUserStations = (id, stationType, stationIds) =>
  request({ url: '/system/user/stations', method: 'put', data: { id, stationType, stationIds } })
export const stationOptions = (stationType, userId) =>
  request({ url: '/system/user/stationOptions', method: 'get', params: { stationType, userId } })

export const getUserProfile = () => request({ url: '/system/user/profile', method: 'get' })
export const updateUserProfile = (data) => request({ url: '/system/user/profile', method: 'put', data })
export const updateUserPwd = (oldPassword, newPassword) =>
  request({ url: '/system/user/profile/updatePwd', method: 'put', data: { oldPassword, newPassword } })
