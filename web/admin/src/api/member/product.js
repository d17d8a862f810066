import request from '@/utils/request'
import { crud } from '../crud'

// MEM-PROD 电卡产品 (docs/api-member.md)
const base = '/member/product'
const api = crud(base)
export const listProduct = api.list
export const getProduct = api.get
export const addProduct = api.add
export const updateProduct = api.update
export const changeProductStatus = api.changeStatus
/** Enabled products `[{id, name, productType, issueType, price, faceValue}]`. */
export const productOptions = (params = {}) => request({ url: `${base}/options`, method: 'get', params })
/** A product's row, quietly (the top-up dialog previews its bonus tiers when the caller may read it). */
export const productTiers = (id) => request({ url: `${base}/${id}`, method: 'get', silent: true })
