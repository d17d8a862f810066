import request from '@/utils/request'

/** `{status: running|done|failed, written, total, fileName, error}` */
export const exportStatus = (jobId) => request({ url: `/export/${jobId}`, method: 'get', silent: true })
export const exportDownload = (jobId) => request({ url: `/export/${jobId}/download`, method: 'get', responseType: 'blob', timeout: 120000 })
