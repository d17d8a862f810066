import request from '@/utils/request'

/**
 * The station mechanisms car and e-bike share (docs/api-car.md, docs/api-bike.md): audit, invoice and
 * payment configuration. `type` is the station type, `car` or `bike`.
 */
export function stationConfigApi(type) {
  const base = `/${type}/station`
  return {
    audit: (data) => request({ url: `${base}/audit`, method: 'put', data }),
    getInvoiceConfig: (id) => request({ url: `${base}/${id}/invoiceConfig`, method: 'get', silent: true }),
    saveInvoiceConfig: (data) => request({ url: `${base}/invoiceConfig`, method: 'put', data }),
    getPayConfig: (id) => request({ url: `${base}/${id}/payConfig`, method: 'get', silent: true }),
    savePayConfig: (data) => request({ url: `${base}/payConfig`, method: 'put', data })
  }
}
