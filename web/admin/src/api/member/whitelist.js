import { crud } from '../crud'

// MEM-WL 白名单管理 (docs/api-member.md)
const api = crud('/member/whitelist')
export const listWhitelist = api.list
export const getWhitelist = api.get
export const addWhitelist = api.add
export const updateWhitelist = api.update
export const changeWhitelistStatus = api.changeStatus
export const removeWhitelist = api.remove
