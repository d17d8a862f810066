import request from '@/utils/request'

// 站点统计 (docs/api-stat.md "Station report"): rows per station and local day, their totals and chart
const base = '/stat/station'
export const listStationReport = (params) => request({ url: `${base}/list`, method: 'get', params })
export const stationReportSummary = (params) => request({ url: `${base}/summary`, method: 'get', params })
export const exportStationReport = (filters) => request({ url: `${base}/export`, method: 'post', data: filters })
