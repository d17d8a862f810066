import request from '@/utils/request'

// docs/api-system.md "Device online/offline log (STAT-ONLINE)"
/** rows: {id, deviceType, deviceId, deviceName, deviceCode, deviceSn, protocol, state (1 online / 0 offline),
 *  reason, remoteIp, time, carStationId, bikeStationId, stationName} */
export const listOnlineLog = (params) => request({ url: '/stat/online/list', method: 'get', params })
/** Events per hour under the same filters (≤ 31 days): {beginTime, endTime, hours: [{time, online, offline}]} */
export const onlineLogHourly = (params) => request({ url: '/stat/online/hourly', method: 'get', params })
/** Car piles and e-bike devices in scope now: [{deviceType, online, total}] */
export const onlineNow = () => request({ url: '/stat/online/now', method: 'get' })
