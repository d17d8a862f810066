import request from '@/utils/request'

// MEM-MEMBER 会员管理 (docs/api-member.md): ids are app user ids
const base = '/member/member'
export const listMember = (params) => request({ url: `${base}/list`, method: 'get', params })
/** → row + cards */
export const getMember = (userId) => request({ url: `${base}/${userId}`, method: 'get' })
export const updateMember = (data) => request({ url: base, method: 'put', data })
