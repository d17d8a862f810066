import request from '@/utils/request'

// ORD-INV 发票管理 (docs/invoices.md)
const base = '/order/invoice'
export const listInvoice = (params) => request({ url: `${base}/list`, method: 'get', params })
/** The invoice + seller, lines, remark and its orders. */
export const getInvoice = (id) => request({ url: `${base}/${id}`, method: 'get' })
/** 开票 of an order page: `{orderIds, titleType, title, taxpayerId, email, phone}` → `{id}` (issued asynchronously). */
export const requestInvoice = (orderType, data) => request({ url: `/order/${orderType}/invoice`, method: 'post', data })
export const reissueInvoice = (id) => request({ url: `${base}/${id}/reissue`, method: 'post' })
export const voidInvoice = (id, reason) => request({ url: `${base}/${id}/void`, method: 'post', data: { reason } })
export const downloadInvoicePdf = (id) => request({ url: `${base}/${id}/pdf`, method: 'get', responseType: 'blob' })
