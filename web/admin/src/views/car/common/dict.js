import { t } from '@/locales'

// Enumerations of docs/api-car.md; labels live in locales/modules/car.*.js under carDict.<name>.<value>
const DICTS = {
  status: { values: [0, 1], tags: { 0: 'success', 1: 'danger' } },
  auditStatus: { values: [0, 1, 2], tags: { 0: 'warning', 1: 'success', 2: 'danger' } },
  operationType: { values: [1, 2, 3], tags: { 1: 'primary', 2: 'warning', 3: 'info' } },
  lockType: { values: [0, 1, 2], tags: { 0: 'info', 1: 'primary', 2: 'success' } },
  lockState: { values: ['unknown', 'open', 'closed'], tags: { unknown: 'info', open: 'warning', closed: 'success' } },
  currentType: { values: ['AC', 'DC'], tags: { AC: 'success', DC: 'primary' } },
  chargingType: { values: [1, 2, 3, 4], tags: {} },
  speed: { values: [1, 2, 3], tags: { 1: 'info', 2: 'primary', 3: 'danger' } },
  installMethod: { values: [1, 2], tags: {} },
  protectionClass: { values: ['IP54', 'IP55', 'IP65', 'IP67'], tags: {} },
  commMethod: { values: [1, 2, 3], tags: {} },
  protocol: { values: ['ykc', 'ocpp16'], tags: {} },
  online: { values: [true, false], tags: { true: 'success', false: 'info' } },
  gunState: { values: ['offline', 'idle', 'plugged', 'charging', 'fault'], tags: { offline: 'info', idle: 'success', plugged: 'warning', charging: 'primary', fault: 'danger' } },
  tariffMode: { values: ['unified', 'tou'], tags: { unified: 'primary', tou: 'success' } },
  tier: { values: ['sharp', 'peak', 'flat', 'valley'], tags: { sharp: 'danger', peak: 'warning', flat: 'primary', valley: 'success' } },
  applyStatus: { values: [0, 1, 2], tags: { 0: 'warning', 1: 'success', 2: 'danger' } },
  isDefault: { values: [true, false], tags: { true: 'primary', false: 'info' } }
}

export function carDictOptions(name) {
  const d = DICTS[name]
  return d.values.map(v => ({ value: v, label: t(`carDict.${name}.${v}`), type: d.tags[v] || 'info' }))
}

export function carDictLabel(name, value) {
  if (value === null || value === undefined || value === '') return ''
  const d = DICTS[name]
  return d && d.values.includes(value) ? t(`carDict.${name}.${value}`) : String(value)
}

export function carDictTag(name, value) {
  return DICTS[name]?.tags[value] || 'info'
}

/** For the shared station components' `resolveTag`. */
export const resolveCarTag = (dict, value) => ({ label: carDictLabel(dict, value), type: carDictTag(dict, value) })

/** Tier colours used by the 24-hour bars and the price tables. */
export const TIER_COLORS = { sharp: '#e5484d', peak: '#f59e0b', flat: '#3b82f6', valley: '#10b981' }
export const TIERS = ['sharp', 'peak', 'flat', 'valley']

/** Card permissions of the car pages (one place; the server's sys_menu buttons use these keys). */
export const PERMS = {
  station: { add: 'car:station:add', edit: 'car:station:edit', audit: 'car:station:audit', status: 'car:station:status', invoice: 'car:station:invoice', pay: 'car:station:pay', privateApply: 'car:privateApply:list', applyHandle: 'car:privateApply:handle' },
  area: { add: 'car:area:add', edit: 'car:area:edit', status: 'car:area:status' },
  spot: { add: 'car:spot:add', edit: 'car:spot:edit', status: 'car:spot:status', lock: 'car:spot:lock' },
  camera: { add: 'car:camera:add', edit: 'car:camera:edit', status: 'car:camera:status', command: 'car:camera:command' },
  pile: { query: 'car:pile:query', add: 'car:pile:add', edit: 'car:pile:edit', status: 'car:pile:status', command: 'car:pile:command', qr: 'car:pile:qr', export: 'car:pile:export' },
  gun: { edit: 'car:gun:edit', status: 'car:gun:status', qr: 'car:gun:qr', export: 'car:gun:export' },
  tariff: { add: 'car:tariff:add', edit: 'car:tariff:edit', status: 'car:tariff:status', prepay: 'car:tariff:prepay', test: 'car:tariff:test' }
}
