// Constants of the e-bike pages (their enumerations are in utils/dict.js).

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
