// Parking rules (issue 17; docs/parking.md): a plate entering / leaving a spot as the camera gateway reports
// it (POST /test/parking/plate calls ParkingEvents::on_plate), for each plate kind — reserved (reservations
// .test.mjs), whitelisted, green, blue, others — a disabled camera, the lock state reported by a camera on
// the spot page, the pile's 占位收费 settings, and the occupancy fee of a stay that charged part of the
// time (a scripted OCPP pile sets the charging times): joined to the charging order, paid in the app as its
// own pay order, in the one ledger. The books balance after every test.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { ok, fail, until, randPhone } from './lib/client.mjs';
import { payInSandbox } from './lib/app.mjs';
import { approvedStation, defaultArea, addPile, addTariff, factoryNo } from './lib/car.mjs';
import {
  driver, orderAndPay, waitState, assertBooksBalance, scriptedOcppPile, ocppStart, iso,
} from './lib/order-car-helpers.mjs';

const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '150',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '3000',
  },
});
const MCH = `19003${Date.now() % 100000}`;
let station; let area; let pile; let spots; let camera; let propertyId;

const at = async (body) => ok(await ctx.admin.post('/test/parking/plate', body), JSON.stringify(body)).data;
const spotRow = async (id) => (await ctx.admin.list('/car/spot/list', { stationId: station.id, pageSize: 50 })).rows.find((s) => s.id === id);
const myStays = async (app) => ok(await app.get('/app/occupancies')).data;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  propertyId = A.id;
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  ok(await ctx.admin.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: MCH, appId: 'wx0000000000000003', apiV3Key: 'k'.repeat(32) },
  }));
  area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id, { prepayValues: [1000, 2000] });
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');
  // 占位收费: 15 free minutes, then 2 yuan per started 30 minutes, at most 10 yuan
  const added = await addPile(ctx.admin, station.id, area.id, {
    protocol: 'ocpp16', gunCount: 1, occupancyFee: 200, occupancyFreeMin: 15, occupancyPeriodMin: 30, occupancyCap: 1000,
  });
  pile = { ...added, code: ok(await ctx.admin.get(`/car/pile/${added.id}`)).data.code };
  spots = ok(await ctx.admin.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 2, lockType: 2 })).data.ids;
  camera = ok(await ctx.admin.post('/car/camera', {
    stationId: station.id, areaId: area.id, factoryNo: factoryNo('CAM'), ip: '192.168.1.30', name: '相机', sim: '1440000000',
    leftSpotId: spots[0], rightSpotId: spots[1],
  })).data.id;
  const gun = ok(await ctx.admin.get(`/car/pile/${pile.id}`)).data.guns[0];
  ok(await ctx.admin.put('/car/spot', { id: spots[0], name: '充电车位', lockType: 2, gunId: gun.id }), 'spot charged by the gun');
});

afterEach(() => assertBooksBalance(ctx.admin));

test('the pile form: 占位收费 settings stored and validated', async () => {
  const row = ok(await ctx.admin.get(`/car/pile/${pile.id}`)).data;
  assert.deepEqual([row.occupancyFee, row.occupancyFreeMin, row.occupancyPeriodMin, row.occupancyCap], [200, 15, 30, 1000]);
  const { code, ...body } = pile;
  fail(await ctx.admin.put('/car/pile', { ...body, occupancyPeriodMin: 0 }), 400, /occupancyPeriodMin/);
  fail(await ctx.admin.put('/car/pile', { ...body, occupancyFreeMin: -1 }), 400, /occupancyFreeMin/);
  fail(await ctx.admin.put('/car/pile', { ...body, occupancyCap: 100 }), 400, /occupancyCap/);
});

