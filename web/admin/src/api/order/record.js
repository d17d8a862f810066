import request from '@/utils/request'

// docs/api-order.md "Device records": the transaction records the devices reported (with or without a
// platform order), their review flags and the operator's review.
/** rows: {id, deviceType, deviceId, deviceName, deviceCode, stationId, stationName, connectorId, serial, idTag,
 *  startMethod, startTime, stopTime, meterStart, meterStop, energy, amount, status, stopReason, abnormal, flags,
 *  reconcile, reconcileNote, reconciledBy, reconciledAt, orderNo, orderId} */
export const listRecords = (params) => request({ url: '/order/record/list', method: 'get', params })
export const getRecord = (id) => request({ url: `/order/record/${id}`, method: 'get' })
/** {status: open | reviewed, note} */
export const reviewRecord = (id, data) => request({ url: `/order/record/${id}/review`, method: 'put', data })
