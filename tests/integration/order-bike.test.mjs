// E-bike charging orders end to end (issue 7, ORD-BIKE, APP-4/5; docs/orders.md "E-bike orders"): a driver
// signs in, picks a socket and a prepay value, pays on the sandbox cashier page, the platform starts the
// socket of a simulated OCPP 1.6J e-bike device (zhichong-sim ocpp), tracks and stops the session and
// settles it through the e-bike tariff engine, returning the unused prepayment. The books are checked
// after every test (GET /order/payment/reconciliation: paid = charged + refunded + held).
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { binaryPath } from './lib/server.mjs';
import { ok, fail, until, randPhone, sleep } from './lib/client.mjs';
import { addBikeStation, bikeDefaultArea, addBikeArea, addDevice, addBikeTariff } from './lib/bike.mjs';
import { AppApi, payInSandbox, payTogether } from './lib/app.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const skip = !existsSync(sim) && `no ${sim}`;
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_PAYMENT_SANDBOX_SECRET: 'it-bike-orders',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '100',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '3000',
    ZHICHONG_ORDER_BIKE_START_TIMEOUT_S: '2',
    ZHICHONG_ORDER_BIKE_SUSPEND_TIMEOUT_S: '1',
    ZHICHONG_ORDER_BIKE_STOP_TIMEOUT_S: '5',
    ZHICHONG_ORDER_BIKE_FULL_POWER_W: '10',
    ZHICHONG_ORDER_BIKE_FULL_HOLD_S: '2',
  },
});

