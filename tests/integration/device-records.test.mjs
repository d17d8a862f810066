// Issue 13 items 1–3: device transaction records (charging_transaction) are deduplicated only by what
// identifies them on the wire (YKC 交易流水号, OCPP transactionId), records that cannot belong to the pile
// are stored flagged for review and answered as the protocol says (docs/ykc.md "Transaction records"),
// and every record — above all those without a platform order — is listed for the operator
// (GET /order/record/list, docs/api-order.md "Device records") and can be marked reviewed.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, userWithPerms } from './lib/fixture.mjs';
import { execFileSync } from 'node:child_process';
import { freePort, backend } from './lib/server.mjs';
import { ok, fail, denied, until } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';
import { RawPile, frame, loginBody, realtimeBody, recordBody, hex } from './lib/ykc.mjs';
import { ScriptedChargePoint, iso } from './lib/order-car-helpers.mjs';

const ykcPort = await freePort();
const ctx = useServer({ env: { ZHICHONG_YKC_PORT: String(ykcPort), ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50', ZHICHONG_TESTING_ENABLED: 'true', ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true' } });
let A, B, station, area, ykcPiles = [], ocppPile, bikeStation, bikeDevice;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(A.api, ctx.admin, A.id);
  area = await defaultArea(A.api, station.id);
  for (let i = 0; i < 3; i++) ykcPiles.push(await addPile(A.api, station.id, area.id, { protocol: 'ykc', gunCount: 2 }));
  ykcPiles = await Promise.all(ykcPiles.map(async (p) => ok(await A.api.get(`/car/pile/${p.id}`)).data));
  ocppPile = ok(await A.api.get(`/car/pile/${(await addPile(A.api, station.id, area.id, { protocol: 'ocpp16', gunCount: 2 })).id}`)).data;
  bikeStation = await addBikeStation(A.api, A.id);
  const d = await addDevice(A.api, bikeStation.id, (await bikeDefaultArea(A.api, bikeStation.id)).id, { socketCount: 4 });
  bikeDevice = ok(await A.api.get(`/bike/device/${d.id}`)).data;
});

const txs = async (id) => ok(await ctx.admin.get('/test/device/transactions', { deviceId: id })).data;
const records = async (query, api = ctx.admin) => (await api.list('/order/record/list', query)).rows;
const tiers = [{ price: 230000, energy: 1000, amount: 2300 }, { price: 180000, energy: 2000, amount: 3600 },
  { price: 130000, energy: 1500, amount: 1950 }, { price: 70000, energy: 500, amount: 350 }];

async function loggedIn(p, guns = 2) {
  const pile = await RawPile.connect(ykcPort);
  pile.send(frame(0x01, loginBody(p.code, { guns }), 1));
  assert.equal((await pile.next(0x02)).body[7], 0x00, 'login success');
  return pile;
}

/** Sends a 0x3B and returns the 0x40 result byte (throws when no 0x40 comes). */
async function sendRecord(pile, body, seq) {
  pile.send(frame(0x3b, body, seq));
  const ack = await pile.next(0x40, 5000, (f) => f.seq === seq);
  assert.equal(hex(ack.body.slice(0, 16)), hex(body.slice(0, 16)), '0x40 names the record\'s serial');
  return ack.body[16];
}

test('YKC: two records of one gun with the same start second but different serials are two records, each acknowledged', async () => {
  const p = ykcPiles[0];
  const pile = await loggedIn(p);
  const start = Math.floor(Date.now() / 1000) * 1000 - 3600000;
  const s1 = p.code + '01' + '2501010000000001';
  const s2 = p.code + '01' + '2501010000000002';
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: s1, gun: 1, start, end: start + 600000, tiers, startType: 2 }), 10), 0x00);
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: s2, gun: 1, start, end: start + 900000, tiers, startType: 2 }), 11), 0x00);
  // two records whose times are invalid (IV bit): both fall back to the receive time
  const bad = [0, 0, 0x80, 0, 1, 1, 25];
  const s3 = p.code + '02' + '2501010000000003';
  const s4 = p.code + '02' + '2501010000000004';
  pile.send(Buffer.concat([frame(0x3b, recordBody(p.code, { serial: s3, gun: 2, start: bad, end: bad, tiers }), 12),
    frame(0x3b, recordBody(p.code, { serial: s4, gun: 2, start: bad, end: bad, tiers }), 13)]));
  for (const seq of [12, 13]) assert.equal((await pile.next(0x40, 5000, (f) => f.seq === seq)).body[16], 0x00);
  // a retransmission is acknowledged again and applied once
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: s1, gun: 1, start, end: start + 600000, tiers, startType: 2 }), 14), 0x00);
  const rows = await txs(p.id);
  for (const s of [s1, s2, s3, s4]) assert.equal(rows.filter((t) => t.serial === s).length, 1, `one row of ${s}`);
  assert.equal(rows.find((t) => t.serial === s1).startTime, rows.find((t) => t.serial === s2).startTime);
  assert.ok(rows.every((t) => t.status === 'stopped'));
  pile.close();
});

