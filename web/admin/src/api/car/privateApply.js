import request from '@/utils/request'

export const listPrivateApply = (params) => request({ url: '/car/privateApply/list', method: 'get', params })
export const handlePrivateApply = (data) => request({ url: '/car/privateApply/handle', method: 'put', data })

// public (no sign-in): the mobile application form
export const publicApplyInfo = (stationId) =>
  request({ url: `/public/car/privateApply/${stationId}`, method: 'get', auth: false, skipAuthRedirect: true, silent: true })
export const publicApplySubmit = (data) =>
  request({ url: '/public/car/privateApply', method: 'post', data, auth: false, skipAuthRedirect: true, silent: true })
