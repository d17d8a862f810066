import request from '@/utils/request'

// 登录日志 (docs/api-system.md "Logs")
const base = '/monitor/logininfor'
export const listLogininfor = (params) => request({ url: `${base}/list`, method: 'get', params })
export const exportLogininfor = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
export const cleanLogininfor = () => request({ url: `${base}/clean`, method: 'delete' })
export const unlockLogininfor = (userName) => request({ url: `${base}/unlock/${encodeURIComponent(userName)}`, method: 'put' })
