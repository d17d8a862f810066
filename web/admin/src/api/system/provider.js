import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/provider')
export const listProvider = api.list
export const getProvider = api.get
export const addProvider = api.add
export const updateProvider = api.update
export const changeProviderStatus = api.changeStatus
export const auditProvider = (data) => request({ url: '/system/provider/audit', method: 'put', data })
export const providerOptions = () => request({ url: '/system/provider/options', method: 'get' })
