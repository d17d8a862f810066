// Car charging orders end to end (issue 7; docs/orders.md) with simulated piles (zhichong-sim ykc / ocpp): a
// driver signs in, pays the prepayment on the sandbox cashier, the platform starts the pile,
// shows the live session, stops (driver, pile, or at the prepayment), settles through the tariff engine
// and returns the unused prepayment. Refused start, start timeout, retransmitted records, the checks of
// POST /app/car/orders and a driver seeing only own orders. The books balance after every test.
// And one OCPP session on zhichong-sim ocpp; more OCPP cases in order-car-device.test.mjs (a scripted
// charge point whose times the test sets).
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, fail, until } from './lib/client.mjs';
import { payInSandbox, payTogether } from './lib/app.mjs';
import { approvedStation, defaultArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from './lib/car.mjs';
import {
  haveSim, simBin, driver, orderAndPay, detail, waitState, refundSettled, fenOf, runYkcSim, runOcppSim,
} from './lib/order-car-helpers.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const skip = !haveSim && `no ${simBin}`;
const ykcPort = await freePort();
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_YKC_PORT: String(ykcPort),
    ZHICHONG_YKC_IDLE_TIMEOUT_S: '3',
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '150',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_ORDER_START_TIMEOUT_S: '3',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '2000',
    ZHICHONG_LOG_LEVEL: 'info',
  },
});
let station; let area; let bareStation; let bareGun;
const MCH = `19001${Date.now() % 100000}`;
const PREPAY = [500, 1000, 2000, 5000];

const row = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;
const gunOf = async (pile, n = 1) => (await row(pile.id)).guns.find((g) => g.gunNo === n);
const txs = async (id) => ok(await ctx.admin.get('/test/device/transactions', { deviceId: id })).data;

async function piles(protocol, n = 1) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await row((await addPile(ctx.admin, station.id, area.id, { protocol, gunCount: 2 })).id));
  return out;
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  ok(await ctx.admin.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: MCH, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
  area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: PREPAY });
  // a station without a payment configuration (CAR-ST-PAY), with a tariff and a pile
  bareStation = await approvedStation(ctx.admin, ctx.admin, A.id);
  const bareArea = await defaultArea(ctx.admin, bareStation.id);
  await addTariff(ctx.admin, bareStation.id, bareArea.id, { prepayValues: PREPAY });
  const barePile = await addPile(ctx.admin, bareStation.id, bareArea.id, { protocol: 'ykc', gunCount: 1 });
  bareGun = (await row(barePile.id)).guns[0];
  // tariff versions take effect at the next local midnight: move the car clock past it
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');
});

afterEach(() => assertBooksBalance(ctx.admin));

/** Σ tier energy × unit price (energy + service), half-up once, capped: what the platform must charge. */
function chargeOfTiers(tiers, prepaid) {
  const nano = tiers.reduce((n, t) => n + t.energy * t.unitPrice, 0);
  return Math.min(fenOf(nano), prepaid);
}

test('YKC: pay, the pile starts, live values, the driver stops, settled by the pile tiers, the rest returned; a retransmitted record changes nothing', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], ['--power', '60', '--retransmit-record', '2']);
  try {
    await until(async () => (await row(p.id)).online, 'online');
    await s.wait((e) => e.event === 'model', 'billing model');
    const gun = await gunOf(p);
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, gun, 5000);
    assert.equal(pay.amount, 5000);
    assert.match(order.orderNo, /^C\d{18}$/, 'order number: ≤ 20 characters, the idTag the pile sees');
    const paid = ok(await app.get(`/app/pay/${pay.payNo}`)).data;
    assert.deepEqual([paid.status, paid.orderType, paid.orderNo], ['paid', 'car', order.orderNo], 'the pay status names the order');
    const start = await s.wait((e) => e.event === 'start' && e.result === 'ok', 'the pile started');
    const charging = await waitState(app, order.orderNo, 'charging');
    assert.equal(charging.prepaid, 5000);
    assert.equal(charging.gunCode, gun.code);
    assert.equal(charging.plate, '粤B12345');
    const live = await until(async () => { const o = await detail(app, order.orderNo); return o.energy > 0 && o.costSoFar > 0 && o; }, 'live energy and cost');
    assert.ok(live.powerW > 0 && live.voltage > 0 && live.current > 0, JSON.stringify(live));
    assert.match(live.kwh, /^\d+\.\d{4}$/);
    // stop by the driver: stopping, then the pile's record settles it
    const st = ok(await app.post(`/app/car/orders/${order.orderNo}/stop`, {})).data;
    assert.equal(st.state, 'stopping');
    const rec = await s.wait((e) => e.event === 'record' && e.serial === start.serial && e.copy === 0, 'record sent');
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.endReason, '用户停止');
    assert.equal(done.energy, rec.totalEnergy);
    const expected = chargeOfTiers(rec.tiers, 5000);
    assert.equal(done.charged, expected, 'charged = the pile tiers at the platform prices, half-up once');
    assert.equal(done.energyFee + done.serviceFee, done.charged);
    assert.equal(done.refunded, 5000 - expected, 'the unused prepayment is returned');
    assert.ok(done.tiers.length > 0);
    assert.equal(done.tiers.reduce((n, t) => n + t.energy, 0), done.energy);
    const payRow = await refundSettled(ctx.admin, pay.payNo);
    assert.equal(payRow.capturedAmount, expected);
    assert.equal(payRow.refundedAmount, 5000 - expected);
    // the pile sends the same record twice more: acknowledged, applied once
    await s.wait((e) => e.event === 'record' && e.serial === start.serial && e.copy === 2 && e.confirmed, 'third copy acknowledged');
    assert.equal((await txs(p.id)).filter((t) => t.serial === start.serial).length, 1);
    const again = await detail(app, order.orderNo);
    assert.deepEqual([again.state, again.charged, again.refunded], ['completed', done.charged, done.refunded]);
    // history: own orders, newest first; another driver sees none of them
    const mine = await app.list('/app/car/orders');
    assert.equal(mine.rows[0].orderNo, order.orderNo);
    const other = await driver(ctx.anon);
    assert.equal((await other.list('/app/car/orders')).total, 0);
    fail(await other.get(`/app/car/orders/${order.orderNo}`), 404, /orderNo/);
    fail(await other.post(`/app/car/orders/${order.orderNo}/stop`, {}), 404, /orderNo/);
    fail(await ctx.anon.get('/app/car/orders'), 401);
    fail(await ctx.admin.get('/app/car/orders'), 401, undefined, 'an admin token is not an app token');
  } finally {
    await s.stop();
  }
});