// Mode A priced per started minute: 0.10 yuan (10 fen) a minute, so 1.00 yuan buys 10 minutes.
const PER_MINUTE = { mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000 };
// Mode B: the band of the measured power prices every started minute (0.05 / 0.20 / 0.40 yuan).
const BANDS = {
  mode: 'B', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, referencePowerW: 100,
  bands: [{ minW: 0, maxW: 200, unitPrice: 500 }, { minW: 200, maxW: 700, unitPrice: 2000 }, { minW: 700, maxW: null, unitPrice: 4000 }],
};
let A; let S; let AREA; let FREE_AREA; let BAND_AREA; let BARE;
const sims = [];

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await addBikeStation(A.api, A.id);
  ok(await A.api.put('/bike/station/payConfig', {
    stationId: S.id, wechat: { enabled: true, mchId: `19${Date.now() % 100000000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
  AREA = await bikeDefaultArea(A.api, S.id);
  await addBikeTariff(A.api, S.id, AREA.id, { ...PER_MINUTE, prepayValues: [10, 100, 200] });
  FREE_AREA = await addBikeArea(A.api, S.id);
  await addBikeTariff(A.api, S.id, FREE_AREA.id, { ...PER_MINUTE, freeMinutes: 5, prepayValues: [100] });
  BAND_AREA = await addBikeArea(A.api, S.id);
  await addBikeTariff(A.api, S.id, BAND_AREA.id, { ...BANDS, prepayValues: [100] });
  BARE = await addBikeStation(A.api, A.id);  // no payment configuration
});

afterEach(async () => {
  for (const s of sims.splice(0)) await s.end();
  await assertBooksBalance(ctx.admin);
});

/** A simulated e-bike device (2 sockets) connected over OCPP with `args`; resolves once it is online. */
async function device(args = [], { area = AREA, station = S } = {}) {
  const d = await addDevice(A.api, station.id, area.id, { socketCount: 2 });
  const row = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const defaults = args.includes('--charge-duration') ? [] : ['--charge-duration', '600'];
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', row.code, '--connectors', '2', '--heartbeat', '5',
    '--meter-interval', '0.3', '--reconnect', '0.3', '--power', '0.4', ...defaults, ...args],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (x) => { err += x; if (err.length > 50000) err = err.slice(-20000); });
  const exited = new Promise((res) => proc.on('exit', (code) => res(code)));
  const s = {
    proc, err: () => err,
    end: async () => { proc.kill('SIGTERM'); assert.equal(await exited, 0, `zhichong-sim: ${err.slice(-1500)}`); },
  };
  sims.push(s);
  await until(async () => ok(await A.api.get(`/bike/device/${d.id}`)).data.online, 'device online');
  const sockets = ok(await A.api.get(`/bike/device/${d.id}`)).data.sockets;
  return { ...d, code: row.code, sim: s, socket: (n) => sockets.find((x) => x.socketNo === n) };
}

const driver = () => AppApi.signIn(ctx.server.baseUrl, randPhone());

/** Start request + payment on the cashier page; resolves with the order the payment created. */
async function paidOrder(app, body) {
  const offer = ok(await app.post('/app/bike/orders', body)).data;
  assert.match(offer.payNo, /^P\d+/);
  assert.equal(offer.amount, body.amount);
  await payInSandbox(ctx.server.baseUrl, offer.cashierUrl);
  const row = await until(async () => (await app.list('/app/bike/orders')).rows.find((o) => o.prepaid === body.amount), 'the order of the payment');
  assert.match(row.orderNo, /^B\d{18}$/);
  return row;
}

const detail = async (app, no) => ok(await app.get(`/app/bike/orders/${no}`)).data;
const inState = (app, no, state, ms) => until(async () => { const o = await detail(app, no); return o.state === state && o; }, `order ${no} ${state}`, ms);
const charging = (app, no) => until(async () => { const o = await detail(app, no); return o.phase === 'charging' && o.powerW > 0 && o; }, `order ${no} charging`);

/** The order once finished and its prepayment return confirmed by the gateway. */
async function settled(app, no, ms = 8000) {
  await inState(app, no, 'finished', ms);
  // finished first, then the payment settles: charged + returned = the prepayment
  const o = await until(async () => { const x = await detail(app, no); return x.charged + x.refunded === x.prepaid && x; }, 'settled');
  await until(async () => {
    const rows = (await ctx.admin.list('/order/refund/list', { payee: app.phone })).rows;
    return rows.every((r) => r.status === 'succeeded');
  }, 'refunds succeeded');
  return o;
}

async function refundsOf(app) {
  return (await ctx.admin.list('/order/refund/list', { payee: app.phone })).rows;
}

test('start checks: socket, prepay value, payment configuration, busy socket, offline device, sign-in', { skip }, async () => {
  const app = await driver();
  const d = await device();
  fail(await app.post('/app/bike/orders', { socketId: 99999999, amount: 100 }), 404, /socketId/);
  fail(await app.post('/app/bike/orders', { socketCode: 'nope', amount: 100 }), 404, /socketCode/);
  fail(await app.post('/app/bike/orders', { socketId: d.socket(1).id, amount: 150 }), 400, /amount: .*1\.00元/);
  fail(await app.post('/app/bike/orders', { socketId: d.socket(1).id }), 400, /amount/);
  fail(await new AppApi(ctx.server.baseUrl).post('/app/bike/orders', { socketId: d.socket(1).id, amount: 100 }), 401);
  fail(await ctx.admin.post('/app/bike/orders', { socketId: d.socket(1).id, amount: 100 }), 401, undefined, 'an admin token is not an app token');
  // a device that is not connected
  const off = await addDevice(A.api, S.id, AREA.id);
  const offSocket = ok(await A.api.get(`/bike/device/${off.id}`)).data.sockets[0];
  fail(await app.post('/app/bike/orders', { socketId: offSocket.id, amount: 100 }), 409, /离线/);
  // a station without a payment configuration
  const bareArea = await bikeDefaultArea(A.api, BARE.id);
  await addBikeTariff(A.api, BARE.id, bareArea.id, { ...PER_MINUTE, prepayValues: [100] });
  const b = await device([], { area: bareArea, station: BARE });
  fail(await app.post('/app/bike/orders', { socketId: b.socket(1).id, amount: 100 }), 409, /未配置支付/);
  // a disabled socket
  ok(await A.api.put('/bike/socket/changeStatus', { id: d.socket(2).id, status: 1 }));
  fail(await app.post('/app/bike/orders', { socketId: d.socket(2).id, amount: 100 }), 409, /插座已停用/);
  // by code; then the socket is busy for the next driver
  const o = await paidOrder(app, { socketCode: d.socket(1).code, amount: 100 });
  await charging(app, o.orderNo);
  const other = await driver();
  fail(await other.post('/app/bike/orders', { socketId: d.socket(1).id, amount: 100 }), 409, /使用中/);
  // another driver neither sees nor stops it
  fail(await other.get(`/app/bike/orders/${o.orderNo}`), 404, /订单不存在/);
  fail(await other.post(`/app/bike/orders/${o.orderNo}/stop`), 404);
  assert.equal((await other.list('/app/bike/orders')).total, 0);
  ok(await app.post(`/app/bike/orders/${o.orderNo}/stop`));
  await settled(app, o.orderNo);
});

test('normal session: paid → started over OCPP → live status → the device ends it → billed per started minute, the rest returned', { skip }, async () => {
  const app = await driver();
  const d = await device(['--charge-duration', '3']);
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  assert.equal(o.state, 'charging');
  assert.equal(o.prepaidDurationS, 600, '1.00 yuan buys 10 minutes');
  const live = await charging(app, o.orderNo);
  assert.equal(live.powerW, 400);
  assert.equal(live.socketNo, 1);
  assert.equal(live.deviceCode, d.code);
  assert.ok(live.remainingS > 0 && live.remainingS <= 600);
  assert.equal(live.remainingMeasuring, false, 'priced by time: counts down from the start');
  await until(async () => (await detail(app, o.orderNo)).costSoFar === 10, 'cost so far: the first started minute');
  const socketRow = ok(await A.api.get(`/bike/device/${d.id}`)).data.sockets.find((x) => x.socketNo === 1);
  assert.equal(socketRow.state, 'charging');
  const done = await settled(app, o.orderNo);
  assert.match(done.endReason, /拔出/);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 90);
  assert.ok(done.durationS >= 2 && done.durationS <= 5, `duration ${done.durationS}`);
  assert.ok(done.energy > 0, 'energy from the meter');
  assert.equal(done.billing.mode, 'A');
  assert.equal(done.billing.units, 1);
  const refunds = await refundsOf(app);
  assert.equal(refunds.length, 1);
  assert.equal(refunds[0].amount, 90);
  assert.equal(refunds[0].refundType, 'prepay_return');
  const list = await app.list('/app/bike/orders');
  assert.equal(list.total, 1);
  assert.equal(list.rows[0].orderNo, o.orderNo);
});

test('stop by the driver: the stop command reaches the device, its StopTransaction settles the order once', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const o = await paidOrder(app, { socketId: d.socket(2).id, amount: 200 });
  await charging(app, o.orderNo);
  await sleep(1500);  // a session of 0 s would cost nothing (no started minute)
  const r = ok(await app.post(`/app/bike/orders/${o.orderNo}/stop`)).data;
  assert.ok(['stopping', 'finished'].includes(r.phase), r.phase);
  const done = await settled(app, o.orderNo);
  assert.match(done.endReason, /用户结束充电/);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 190);
  fail(await app.post(`/app/bike/orders/${o.orderNo}/stop`), 409, /结束/);
});

test('free minutes: a session ended within them costs nothing, the whole prepayment is returned', { skip }, async () => {
  const app = await driver();
  const d = await device([], { area: FREE_AREA });
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  await charging(app, o.orderNo);
  await sleep(1500);
  ok(await app.post(`/app/bike/orders/${o.orderNo}/stop`));
  const done = await settled(app, o.orderNo);
  assert.equal(done.charged, 0);
  assert.equal(done.refunded, 100);
  assert.equal(done.billing.free, true);
  assert.ok(done.energy > 0, 'energy is still reported');
});

test('power-band tariff: the prepaid duration follows the measured power, the band of that power prices the session', { skip }, async () => {
  const app = await driver();
  const d = await device([], { area: BAND_AREA });  // the device draws 400 W
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  assert.equal(o.prepaidDurationS, 1200, 'at the reference power 100 W: 0.05 yuan a minute → 20 minutes');
  const live = await charging(app, o.orderNo);
  await until(async () => (await detail(app, o.orderNo)).prepaidDurationS === 300, 'at 400 W: 0.20 yuan a minute → 5 minutes');
  // the remaining time does not jump from 20 to 5 minutes: none while the power is measured (docs/orders.md)
  for (const x of [live, await detail(app, o.orderNo)]) {
    assert.equal(x.remainingMeasuring, true);
    assert.equal(x.remainingS, null);
  }
  await sleep(1000);
  ok(await app.post(`/app/bike/orders/${o.orderNo}/stop`));
  const done = await settled(app, o.orderNo);
  assert.equal(done.billing.mode, 'B');
  assert.equal(done.billing.band, '200W–700W');
  assert.equal(done.charged, 20);
  assert.equal(done.refunded, 80);
});

test('start refused by the device: abnormal, the whole prepayment returned', { skip }, async () => {
  const app = await driver();
  const d = await device(['--remote-start', 'refuse']);
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  const bad = await inState(app, o.orderNo, 'abnormal');
  assert.match(bad.endReason, /拒绝启动/);
  await until(async () => (await detail(app, o.orderNo)).refunded === 100, 'refunded');
  await until(async () => (await refundsOf(app)).every((x) => x.status === 'succeeded'), 'refund succeeded');
  assert.equal((await detail(app, o.orderNo)).charged, 0);
});

test('drivers who pay for the same socket at once: one session starts, the others are abnormal and returned in full', { skip }, async () => {
  const d = await device();
  const apps = await Promise.all([1, 2, 3, 4].map(() => driver()));
  const { orders, started } = await payTogether(ctx.server.baseUrl, apps, 'bike', { socketId: d.socket(1).id, amount: 100 });
  for (const [k, o] of orders.entries()) {
    if (o.state !== 'abnormal') continue;
    assert.match(o.endReason, /插座已被占用/);
    await until(async () => (await detail(apps[k], o.orderNo)).refunded === 100, 'returned in full');
    await until(async () => (await refundsOf(apps[k])).every((x) => x.status === 'succeeded'), 'refund succeeded');
  }
  const i = orders.indexOf(started);
  await charging(apps[i], started.orderNo);
  ok(await apps[i].post(`/app/bike/orders/${started.orderNo}/stop`, {}));
  await settled(apps[i], started.orderNo);
});

test('a payment whose start never happened (the process stopped in between) becomes an abnormal order, all returned', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const offer = ok(await app.post('/app/bike/orders', { socketId: d.socket(1).id, amount: 100 })).data;
  // paid at the cashier; its notification is applied without the start that follows it
  ok(await ctx.admin.post('/test/payment/skipListeners', { payNo: offer.payNo }));
  await payInSandbox(ctx.server.baseUrl, offer.cashierUrl);
  await until(async () => ok(await app.get(`/app/pay/${offer.payNo}`)).data.status === 'paid', 'paid');
  assert.equal((await app.list('/app/bike/orders')).total, 0, 'no order was started');
  assert.equal(ok(await ctx.admin.post('/test/bike/orders/recoverUnstarted', { atMs: Date.now() })).data.recovered, 0, 'within the grace');
  const later = Date.now() + 121_000;
  assert.equal(ok(await ctx.admin.post('/test/bike/orders/recoverUnstarted', { atMs: later })).data.recovered, 1);
  assert.equal(ok(await ctx.admin.post('/test/bike/orders/recoverUnstarted', { atMs: later })).data.recovered, 0, 'once');
  const [row] = (await app.list('/app/bike/orders')).rows;
  const bad = await inState(app, row.orderNo, 'abnormal');
  assert.match(bad.endReason, /服务中断/);
  await until(async () => (await detail(app, row.orderNo)).refunded === 100, 'refunded');
  await until(async () => (await refundsOf(app)).every((x) => x.status === 'succeeded'), 'refund succeeded');
  assert.equal((await detail(app, row.orderNo)).charged, 0);
});

test('start timeout: the device accepts the start but never starts — abnormal after order.bike_start_timeout_s, refunded', { skip }, async () => {
  const app = await driver();
  const d = await device(['--remote-start', 'ignore']);
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  assert.equal((await detail(app, o.orderNo)).phase, 'starting');
  const bad = await inState(app, o.orderNo, 'abnormal', 10000);
  assert.match(bad.endReason, /启动超时/);
  await until(async () => (await detail(app, o.orderNo)).refunded === 100, 'refunded');
  await until(async () => (await refundsOf(app)).every((x) => x.status === 'succeeded'), 'refund succeeded');
});

test('device lost while charging: suspended after the timeout, back with the same session → charging, then settled', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  await charging(app, o.orderNo);
  d.sim.proc.kill('SIGUSR1');  // the network is lost; the device keeps charging
  await until(async () => !ok(await A.api.get(`/bike/device/${d.id}`)).data.online, 'device offline');
  const s = await inState(app, o.orderNo, 'suspended', 8000);
  assert.equal(s.phase, 'suspended');
  d.sim.proc.kill('SIGUSR2');  // back, the same transaction still running
  await inState(app, o.orderNo, 'charging', 8000);
  await charging(app, o.orderNo);
  ok(await app.post(`/app/bike/orders/${o.orderNo}/stop`));
  const done = await settled(app, o.orderNo);
  assert.match(done.endReason, /用户结束充电/);
  assert.equal(done.charged + done.refunded, 100);
});

test('admin end (ORD-BIKE 结束) with a custom duration: settled by it, the device is stopped, its late StopTransaction changes nothing', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  await charging(app, o.orderNo);
  const row = (await ctx.admin.list('/order/bike/list', { orderNo: o.orderNo })).rows[0];
  assert.ok(row, 'the order in ORD-BIKE');
  fail(await ctx.admin.post(`/order/bike/${row.id}/end`, { durationS: -5 }), 400, /durationS/);
  ok(await A.api.post(`/order/bike/${row.id}/end`, { durationS: 300, reason: '用户电话要求' }));
  const done = await settled(app, o.orderNo);
  assert.match(done.endReason, /管理员结束：用户电话要求，按自定义时长5分钟结算/);
  assert.equal(done.durationS, 300);
  assert.equal(done.charged, 50, '5 minutes');
  assert.equal(done.refunded, 50);
  // the device received the stop and reported it; the order stays as settled
  await until(async () => ok(await A.api.get(`/bike/device/${d.id}`)).data.sockets.find((x) => x.socketNo === 1).state === 'idle', 'socket idle');
  await sleep(500);
  const after = await detail(app, o.orderNo);
  assert.equal(after.charged, 50);
  assert.equal((await refundsOf(app)).length, 1);
  fail(await A.api.post(`/order/bike/${row.id}/end`, {}), 409);
});

test('device lost for good: suspended, the admin ends it by the last reported duration', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const o = await paidOrder(app, { socketId: d.socket(2).id, amount: 100 });
  await charging(app, o.orderNo);
  await sleep(1500);
  d.sim.proc.kill('SIGUSR1');
  const s = await inState(app, o.orderNo, 'suspended', 8000);
  assert.ok(s.durationS >= 1, `last reported duration ${s.durationS}`);
  const row = (await ctx.admin.list('/order/bike/list', { orderNo: o.orderNo })).rows[0];
  ok(await A.api.post(`/order/bike/${row.id}/end`, {}));
  const done = await settled(app, o.orderNo);
  assert.match(done.endReason, /按最后上报时长结算/);
  // the last MeterValues before the loss (the live figure while suspended counts on from the start)
  assert.ok(done.durationS >= 1 && done.durationS <= s.durationS, `settled ${done.durationS} s, live ${s.durationS} s`);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 90);
});

test('a repeated StopTransaction is applied once', { skip }, async () => {
  const app = await driver();
  const d = await device(['--charge-duration', '2', '--repeat-stop']);
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  const done = await settled(app, o.orderNo);
  await sleep(600);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 90);
  const refunds = await refundsOf(app);
  assert.equal(refunds.length, 1, 'one prepayment return');
  assert.equal((await detail(app, o.orderNo)).charged, 10);
});

test('auto stop when the battery is full: the power stays below order.bike_full_power_w for order.bike_full_hold_s', { skip }, async () => {
  const app = await driver();
  const d = await device(['--power-drop-after', '1.5', '--power-drop', '0.005']);  // 400 W, then a 5 W trickle
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 100 });
  await charging(app, o.orderNo);
  const done = await settled(app, o.orderNo, 10000);
  assert.match(done.endReason, /已充满/);
  assert.ok(done.durationS >= 3, `duration ${done.durationS}`);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 90);
});

test('auto stop when the prepaid duration is used up (0.10 yuan = 1 minute)', { skip }, async () => {
  const app = await driver();
  const d = await device();
  const o = await paidOrder(app, { socketId: d.socket(1).id, amount: 10 });
  assert.equal(o.prepaidDurationS, 60);
  await charging(app, o.orderNo);
  const done = await settled(app, o.orderNo, 75000);
  assert.match(done.endReason, /预付时长已用完/);
  assert.equal(done.charged, 10);
  assert.equal(done.refunded, 0);
  assert.equal((await refundsOf(app)).length, 0);
});
