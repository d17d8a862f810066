import request from '@/utils/request'

export const login = (username, password) =>
  request({ url: '/login', method: 'post', data: { username, password }, auth: false, silent: true, skipAuthRedirect: true })
export const logout = () => request({ url: '/logout', method: 'post', silent: true, skipAuthRedirect: true })
export const getInfo = () => request({ url: '/getInfo', method: 'get' })
export const getRouters = () => request({ url: '/getRouters', method: 'get' })
