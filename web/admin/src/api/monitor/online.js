import request from '@/utils/request'

// 在线用户 (docs/api-system.md "Online users")
const base = '/monitor/online'
export const listOnline = (params) => request({ url: `${base}/list`, method: 'get', params })
export const forceLogout = (id) => request({ url: `${base}/${id}`, method: 'delete' })
