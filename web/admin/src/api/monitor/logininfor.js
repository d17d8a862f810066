import request from '@/utils/request'

export const listLogininfor = (params) => request({ url: '/monitor/logininfor/list', method: 'get', params })