test('OCPP (zhichong-sim ocpp): RemoteStartTransaction with the order number as idTag, the pile ends by itself, settled by meter', { skip }, async () => {
  const [p] = await piles('ocpp16');
  const s = runOcppSim(ctx.server.baseUrl, [p], ['--charge-duration', '3', '--power', '30']);
  try {
    await until(async () => (await row(p.id)).online, 'online');
    await until(async () => (await gunOf(p)).state === 'idle', 'gun idle');
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 2000);
    const charging = await waitState(app, order.orderNo, 'charging');
    assert.ok(charging.startTime > 0);
    await until(async () => (await txs(p.id)).find((x) => x.idTag === order.orderNo), 'transaction recorded with the order number');
    const done = await waitState(app, order.orderNo, 'completed');
    assert.match(done.endReason, /电桩结束/);
    assert.ok(done.energy > 0, 'energy by meter');
    assert.equal(done.charged + done.refunded, 2000);
    // the per-tier breakdown is the TOU engine's: each tier's fee = its energy × its prices (exact, half-up)
    for (const x of done.tiers) {
      assert.ok(Math.abs(x.energyFee - fenOf(x.energy * x.energyPrice)) <= 1, JSON.stringify(x));
      assert.ok(Math.abs(x.serviceFee - fenOf(x.energy * x.servicePrice)) <= 1, JSON.stringify(x));
    }
    assert.equal(done.tiers.reduce((n, x) => n + x.energyFee + x.serviceFee, 0), done.charged);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    await s.stop();
  }
});

test('auto stop when the cost so far reaches the prepayment: charged = the prepayment, nothing returned', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], ['--power', '1500']);
  try {
    await s.wait((e) => e.event === 'model', 'billing model');
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 500);
    const stopping = await until(async () => { const o = await detail(app, order.orderNo); return o.state !== 'charging' && o.state !== 'starting' && o; }, 'auto stop', 30000);
    assert.ok(['stopping', 'completed'].includes(stopping.state), stopping.state);
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.charged, 500, 'capped at the prepayment');
    assert.equal(done.refunded, 0);
    assert.equal(done.energyFee + done.serviceFee, 500);
    const payRow = await refundSettled(ctx.admin, pay.payNo);
    assert.equal(payRow.capturedAmount, 500);
  } finally {
    await s.stop();
  }
});

test('start refused by the pile: abnormal, the whole prepayment returned', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], ['--refuse-start']);
  try {
    await s.wait((e) => e.event === 'model', 'billing model');
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 1000);
    const o = await waitState(app, order.orderNo, 'abnormal');
    assert.match(o.endReason, /启动失败/);
    assert.equal(o.charged, 0);
    assert.equal(o.refunded, 1000);
    const payRow = await refundSettled(ctx.admin, pay.payNo);
    assert.equal(payRow.refundedAmount, 1000);
  } finally {
    await s.stop();
  }
});

