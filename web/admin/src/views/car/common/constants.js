// Constants of the car pages (their enumerations are in utils/dict.js).

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