/** Runs SQL on the server's database from outside (a fault injected by the test). */
function sqlOnServer(sql) {
  const url = ctx.server.dbUrl;
  if (backend() === 'postgres') execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-qtA', url, '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
  else execFileSync('sqlite3', ['-cmd', '.timeout 5000', url.replace(/^sqlite:/, ''), sql], { stdio: ['ignore', 'pipe', 'pipe'] });
}

test('YKC: a record the database refuses is not acknowledged, is logged with its bytes and kept in the message log; the resent copy is stored once', async () => {
  const p = ykcPiles[0];
  const serial = p.code + '01' + '2501010000000099';
  const fail = backend() === 'postgres'
    ? [`CREATE FUNCTION zc_test_fail() RETURNS trigger AS $$ BEGIN IF NEW.device_serial = '${serial}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
      'CREATE TRIGGER zc_test_fail BEFORE INSERT ON charging_transaction FOR EACH ROW EXECUTE FUNCTION zc_test_fail()']
    : [`CREATE TRIGGER zc_test_fail BEFORE INSERT ON charging_transaction WHEN NEW.device_serial = '${serial}' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`];
  for (const q of fail) sqlOnServer(q);
  const pile = await loggedIn(p);
  const now = Date.now();
  const body = recordBody(p.code, { serial, gun: 1, start: now - 600000, end: now - 1000, tiers, startType: 2 });
  try {
    pile.send(frame(0x3b, body, 50));
    await assert.rejects(pile.next(0x40, 1500), /no frame 0x40/, 'no 0x40 for a record that is not stored');
    const log = ok(await A.api.get(`/car/pile/${p.id}/messages`)).data.frames;
    const lost = log.find((f) => f.type === 'invalid' && f.action === 'record_not_stored');
    assert.ok(lost, `the message log keeps it: ${JSON.stringify(log.slice(0, 3))}`);
    assert.match(lost.frame.replace(/\s+/g, ''), new RegExp(hex(body.slice(0, 16))), 'with the frame\'s bytes');
    assert.match(ctx.server.stdout() + ctx.server.stderr(), new RegExp(`record ${serial} NOT stored`), 'and the server log');
    assert.equal((await txs(p.id)).filter((t) => t.serial === serial).length, 0);
  } finally {
    sqlOnServer('DROP TRIGGER zc_test_fail' + (backend() === 'postgres' ? ' ON charging_transaction' : ''));
  }
  // the pile resends it (§6.13): now it is stored and acknowledged, once
  assert.equal(await sendRecord(pile, body, 51), 0x00);
  assert.equal(await sendRecord(pile, body, 52), 0x00);
  assert.equal((await txs(p.id)).filter((t) => t.serial === serial).length, 1);
  pile.close();
});

test('YKC: records that cannot belong to the pile or gun are stored flagged and answered "illegal"; a meter going back is flagged; an abnormal session stays abnormal', async () => {
  const p = ykcPiles[1];
  const other = ykcPiles[2];
  const pile = await loggedIn(p);
  const now = Date.now();
  // another pile's code in the record
  const sForeign = other.code + '01' + '2501010000000010';
  assert.equal(await sendRecord(pile, recordBody(other.code, { serial: sForeign, gun: 1, start: now - 600000, end: now - 1000, tiers }), 20), 0x01,
    'a record naming another pile is answered 0x01 (illegal bill)');
  // a gun the pile does not have
  const sGun = p.code + '05' + '2501010000000011';
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: sGun, gun: 5, start: now - 600000, end: now - 1000, tiers }), 21), 0x01,
    'gun 5 of a 2-gun pile is answered 0x01');
  // meter stop below meter start: it is this pile's record (acknowledged) but flagged
  const sMeter = p.code + '01' + '2501010000000012';
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: sMeter, gun: 1, start: now - 600000, end: now - 1000, tiers, meterStart: 500000, meterStop: 400000 }), 22), 0x00);
  // a session known only from real-time reports, flagged abnormal by two idle reports, then its record
  const sIdle = p.code + '02' + '2501010000000013';
  pile.send(frame(0x13, realtimeBody(p.code, { serial: sIdle, gun: 2, status: 3, plugged: 1, energy: 3000 }), 23));
  pile.send(frame(0x13, realtimeBody(p.code, { serial: sIdle, gun: 2, status: 2, plugged: 1, energy: 3000 }), 24));
  pile.send(frame(0x13, realtimeBody(p.code, { serial: sIdle, gun: 2, status: 2, plugged: 1, energy: 3000 }), 25));
  await until(async () => (await ctx.admin.get(`/car/pile/${p.id}/messages`)).body.data.meters.find((m) => m.connectorId === 2)?.abnormal, 'flagged in the meter store');
  await until(async () => (await txs(p.id)).find((t) => t.serial === sIdle)?.abnormal === 1, 'the flag is stored at once (a row of the serial)');
  assert.equal(await sendRecord(pile, recordBody(p.code, { serial: sIdle, gun: 2, start: now - 300000, end: now - 1000, tiers }), 26), 0x00);
  const rows = await txs(p.id);
  const by = (s) => rows.find((t) => t.serial === s);
  assert.equal(by(sForeign).abnormal, 1);
  assert.match(by(sForeign).flags, new RegExp(`pile ${other.code}`), 'the reason names the other pile');
  assert.equal(by(sGun).abnormal, 1);
  assert.equal(by(sGun).connectorId, 5, 'stored with the gun the pile named');
  assert.match(by(sGun).flags, /gun 5/);
  assert.equal(by(sMeter).abnormal, 1);
  assert.match(by(sMeter).flags, /meter stop/);
  assert.equal(by(sMeter).meterStop, 400000, 'stored as sent');
  assert.equal(by(sIdle).abnormal, 1, 'the abnormal flag of the session stays on its record');
  assert.equal(by(sIdle).status, 'stopped');
  assert.match(by(sIdle).flags, /two idle/);
  assert.equal(rows.filter((t) => t.serial === sIdle).length, 1);
  // the operator sees them, with the reason
  const listed = await records({ deviceType: 'car_pile', deviceId: p.id, flagged: 1 }, A.api);
  for (const s of [sForeign, sGun, sMeter, sIdle]) {
    const r = listed.find((x) => x.serial === s);
    assert.ok(r, `${s} listed as flagged`);
    assert.equal(r.abnormal, 1);
    assert.ok(r.flags.length > 0);
    assert.equal(r.orderNo, null, 'no platform order');
  }
  pile.close();
});

test('OCPP: StartTransaction retries map to one row, two sessions sharing a start second are two; an unknown StopTransaction is recorded for review', async () => {
  const cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, ocppPile.code);
  await cp.boot(2);
  const ts = iso(Math.floor(Date.now() / 1000) * 1000 - 60000);
  const a = await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD-A', meterStart: 1000, timestamp: ts });
  const again = await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD-A', meterStart: 1000, timestamp: ts });
  assert.equal(again.transactionId, a.transactionId, 'a retried StartTransaction gets the same id');
  const b = await cp.call('StartTransaction', { connectorId: 1, idTag: 'CARD-B', meterStart: 1000, timestamp: ts });
  assert.notEqual(b.transactionId, a.transactionId, 'another session in the same second is another transaction');
  const c2 = await cp.call('StartTransaction', { connectorId: 2, idTag: 'CARD-A', meterStart: 1000, timestamp: ts });
  assert.notEqual(c2.transactionId, a.transactionId);
  // stops: one normal, one below its meter start (flagged), one for an id the platform never issued
  await cp.call('StopTransaction', { transactionId: a.transactionId, meterStop: 5000, timestamp: iso(Date.now()) });
  await cp.call('StopTransaction', { transactionId: b.transactionId, meterStop: 500, timestamp: iso(Date.now()) });
  const unknownId = 987654321;
  for (let i = 0; i < 2; i++)
    assert.deepEqual(await cp.call('StopTransaction', { transactionId: unknownId, meterStop: 7000, timestamp: iso(Date.now()), reason: 'Local' }), {});
  const rows = await records({ deviceType: 'car_pile', deviceId: ocppPile.id });
  const byId = (id) => rows.find((r) => r.id === id);
  assert.equal(byId(a.transactionId).status, 'stopped');
  assert.equal(byId(a.transactionId).abnormal, 0);
  assert.equal(byId(b.transactionId).abnormal, 1);
  assert.match(byId(b.transactionId).flags, /meter stop/);
  const orphan = rows.filter((r) => r.serial === `ocpp-tx:${unknownId}`);
  assert.equal(orphan.length, 1, 'the unknown stop is recorded once however often it comes');
  assert.equal(orphan[0].abnormal, 1);
  assert.match(orphan[0].flags, /unknown transaction/);
  assert.equal(orphan[0].meterStop, 70000);
  assert.equal(orphan[0].status, 'stopped');
  cp.close();
});

test('e-bike (OCPP): the same rules per socket, listed under the e-bike station', async () => {
  const cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, bikeDevice.code);
  await cp.boot(4);
  const ts = iso(Math.floor(Date.now() / 1000) * 1000 - 60000);
  const a = await cp.call('StartTransaction', { connectorId: 3, idTag: 'LOCAL-1', meterStart: 0, timestamp: ts });
  const b = await cp.call('StartTransaction', { connectorId: 3, idTag: 'LOCAL-2', meterStart: 0, timestamp: ts });
  assert.notEqual(a.transactionId, b.transactionId);
  assert.equal((await cp.call('StartTransaction', { connectorId: 3, idTag: 'LOCAL-1', meterStart: 0, timestamp: ts })).transactionId, a.transactionId);
  await cp.call('StopTransaction', { transactionId: 555555, meterStop: 100, timestamp: iso(Date.now()) });
  const rows = await records({ deviceType: 'bike_device', stationId: bikeStation.id }, A.api);
  assert.ok(rows.find((r) => r.id === a.transactionId && r.connectorId === 3 && r.deviceCode === bikeDevice.code));
  assert.ok(rows.find((r) => r.id === b.transactionId));
  const orphan = rows.find((r) => r.serial === 'ocpp-tx:555555');
  assert.ok(orphan && orphan.abnormal === 1, 'the unknown stop of an e-bike device is listed flagged');
  assert.equal(orphan.stationName, bikeStation.name);
  cp.close();
});

test('the record list: filters, data scope, permission; reviewing a record', async () => {
  const p = ykcPiles[0];
  const all = await records({ deviceType: 'car_pile', deviceId: p.id }, A.api);
  assert.ok(all.length >= 4);
  const r0 = all[0];
  for (const k of ['id', 'deviceType', 'deviceId', 'deviceName', 'deviceCode', 'stationId', 'stationName', 'connectorId', 'serial', 'startMethod',
    'startTime', 'stopTime', 'energy', 'amount', 'status', 'abnormal', 'flags', 'reconcile', 'orderNo']) assert.ok(k in r0, `row has ${k}: ${JSON.stringify(r0)}`);
  assert.equal(r0.stationName, station.name);
  assert.equal(r0.deviceCode, p.code);
  // filters
  assert.ok((await records({ deviceId: p.id, connectorId: 2 }, A.api)).every((r) => r.connectorId === 2));
  assert.ok((await records({ stationId: station.id, deviceType: 'car_pile' }, A.api)).length >= all.length);
  assert.ok((await records({ withoutOrder: 1, deviceId: p.id, deviceType: 'car_pile' }, A.api)).length === all.length, 'card/offline records have no order');
  const starts = all.map((r) => r.startTime).sort((x, y) => x - y);
  const inRange = await records({ deviceType: 'car_pile', deviceId: p.id, beginTime: starts[0], endTime: starts[0] }, A.api);
  assert.ok(inRange.length >= 1 && inRange.every((r) => r.startTime === starts[0]));
  fail(await A.api.get('/order/record/list', { connectorId: 'x' }), 400, /connectorId/);
  fail(await A.api.get('/order/record/list', { deviceType: 'toaster' }), 400, /deviceType/);
  // scope: another property sees none of them, and cannot review them
  assert.equal((await records({ deviceId: p.id, deviceType: 'car_pile' }, B.api)).length, 0);
  fail(await B.api.get(`/order/record/${r0.id}`), 404);
  fail(await B.api.put(`/order/record/${r0.id}/review`, { status: 'reviewed', note: 'x' }), 404);
  // permission
  const u = await userWithPerms(ctx.admin, ['system:user:list']);
  denied(await u.api.get('/order/record/list'));
  // review
  fail(await A.api.put(`/order/record/${r0.id}/review`, { status: 'done' }), 400, /status/);
  ok(await A.api.put(`/order/record/${r0.id}/review`, { status: 'reviewed', note: '卡启动，待储值卡功能上线后补单' }));
  const d = ok(await A.api.get(`/order/record/${r0.id}`)).data;
  assert.equal(d.reconcile, 'reviewed');
  assert.equal(d.reconcileNote, '卡启动，待储值卡功能上线后补单');
  assert.ok(d.reconciledBy.length > 0 && d.reconciledAt > 0);
  assert.ok(!(await records({ deviceId: p.id, deviceType: 'car_pile', reconcile: 'open' }, A.api)).some((r) => r.id === r0.id));
  assert.ok((await records({ deviceId: p.id, deviceType: 'car_pile', reconcile: 'reviewed' }, A.api)).some((r) => r.id === r0.id));
  ok(await A.api.put(`/order/record/${r0.id}/review`, { status: 'open' }));
  assert.equal(ok(await A.api.get(`/order/record/${r0.id}`)).data.reconcile, 'open');
});
