// Reservations (ORD-RSV, APP-6; docs/parking.md "Reservations"): verified car owners reserve a free spot of a
// station whose piles allow it, the spot shows reserved to everyone, one active reservation per driver;
// the reserved plate entering (POST /test/parking/plate, as the camera gateway reports it) → occupying,
// leaving → completed; cancel; admin end; timeout after parking.reservation_timeout_s (business clock +
// the sweep route); disabled spots; the admin list's filters, the detail, and scope (another provider: 404).
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, factoryNo } from './lib/car.mjs';
import { driver, assertBooksBalance } from './lib/order-car-helpers.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: 'true', ZHICHONG_SMS_DEV_ENDPOINT: 'true' } });
let P; let station; let spots; let camera; let plainStation; let plainSpot;
let seq = Math.floor(Math.random() * 90000);

const plateOf = () => { seq = (seq + 1) % 100000; return `粤D${String(seq).padStart(5, '0')}`; };
const at = async (body) => ok(await ctx.admin.post('/test/parking/plate', body), JSON.stringify(body)).data;
const spotsOf = async (app, id = station.id) => ok(await app.get(`/app/stations/car/${id}/spots`)).data;
const mine = async (app) => ok(await app.get('/app/reservations')).data;
const detail = async (id) => ok(await ctx.admin.get(`/order/reservation/${id}`)).data;

/** A signed-in driver with a plate, verified by the operator unless `verified` is false. */
async function owner(verified = true) {
  const app = await driver(ctx.anon);
  app.plate = plateOf();
  ok(await app.post('/app/user/plates', { plate: app.plate }));
  if (verified) {
    const o = (await ctx.admin.list('/member/owner/list', { phone: app.phone })).rows[0];
    ok(await ctx.admin.put('/member/owner/verify', { id: o.id, verified: 1 }), 'verify owner');
  }
  return app;
}

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  const area = await defaultArea(ctx.admin, station.id);
  await addPile(ctx.admin, station.id, area.id, { reservable: true });
  spots = ok(await ctx.admin.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 4, lockType: 2 })).data.ids;
  camera = ok(await ctx.admin.post('/car/camera', {
    stationId: station.id, areaId: area.id, factoryNo: factoryNo('CAM'), ip: '192.168.1.31', name: '相机', sim: '1440000001',
    leftSpotId: spots[0], rightSpotId: spots[1],
  })).data.id;
  // a station whose piles do not allow reservation
  plainStation = await approvedStation(ctx.admin, ctx.admin, A.id);
  const plainArea = await defaultArea(ctx.admin, plainStation.id);
  await addPile(ctx.admin, plainStation.id, plainArea.id, { reservable: false });
  [plainSpot] = ok(await ctx.admin.post('/car/spot/batch', { stationId: plainStation.id, areaId: plainArea.id, count: 1 })).data.ids;
});

afterEach(() => assertBooksBalance(ctx.admin));

test('reserve: verified owners with a plate, one active reservation per driver, a spot once, not disabled, not where piles refuse; cancel', async () => {
  const unverified = await owner(false);
  fail(await unverified.post('/app/reservations', { spotId: spots[2] }), 409, /认证/);
  const noPlate = await owner();
  ok(await noPlate.del(`/app/user/plates/${(await noPlate.list('/app/user/plates')).rows[0].id}`));
  fail(await noPlate.post('/app/reservations', { spotId: spots[2] }), 409, /车牌/);
  const a = await owner();
  const b = await owner();
  fail(await a.post('/app/reservations', { spotId: plainSpot }), 409, /不支持预约/);
  ok(await ctx.admin.put('/car/spot/changeStatus', { id: spots[3], status: 1 }));
  fail(await a.post('/app/reservations', { spotId: spots[3] }), 409, /停用/);
  assert.equal((await spotsOf(a)).find((s) => s.id === spots[3]).state, 'disabled');
  ok(await ctx.admin.put('/car/spot/changeStatus', { id: spots[3], status: 0 }));

  const r = ok(await a.post('/app/reservations', { spotId: spots[2] })).data;
  assert.match(r.reservationNo, /^Y\d{18}$/);
  fail(await a.post('/app/reservations', { spotId: spots[3] }), 409, /已有进行中的预约/);
  fail(await b.post('/app/reservations', { spotId: spots[2] }), 409, /已被预约/);
  const seenByB = (await spotsOf(b)).find((s) => s.id === spots[2]);
  assert.deepEqual([seenByB.state, seenByB.mine], ['reserved', 0]);
  assert.deepEqual((await spotsOf(a)).find((s) => s.id === spots[2]).mine, 1);
  // another driver's car cannot take the reserved spot
  const sRow = (await ctx.admin.list('/order/reservation/list', { reservationNo: r.reservationNo })).rows[0];
  assert.deepEqual([sRow.state, sRow.phone, sRow.plates], ['reserved', a.phone, `,${a.plate},`]);
  assert.deepEqual(await at({ spotId: spots[2], plate: b.plate, color: 'green', direction: 'entering' }), { open: false, reason: 'reserved_by_other' });
  fail(await b.post(`/app/reservations/${r.id}/cancel`, {}), 404, /预约不存在/);
  ok(await a.post(`/app/reservations/${r.id}/cancel`, {}));
  fail(await a.post(`/app/reservations/${r.id}/cancel`, {}), 409, /只能取消/);
  assert.equal((await mine(a))[0].state, 'cancelled');
  assert.equal((await spotsOf(b)).find((s) => s.id === spots[2]).state, 'free');
});

