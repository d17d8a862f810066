import request from '@/utils/request'
import { crud } from '../crud'

const api = crud('/system/post')
export const listPost = api.list
export const getPost = api.get
export const addPost = api.add
export const updatePost = api.update
export const delPost = api.remove
export const postOptions = (deptId) => request({ url: '/system/post/options', method: 'get', params: { deptId } })
