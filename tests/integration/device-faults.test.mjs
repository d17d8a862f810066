// Faults the devices report (issue 19; docs/api-stat.md "Fault log"): a YKC pile's real-time data with
// hardware-fault bits and an e-bike device's OCPP StatusNotification Faulted each open one fault record
// (source device, linked to the device, the fault code kept) per episode — repeated fault reports add
// nothing — and the record is solved by itself when the device reports a working state; the next fault
// opens a new record.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, sleep, until } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';
import { RawPile, frame, loginBody, realtimeBody } from './lib/ykc.mjs';
import { ScriptedChargePoint } from './lib/order-car-helpers.mjs';

const ykcPort = await freePort();
const ctx = useServer({ env: { ZHICHONG_YKC_PORT: String(ykcPort), ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' } });
let A; let pile; let device;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  const s = await approvedStation(A.api, ctx.admin, A.id);
  pile = ok(await A.api.get(`/car/pile/${(await addPile(A.api, s.id, (await defaultArea(A.api, s.id)).id, { protocol: 'ykc', gunCount: 2 })).id}`)).data;
  const bs = await addBikeStation(A.api, A.id);
  device = ok(await A.api.get(`/bike/device/${(await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id, { socketCount: 2 })).id}`)).data;
});

const faultsOf = async (deviceType, deviceId) =>
  (await A.api.list('/stat/fault/list')).rows.filter((f) => f.deviceType === deviceType && f.deviceId === deviceId)
    .sort((a, b) => a.id - b.id);

test('YKC: hardware-fault bits open one record per episode; a working report solves it', async () => {
  const p = await RawPile.connect(ykcPort);
  p.send(frame(0x01, loginBody(pile.code, { guns: 2 }), 1));
  assert.equal((await p.next(0x02)).body[7], 0x00);
  const realtime = (seq, o) => p.send(frame(0x13, realtimeBody(pile.code, o), seq));
  realtime(2, { gun: 1, status: 1, faults: 0x0004 });
  await until(async () => (await faultsOf('car_pile', pile.id)).length === 1, 'a record for the fault');
  realtime(3, { gun: 2, status: 1, faults: 0x0001 });  // the other gun too, same episode
  realtime(4, { gun: 1, status: 1, faults: 0x0004 });
  await sleep(300);
  let [f] = await faultsOf('car_pile', pile.id);
  assert.equal((await faultsOf('car_pile', pile.id)).length, 1, 'repeated reports add nothing');
  assert.equal(f.source, 'device');
  assert.equal(f.state, 'open');
  assert.equal(f.faultCode, 'ykc:0x0004');
  assert.equal(f.propertyId, A.id);
  assert.match(f.summary, new RegExp(pile.code));
  // gun 1 recovers, gun 2 still faulted: open; both recover: solved by itself
  realtime(5, { gun: 1, status: 2 });
  await sleep(300);
  assert.equal((await faultsOf('car_pile', pile.id))[0].state, 'open');
  realtime(6, { gun: 2, status: 2 });
  await until(async () => (await faultsOf('car_pile', pile.id))[0].state === 'solved', 'solved when healthy');
  [f] = await faultsOf('car_pile', pile.id);
  assert.ok(f.solvedTime > 0);
  assert.ok(f.solution.length > 0);
  // the next fault is a new episode
  realtime(7, { gun: 1, status: 1, faults: 0x0010 });
  await until(async () => (await faultsOf('car_pile', pile.id)).length === 2, 'a second record');
  assert.equal((await faultsOf('car_pile', pile.id))[1].faultCode, 'ykc:0x0010');
  p.close();
});

test('OCPP e-bike socket: StatusNotification Faulted with its errorCode opens a record, Available solves it', async () => {
  const cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, device.code);
  await cp.boot(2);
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted' });
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted' });
  await until(async () => (await faultsOf('bike_device', device.id)).length === 1, 'a record for the socket');
  await sleep(300);
  const [f] = await faultsOf('bike_device', device.id);
  assert.equal((await faultsOf('bike_device', device.id)).length, 1);
  assert.equal(f.faultCode, 'GroundFailure');
  assert.equal(f.state, 'open');
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available' });
  await until(async () => (await faultsOf('bike_device', device.id))[0].state === 'solved', 'solved when available');
});