test('drivers who pay for the same gun at once: one session starts, the others are abnormal and returned in full', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], ['--power', '60']);
  try {
    await s.wait((e) => e.event === 'model', 'billing model');
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const gun = await gunOf(p);
    const apps = await Promise.all([1, 2, 3, 4].map(() => driver(ctx.anon)));
    const { offers, orders, started } = await payTogether(ctx.server.baseUrl, apps, 'car', { gunCode: gun.code, amount: 1000 });
    for (const [k, o] of orders.entries()) {
      if (o.state !== 'abnormal') continue;
      assert.match(o.endReason, /充电枪已被占用/);
      assert.deepEqual([o.charged, o.refunded], [0, 1000]);
      assert.equal((await refundSettled(ctx.admin, offers[k].payNo)).refundedAmount, 1000);
    }
    const i = orders.indexOf(started);
    await waitState(apps[i], started.orderNo, 'charging');
    ok(await apps[i].post(`/app/car/orders/${started.orderNo}/stop`, {}));
    await waitState(apps[i], started.orderNo, 'completed', 20000);
  } finally {
    await s.stop();
  }
});

test('no start confirmation within order.start_timeout_s: abnormal, the whole prepayment returned', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], ['--no-start-confirm']);
  try {
    await s.wait((e) => e.event === 'model', 'billing model');
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 2000);
    assert.equal((await detail(app, order.orderNo)).state, 'starting');
    const o = await waitState(app, order.orderNo, 'abnormal');
    assert.match(o.endReason, /启动超时/);
    assert.equal(o.refunded, 2000);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    await s.stop();
  }
});

test('a payment whose start never happened (the process stopped in between) becomes an abnormal order, all returned', { skip }, async () => {
  const [p] = await piles('ykc');
  const s = runYkcSim(ykcPort, [p], []);
  try {
    await s.wait((e) => e.event === 'model', 'billing model');
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    const app = await driver(ctx.anon);
    const offer = ok(await app.post('/app/car/orders', { gunCode: (await gunOf(p)).code, amount: 1000 })).data;
    // paid at the cashier; its notification is applied without the start that follows it
    ok(await ctx.admin.post('/test/payment/skipListeners', { payNo: offer.payNo }));
    await payInSandbox(ctx.server.baseUrl, offer.cashierUrl);
    let pay = await until(async () => { const x = ok(await app.get(`/app/pay/${offer.payNo}`)).data; return x.status === 'paid' && x; }, 'paid');
    assert.equal(pay.orderNo, null, 'no order was started');
    // within its grace (the start may still be on its way) the recovery leaves it alone …
    assert.equal(ok(await ctx.admin.post('/test/car/orders/recoverUnstarted', { atMs: Date.now() })).data.recovered, 0);
    // … after it: an abnormal order, never started, the whole prepayment returned — once
    const later = Date.now() + 121_000;
    assert.equal(ok(await ctx.admin.post('/test/car/orders/recoverUnstarted', { atMs: later })).data.recovered, 1);
    assert.equal(ok(await ctx.admin.post('/test/car/orders/recoverUnstarted', { atMs: later })).data.recovered, 0);
    pay = ok(await app.get(`/app/pay/${offer.payNo}`)).data;
    assert.ok(pay.orderNo, 'the payment has its order now');
    const o = await detail(app, pay.orderNo);
    assert.equal(o.state, 'abnormal');
    assert.match(o.endReason, /服务中断/);
    assert.deepEqual([o.charged, o.refunded], [0, 1000]);
    assert.equal((await refundSettled(ctx.admin, offer.payNo)).refundedAmount, 1000);
    assert.equal((await gunOf(p)).state === 'charging', false, 'the pile was never started');
  } finally {
    await s.stop();
  }
});

test('POST /app/car/orders refuses what cannot start, naming the reason', { skip }, async () => {
  const app = await driver(ctx.anon);
  const [p] = await piles('ykc');
  const gun = await gunOf(p);
  fail(await app.post('/app/car/orders', { gunCode: 'NOSUCHGUN', amount: 1000 }), 404, /gunCode/);
  fail(await app.post('/app/car/orders', { gunCode: gun.code }), 400, /amount/);
  fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 1000 }), 409, /离线/);
  fail(await app.post('/app/car/orders', { gunId: bareGun.id, amount: 1000 }), 409, /离线|未配置支付/);
  const s = runYkcSim(ykcPort, [p], []);
  try {
    await until(async () => ['idle', 'plugged'].includes((await gunOf(p)).state), 'gun state known');
    fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 0 }), 400, /amount/);
    fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 99 }), 400, /amount/);
    fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 5000001 }), 400, /amount/);
    // an amount within the configured bounds that is not a prepay value is accepted (docs/orders.md)
    const pay = ok(await app.post('/app/car/orders', { gunCode: gun.code, amount: 1234 })).data;
    assert.equal(pay.amount, 1234);
    assert.match(pay.cashierUrl, /^\/sandbox\/pay\//);
    ok(await ctx.admin.put('/car/gun/changeStatus', { id: gun.id, status: 1 }));
    fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 1000 }), 409, /已停用/);
    ok(await ctx.admin.put('/car/gun/changeStatus', { id: gun.id, status: 0 }));
  } finally {
    await s.stop();
  }
});
