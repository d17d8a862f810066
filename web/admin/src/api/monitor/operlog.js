import request from '@/utils/request'

export const listOperlog = (params) => request({ url: '/monitor/operlog/list', method: 'get', params })
export const getOperlog = (id) => request({ url: `/monitor/operlog/${id}`, method: 'get' })
