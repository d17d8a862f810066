import request from '@/utils/request'

// 操作日志 (docs/api-system.md "Logs")
const base = '/monitor/operlog'
export const listOperlog = (params) => request({ url: `${base}/list`, method: 'get', params })
export const getOperlog = (id) => request({ url: `${base}/${id}`, method: 'get' })
export const exportOperlog = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
export const cleanOperlog = () => request({ url: `${base}/clean`, method: 'delete' })
