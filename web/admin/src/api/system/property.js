import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/property')
export const listProperty = api.list
export const getProperty = api.get
export const addProperty = api.add
export const updateProperty = api.update
export const changePropertyStatus = api.changeStatus
export const propertyOptions = (providerId) =>
  request({ url: '/system/property/options', method: 'get', params: { providerId } })
