import { t } from '@/locales'

// Enumerations of docs/api-bike.md; labels live in locales/modules/bike.*.js under bikeDict.<name>.<value>
const DICTS = {
  status: { values: [0, 1], tags: { 0: 'success', 1: 'danger' } },
  auditStatus: { values: [0, 1, 2], tags: { 0: 'warning', 1: 'success', 2: 'danger' } },
  operationType: { values: [1, 2, 3], tags: { 1: 'primary', 2: 'warning', 3: 'info' } },
  deviceType: { values: [1, 2, 3, 4, 5], tags: { 1: 'info', 2: 'primary', 3: 'success', 4: 'warning', 5: 'info' } },
  protocol: { values: ['ocpp16', 'vendor'], tags: {} },
  online: { values: [true, false], tags: { true: 'success', false: 'info' } },
  socketState: { values: ['idle', 'charging', 'offline', 'fault'], tags: { idle: 'success', charging: 'primary', offline: 'info', fault: 'danger' } },
  tariffMode: { values: ['A', 'B', 'C', 'D', 'E'], tags: { A: 'primary', B: 'success', C: 'warning', D: 'danger', E: 'info' } },
  isDefault: { values: [true, false], tags: { true: 'primary', false: 'info' } },
  cap: { values: ['autoStopAmount', 'prepaid'], tags: { autoStopAmount: 'warning', prepaid: 'warning' } }
}

export function bikeDictOptions(name) {
  const d = DICTS[name]
  return d.values.map(v => ({ value: v, label: t(`bikeDict.${name}.${v}`), type: d.tags[v] || 'info' }))
}

export function bikeDictLabel(name, value) {
  if (value === null || value === undefined || value === '') return ''
  const d = DICTS[name]
  return d && d.values.includes(value) ? t(`bikeDict.${name}.${value}`) : String(value)
}

export function bikeDictTag(name, value) {
  return DICTS[name]?.tags[value] || 'info'
}

/** For the shared DetailDrawer's `resolveTag`. */
export const resolveBikeTag = (dict, value) => ({ label: bikeDictLabel(dict, value), type: bikeDictTag(dict, value) })

/**
 * Button permissions of the e-bike pages, named like the car ones (docs/api-bike.md names the
 * routes; the server's sys_menu buttons are expected to use these keys).
 */
export const PERMS = {
  station: { add: 'bike:station:add', edit: 'bike:station:edit', audit: 'bike:station:audit', status: 'bike:station:status', invoice: 'bike:station:invoice', pay: 'bike:station:pay' },
  area: { add: 'bike:area:add', edit: 'bike:area:edit', status: 'bike:area:status', remove: 'bike:area:remove' },
  device: { query: 'bike:device:query', add: 'bike:device:add', edit: 'bike:device:edit', status: 'bike:device:status', remove: 'bike:device:remove', command: 'bike:device:command', qr: 'bike:device:qr', export: 'bike:device:export' },
  socket: { edit: 'bike:socket:edit', status: 'bike:socket:status', qr: 'bike:socket:qr', export: 'bike:socket:export' },
  tariff: { add: 'bike:tariff:add', edit: 'bike:tariff:edit', status: 'bike:tariff:status', remove: 'bike:tariff:remove', prepay: 'bike:tariff:prepay', test: 'bike:tariff:test' }
}
