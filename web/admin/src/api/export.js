import request from '@/utils/request'

// The export jobs shared by every Excel export (docs/api-car.md "Exports")
/** `{status: running|done|failed, written, total, fileName, error}` */
export const exportStatus = (jobId) => request({ url: `/export/${jobId}`, method: 'get', silent: true })
export const exportDownload = (jobId) => request({ url: `/export/${jobId}/download`, method: 'get', responseType: 'blob', timeout: 120000 })