test('plate kinds on a camera side: whitelisted opens without occupancy, green opens and counts, blue and yellow stay closed; leaving closes; a disabled camera recognises nothing; lock state on the spot page', async () => {
  const right = { cameraId: camera, side: 'right' };
  const green = await driver(ctx.anon);
  const gPlate = `粤B${String(Date.now()).slice(-5)}D`;
  ok(await green.post('/app/user/plates', { plate: gPlate }));
  const wPlate = `粤C${String(Date.now()).slice(-5)}`;
  const wl = ok(await ctx.admin.post('/member/whitelist', { propertyId, plate: wPlate, remark: '员工', stationIds: [station.id] })).data.id;

  assert.deepEqual(await at({ ...right, plate: '粤A00001', color: 'blue', direction: 'entering' }), { open: false, reason: 'fuel_refused' });
  assert.deepEqual(await at({ ...right, plate: '粤A00002', color: 'yellow', direction: 'entering' }), { open: false, reason: 'not_new_energy' });
  assert.deepEqual(await at({ ...right, plate: '', color: 'green', direction: 'entering' }), { open: false, reason: 'no_plate' });
  // whitelisted (even a blue plate): opens, no stay counted
  assert.deepEqual(await at({ ...right, plate: wPlate, color: 'blue', direction: 'entering' }), { open: true, reason: 'whitelist' });
  assert.deepEqual(await at({ ...right, direction: 'leaving' }), { open: false, reason: 'left' });
  // green: opens and counts; another car cannot enter meanwhile; a repeated report changes nothing
  const t0 = Date.now() + 2 * 86400000;
  assert.deepEqual(await at({ ...right, plate: gPlate, color: 'green', direction: 'entering' }), { open: true, reason: 'new_energy' });
  assert.deepEqual(await at({ ...right, plate: gPlate, color: 'green', direction: 'entering' }), { open: true, reason: 'already_parked' });
  assert.deepEqual(await at({ ...right, plate: '粤A00003', color: 'green', direction: 'entering' }), { open: false, reason: 'occupied' });
  assert.deepEqual(await at({ spotId: spots[1], direction: 'leaving', atMs: t0 + 50 * 60000 }), { open: false, reason: 'left' });
  const [stay] = await myStays(green);
  assert.equal(stay.plate, gPlate);
  assert.equal(stay.rule, 'new_energy');
  assert.equal(stay.state, 'ended');
  assert.ok(stay.occupancySeconds >= 49 * 60 && stay.occupancySeconds <= 50 * 60, String(stay.occupancySeconds));
  // the right spot has no gun: no charging, and no pile settings → no fee
  assert.deepEqual([stay.chargeSeconds, stay.fee, stay.payStatus], [0, 0, 'none']);
  // the whitelisted plate disabled: its green car still opens but is counted; its blue car is refused
  ok(await ctx.admin.put('/member/whitelist/changeStatus', { id: wl, status: 1 }));
  assert.deepEqual(await at({ ...right, plate: wPlate, color: 'blue', direction: 'entering' }), { open: false, reason: 'fuel_refused' });
  assert.deepEqual(await at({ ...right, plate: wPlate, color: 'green', direction: 'entering' }), { open: true, reason: 'new_energy' });
  await at({ ...right, direction: 'leaving' });
  // a disabled camera: no recognition
  ok(await ctx.admin.put('/car/camera/changeStatus', { id: camera, status: 1 }));
  assert.deepEqual(await at({ ...right, plate: gPlate, color: 'green', direction: 'entering' }), { open: false, reason: 'disabled' });
  ok(await ctx.admin.put('/car/camera/changeStatus', { id: camera, status: 0 }));
  // the camera reports its lock: the spot page shows it; the buttons go to the camera (not connected here: 409 offline)
  ok(await ctx.admin.post('/test/parking/lockState', { ...right, arm: 'lowered', carPresent: 1, battery: 87, alarm: '' }));
  const s = await spotRow(spots[1]);
  assert.deepEqual([s.lockState, s.carPresent, s.lockBattery, s.lockAlarm], ['open', 1, 87, '']);
  fail(await ctx.admin.put('/car/spot/lock', { id: spots[1], action: 'close' }), 409, /不在线/);
  ok(await ctx.admin.post('/test/parking/lockState', { ...right, arm: 'raised', carPresent: 0, battery: 86 }));
  assert.equal((await spotRow(spots[1])).lockState, 'closed');
});

test('occupancy of a stay that charged: the charging time is not counted, the fee joins the charging order and is paid in the app through the ledger', async () => {
  const app = await driver(ctx.anon);
  const gPlate = `粤B${String(Date.now()).slice(-5)}F`;
  ok(await app.post('/app/user/plates', { plate: gPlate }));
  const cp = await scriptedOcppPile(ctx, pile);
  try {
    const t0 = Date.now() - 3 * 3600000;  // the car entered 3 h ago, charged 10 → 70 min, left at 100 min
    assert.deepEqual(await at({ spotId: spots[0], plate: gPlate, color: 'green', direction: 'entering', atMs: t0 }),
      { open: true, reason: 'new_energy' });
    const gun = ok(await ctx.admin.get(`/car/pile/${pile.id}`)).data.guns[0];
    const { order } = await orderAndPay(ctx, app, gun, 1000, { plate: gPlate });
    const { idTag, tx } = await ocppStart(cp, t0 + 10 * 60000, 0);
    await waitState(app, order.orderNo, 'charging');
    await cp.call('StopTransaction', { transactionId: tx, meterStop: 1000, timestamp: iso(t0 + 70 * 60000), reason: 'EVDisconnected', idTag });
    await waitState(app, order.orderNo, 'completed');
    assert.deepEqual(await at({ spotId: spots[0], direction: 'leaving', atMs: t0 + 100 * 60000 }), { open: false, reason: 'left' });
    const [stay] = await myStays(app);
    // 100 min − 60 min charging = 40 min; 40 − 15 free = 25 min → 1 started period of 30 min × 200 fen
    assert.deepEqual([stay.chargeSeconds, stay.occupancySeconds, stay.fee, stay.payStatus, stay.chargeOrderNo],
      [3600, 2400, 200, 'unpaid', order.orderNo]);
    const listed = (await ctx.admin.list('/order/car/list', { orderNo: order.orderNo })).rows[0];
    assert.equal(listed.occupancyFee, 200, 'the fee joins the charging order');
    // paid in the app as a pay order of its own (order type occupancy), captured whole
    const pay = ok(await app.post(`/app/occupancies/${stay.id}/pay`, {})).data;
    assert.equal(pay.amount, 200);
    fail(await (await driver(ctx.anon)).post(`/app/occupancies/${stay.id}/pay`, {}), 404, /占位订单不存在/);
    await payInSandbox(ctx.server.baseUrl, pay.cashierUrl);
    await until(async () => (await myStays(app))[0].payStatus === 'paid', 'occupancy fee paid');
    const po = (await ctx.admin.list('/order/payment/list', { payNo: pay.payNo })).rows[0];
    assert.equal(po.orderType, 'occupancy');
    const d = ok(await ctx.admin.get(`/order/payment/${po.id}`)).data;
    assert.deepEqual([d.paidAmount, d.capturedAmount], [200, 200]);
    fail(await app.post(`/app/occupancies/${stay.id}/pay`, {}), 409, /无需支付/);
  } finally {
    cp.close();
  }
});
