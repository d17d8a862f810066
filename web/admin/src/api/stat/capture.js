import request from '@/utils/request'

// 抓拍记录 (STAT-CAP, docs/camera.md)
export const listCapture = (params) => request({ url: '/stat/capture/list', method: 'get', params })
/** The capture's photo as a Blob; kind: scene | plate */
export const captureImage = (id, kind = 'scene') =>
  request({ url: `/stat/capture/${id}/image`, method: 'get', params: kind === 'plate' ? { kind } : {}, responseType: 'blob', silent: true })