test('the reserved plate arrives (even at the neighbouring spot) → occupying, the lock opens; leaving → completed with the lock times; the admin list filters and the detail', async () => {
  const a = await owner();
  const r = ok(await a.post('/app/reservations', { spotId: spots[1] })).data;
  // the car parks on the left spot of the same camera: the reservation follows it (a blue plate too: reserved)
  assert.deepEqual(await at({ cameraId: camera, side: 'left', plate: a.plate, color: 'blue', direction: 'entering' }),
    { open: true, reason: 'reservation' });
  let d = await detail(r.id);
  assert.deepEqual([d.state, d.spotId, d.plate], ['occupying', spots[0], a.plate]);
  assert.ok(d.arrivedAt && d.lockOpenedAt);
  assert.equal((await spotsOf(a)).find((s) => s.id === spots[0]).state, 'reserved');
  fail(await a.post(`/app/reservations/${r.id}/cancel`, {}), 409, /只能取消/);
  assert.deepEqual(await at({ cameraId: camera, side: 'left', direction: 'leaving', atMs: d.arrivedAt + 30 * 60000 }), { open: false, reason: 'left' });
  d = await detail(r.id);
  assert.deepEqual([d.state, d.endReason], ['completed', 'left']);
  assert.equal(d.lockClosedAt, d.arrivedAt + 30 * 60000);
  assert.equal(d.occupancySeconds, 1800);
  assert.equal(d.occupancies.length, 1);
  assert.equal(d.occupancies[0].rule, 'reservation');
  assert.deepEqual(d.chargeOrders, []);
  // the spec's filters
  for (const q of [{ phone: a.phone }, { plate: a.plate }, { state: 'completed', stationId: station.id },
    { spotCode: d.spotCode }, { reservationNo: d.reservationNo }]) {
    const rows = (await ctx.admin.list('/order/reservation/list', q)).rows;
    assert.ok(rows.some((x) => x.id === r.id), JSON.stringify(q));
  }
  assert.equal((await ctx.admin.list('/order/reservation/list', { phone: a.phone, state: 'reserved' })).total, 0);
});

test('admin end (reserved and occupying), timeout after 2 h by the sweep, and another provider sees none of it (404)', async () => {
  const a = await owner();
  const b = await owner();
  const ra = ok(await a.post('/app/reservations', { spotId: spots[2] })).data;
  const rb = ok(await b.post('/app/reservations', { spotId: spots[3] })).data;
  // another provider's admin: not found
  const Q = await approvedProvider(ctx.admin);
  fail(await Q.api.get(`/order/reservation/${ra.id}`), 404);
  fail(await Q.api.put(`/order/reservation/${ra.id}/end`, {}), 404);
  assert.equal((await Q.api.list('/order/reservation/list', {})).total, 0);
  // admin end of a reserved one
  ok(await ctx.admin.put(`/order/reservation/${ra.id}/end`, {}));
  let d = await detail(ra.id);
  assert.deepEqual([d.state, d.endReason, d.endedBy], ['completed', 'admin', 'admin']);
  fail(await ctx.admin.put(`/order/reservation/${ra.id}/end`, {}), 409, /只能结束/);
  // not arrived within 2 h: timed out by the sweep (the business clock moved on)
  const clock = ok(await ctx.admin.get('/test/clock')).data;
  ok(await ctx.admin.post('/test/parking/sweep', {}));
  assert.equal((await detail(rb.id)).state, 'reserved', 'not yet');
  ok(await ctx.admin.post('/test/clock', { offsetMs: (clock.offsetMs || 0) + 2 * 3600000 + 1000 }));
  assert.ok(ok(await ctx.admin.post('/test/parking/sweep', {})).data.timedOut >= 1);
  d = await detail(rb.id);
  assert.deepEqual([d.state, d.endReason], ['timed_out', 'timeout']);
  ok(await ctx.admin.post('/test/clock', { offsetMs: clock.offsetMs || 0 }));
  // admin end of an occupying one ends its stay
  const rc = ok(await b.post('/app/reservations', { spotId: spots[3] })).data;
  assert.equal((await at({ spotId: spots[3], plate: b.plate, color: 'green', direction: 'entering' })).reason, 'reservation');
  ok(await ctx.admin.put(`/order/reservation/${rc.id}/end`, {}));
  d = await detail(rc.id);
  assert.equal(d.state, 'completed');
  assert.equal(d.occupancies[0].state, 'ended');
  assert.equal((await spotsOf(a)).find((s) => s.id === spots[3]).state, 'free');
});
