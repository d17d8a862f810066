// Car orders with scripted piles (docs/orders.md): a raw-TCP YKC pile (lib/ykc.mjs) and a scripted OCPP
// 1.6J charge point (lib/order-car-helpers.mjs) whose session times and meter readings the test chooses —
// device lost and back (suspended → charging → settled), lost for good (suspended until an admin ends
// it through OrderEnder, settled by the last reported energy), a session across the station's local
// midnight and a tier boundary (OCPP by meter, YKC by the pile's tiers at platform prices), retransmitted
// records and stops applied once. The books balance after every test.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, fail, until, sleep } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, addTariff } from './lib/car.mjs';
import { RawPile, frame, loginBody, realtimeBody, recordBody, hex } from './lib/ykc.mjs';
import {
  driver, orderAndPay, detail, waitState, refundSettled, ScriptedChargePoint, iso, scriptedOcppPile, ocppStart,
} from './lib/order-car-helpers.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const ykcPort = await freePort();
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_YKC_PORT: String(ykcPort),
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '150',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_ORDER_START_TIMEOUT_S: '5',
    ZHICHONG_ORDER_DEVICE_LOST_TIMEOUT_S: '2',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '3000',
  },
});

// One tariff for the tests' area: valley 00:00–07:00 (0.4 + 0.3 yuan/kWh), flat 07:00–23:30 (0.8 + 0.5),
// peak 23:30–24:00 (1.2 + 0.6). A session 23:30 → 00:30 is half peak, half valley, across the date.
const TIERS = {
  peak: { energyPrice: 120000, servicePrice: 60000 },
  flat: { energyPrice: 80000, servicePrice: 50000 },
  valley: { energyPrice: 40000, servicePrice: 30000 },
};
const PERIODS = [
  { start: '00:00', end: '07:00', tier: 'valley' },
  { start: '07:00', end: '23:30', tier: 'flat' },
  { start: '23:30', end: '24:00', tier: 'peak' },
];
const MCH = `19002${Date.now() % 100000}`;
let station; let area;

const row = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;
const gunOf = async (pile, n = 1) => (await row(pile.id)).guns.find((g) => g.gunNo === n);
const newPile = async (protocol) => row((await addPile(ctx.admin, station.id, area.id, { protocol, gunCount: 2 })).id);
const adminEnd = (orderNo) => ctx.admin.post(`/test/car/orders/${orderNo}/end`, {});

// 23:30 Asia/Shanghai (UTC+8) of yesterday, as UTC epoch ms
function shanghai2330() {
  const d = new Date(Date.now() - 86400000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 15, 30);
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  ok(await ctx.admin.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: MCH, appId: 'wx0000000000000002', apiV3Key: 'k'.repeat(32) },
  }));
  area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id, { mode: 'tou', tiers: TIERS, periods: PERIODS, prepayValues: [1000, 2000, 5000] });
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');
});

afterEach(() => assertBooksBalance(ctx.admin));

const ocppPile = (p) => scriptedOcppPile(ctx, p);

const meter = (cp, tx, at, wh, power = 7000) => cp.call('MeterValues', {
  connectorId: 1, transactionId: tx, meterValue: [{ timestamp: iso(at), sampledValue: [
    { value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
    { value: String(power), measurand: 'Power.Active.Import', unit: 'W' },
    { value: '230', measurand: 'Voltage', unit: 'V' }, { value: '30', measurand: 'Current.Import', unit: 'A' },
    { value: '55', measurand: 'SoC', unit: 'Percent' }] }],
});

test('OCPP session across local midnight and a tier boundary: settled by meter, 5 kWh peak + 5 kWh valley', async () => {
  const p = await newPile('ocpp16');
  const cp = await ocppPile(p);
  try {
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 2000);
    const start = shanghai2330();
    const { idTag, tx } = await ocppStart(cp, start, 100000);
    assert.equal(idTag, order.orderNo);
    await waitState(app, order.orderNo, 'charging');
    await meter(cp, tx, start + 1800000, 105000);
    const live = await until(async () => { const o = await detail(app, order.orderNo); return o.energy === 50000 && o; }, 'live energy');
    assert.equal(live.soc, 55);
    assert.equal(live.voltage, 230);
    assert.equal(live.powerW, 7000);
    const stop = { transactionId: tx, meterStop: 110000, timestamp: iso(start + 3600000), reason: 'EVDisconnected', idTag };
    const conf = await cp.call('StopTransaction', stop);
    assert.equal(conf.idTagInfo.status, 'Accepted');
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.energy, 100000, '10 kWh');
    const byTier = Object.fromEntries(done.tiers.map((t) => [t.tier, t]));
    assert.equal(byTier.peak.energy, 50000, '23:30–24:00 at the peak price');
    assert.equal(byTier.valley.energy, 50000, '00:00–00:30 of the next day at the valley price');
    assert.equal(done.charged, 900 + 350, '5 × 1.8 + 5 × 0.7 yuan');
    assert.equal(done.energyFee, 600 + 200);
    assert.equal(done.serviceFee, 300 + 150);
    assert.equal(done.refunded, 2000 - 1250);
    assert.equal(done.startTime, start);
    assert.equal(done.durationS, 3600);
    // the pile repeats its StopTransaction (no answer seen): answered, nothing changes
    await cp.call('StopTransaction', stop);
    const again = await detail(app, order.orderNo);
    assert.deepEqual([again.charged, again.refunded], [1250, 750]);
    const payRow = await refundSettled(ctx.admin, pay.payNo);
    assert.deepEqual([payRow.capturedAmount, payRow.refundedAmount], [1250, 750]);
  } finally {
    cp.close();
  }
});

test('OCPP pile lost while charging: suspended after order.device_lost_timeout_s, back with the same transaction → charging, then settled', async () => {
  const p = await newPile('ocpp16');
  let cp = await ocppPile(p);
  try {
    const app = await driver(ctx.anon);
    const { order } = await orderAndPay(ctx, app, await gunOf(p), 5000);
    const t0 = Date.now();
    const { tx } = await ocppStart(cp, t0, 0);
    await waitState(app, order.orderNo, 'charging');
    await meter(cp, tx, t0 + 1000, 1000);
    cp.drop();
    const suspended = await waitState(app, order.orderNo, 'suspended', 10000);
    assert.equal(suspended.energy, 10000, 'the last reported energy is kept');
    cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, p.code);
    await cp.call('BootNotification', { chargePointVendor: 'ZcTest', chargePointModel: 'Scripted' });
    await meter(cp, tx, Date.now(), 2000);
    await waitState(app, order.orderNo, 'charging', 10000);
    ok(await app.post(`/app/car/orders/${order.orderNo}/stop`, {}));
    const rstop = await cp.nextCall('RemoteStopTransaction');
    assert.equal(rstop.transactionId, tx);
    await cp.call('StopTransaction', { transactionId: tx, meterStop: 3000, timestamp: iso(Date.now()), reason: 'Remote' });
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.energy, 30000);
    assert.equal(done.endReason, '用户停止');
    assert.equal(done.charged + done.refunded, 5000);
  } finally {
    cp.close();
  }
});

test('OCPP: the driver stops a running session (RemoteStopTransaction); the gun is busy for others meanwhile', async () => {
  const p = await newPile('ocpp16');
  const cp = await ocppPile(p);
  try {
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 1000);
    const t0 = Date.now();
    const { tx } = await ocppStart(cp, t0, 500000);
    await waitState(app, order.orderNo, 'charging');
    await meter(cp, tx, t0 + 500, 501000);
    await until(async () => (await detail(app, order.orderNo)).energy === 10000, 'energy flows');
    const gun = await gunOf(p);
    assert.match(fail(await app.post('/app/car/orders', { gunCode: gun.code, amount: 1000 }), 409).msg, /已有进行中的订单/);
    assert.match(fail(await (await driver(ctx.anon)).post('/app/car/orders', { gunCode: gun.code, amount: 1000 }), 409).msg, /不可用/);
    assert.equal(ok(await app.post(`/app/car/orders/${order.orderNo}/stop`, {})).data.state, 'stopping');
    assert.equal((await detail(app, order.orderNo)).state, 'stopping');
    assert.equal((await cp.nextCall('RemoteStopTransaction')).transactionId, tx);
    await cp.call('StopTransaction', { transactionId: tx, meterStop: 502000, timestamp: iso(t0 + 60000), reason: 'Remote' });
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.endReason, '用户停止');
    assert.equal(done.energy, 20000, 'meter stop − meter start');
    assert.equal(done.charged + done.refunded, 1000);
    assert.equal(fail(await app.post(`/app/car/orders/${order.orderNo}/stop`, {}), 409).msg.includes('completed'), true);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    cp.close();
  }
});

/** A raw YKC pile logged in with gun 1 plugged. */
async function ykcPile(p) {
  const pile = await RawPile.connect(ykcPort);
  pile.send(frame(0x01, loginBody(p.code, { guns: 2 }), 1));
  assert.equal((await pile.next(0x02)).body[7], 0x00, 'login ok');
  pile.send(frame(0x13, realtimeBody(p.code, { gun: 1, status: 2, plugged: 1 }), 2));
  await until(async () => (await gunOf(p)).state === 'plugged', 'gun plugged');
  return pile;
}

/** Answers 0x34 with success; returns the serial and the balance the platform gave the pile. */
/**
 * Sends `bytes` as a pile reporting periodically would (again every 500 ms) until `done()` holds. The first
 * 0x13 after a start may come before the server has attached the session's transaction (the start is
 * recorded in a background job), so — like a real pile, which reports every few seconds — it is repeated.
 */
async function reportUntil(pile, bytes, done, what, ms = 10000) {
  let last = 0;
  return until(async () => {
    if (await done()) return true;
    if (Date.now() - last >= 500) { pile.send(bytes); last = Date.now(); }
    return false;
  }, what, ms);
}

async function ykcStart(pile) {
  const q = await pile.next(0x34, 8000);
  pile.send(frame(0x33, [...q.body.slice(0, 24), 0x01, 0x00], q.seq));
  return { serial: hex(q.body.slice(0, 16)), balance: q.body[40] | (q.body[41] << 8) | (q.body[42] << 16) };
}

test('YKC pile lost, back with the same serial, its tier record across midnight settles at platform prices; the record again changes nothing', async () => {
  const p = await newPile('ykc');
  let pile = await ykcPile(p);
  try {
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 2000);
    const { serial, balance } = await ykcStart(pile);
    assert.equal(balance, 2000, 'the pile is given the prepayment as balance');
    await waitState(app, order.orderNo, 'charging');
    await reportUntil(pile, frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 3, plugged: 1, voltage: 4000, current: 500, soc: 40, energy: 30000 }), 3),
      async () => (await detail(app, order.orderNo)).energy === 30000, 'live energy');
    pile.close();
    await waitState(app, order.orderNo, 'suspended', 10000);
    pile = await RawPile.connect(ykcPort);
    pile.send(frame(0x01, loginBody(p.code, { guns: 2 }), 4));
    await pile.next(0x02);
    await reportUntil(pile, frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 3, plugged: 1, voltage: 4000, current: 500, soc: 60, energy: 60000 }), 5),
      async () => (await detail(app, order.orderNo)).state === 'charging', 'charging again');
    // the pile ends the session itself and sends its bill: 23:30 → 00:30, 5 kWh peak + 5 kWh valley; its
    // own amounts (deliberately wrong here) are not what the driver pays
    const start = shanghai2330();
    const tiers = [{ price: 0, energy: 0, amount: 0 }, { price: 180000, energy: 50000, amount: 1 },
      { price: 0, energy: 0, amount: 0 }, { price: 70000, energy: 50000, amount: 1 }];
    const rec = recordBody(p.code, { serial, gun: 1, start, end: start + 3600000, tiers, stopReason: 0x45 });
    for (const seq of [6, 7]) {
      pile.send(frame(0x3b, rec, seq));
      assert.equal((await pile.next(0x40)).body[16], 0x00, 'record acknowledged');
    }
    const done = await waitState(app, order.orderNo, 'completed');
    assert.equal(done.energy, 100000);
    assert.equal(done.charged, 1250);
    assert.equal(done.refunded, 750);
    assert.deepEqual(done.tiers.map((t) => [t.tier, t.energy]), [['peak', 50000], ['valley', 50000]]);
    assert.match(done.endReason, /电桩结束/);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    pile.close();
  }
});

test('YKC: two idle reports during a paid session flag it; the flag stays on its record and is shown with the order (issue 13)', async () => {
  const p = await newPile('ykc');
  const pile = await ykcPile(p);
  try {
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 2000);
    const { serial } = await ykcStart(pile);
    await waitState(app, order.orderNo, 'charging');
    await reportUntil(pile, frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 3, plugged: 1, voltage: 4000, current: 500, energy: 20000 }), 3),
      async () => (await detail(app, order.orderNo)).energy === 20000, 'live energy');
    pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 2, plugged: 1, energy: 20000 }), 4));
    pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 2, plugged: 1, energy: 20000 }), 5));
    const id = (await ctx.admin.list('/order/car/list', { orderNo: order.orderNo })).rows[0].id;
    const flagged = await until(async () => { const d = ok(await ctx.admin.get(`/order/car/${id}`)).data; return d.deviceAbnormal === 1 && d; }, 'the order shows the flag');
    assert.match(flagged.deviceFlags, /two idle/);
    const now = Date.now();
    const tiers = [{ price: 0, energy: 0, amount: 0 }, { price: 0, energy: 0, amount: 0 },
      { price: 130000, energy: 20000, amount: 2600 }, { price: 0, energy: 0, amount: 0 }];
    pile.send(frame(0x3b, recordBody(p.code, { serial, gun: 1, start: now - 600000, end: now - 1000, tiers }), 6));
    assert.equal((await pile.next(0x40)).body[16], 0x00);
    await waitState(app, order.orderNo, 'completed');
    const d = ok(await ctx.admin.get(`/order/car/${id}`)).data;
    assert.equal(d.deviceAbnormal, 1, 'still flagged after the record');
    assert.match(d.deviceFlags, /two idle/);
    const rec = (await ctx.admin.list('/order/record/list', { deviceType: 'car_pile', deviceId: p.id })).rows.find((r) => r.serial === serial);
    assert.equal(rec.orderNo, order.orderNo, 'the record lists its order');
    assert.equal(rec.abnormal, 1);
    assert.equal((await ctx.admin.list('/order/record/list', { deviceType: 'car_pile', deviceId: p.id, withoutOrder: 1 })).rows.length, 0);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    pile.close();
  }
});

test('YKC pile lost for good: suspended until an admin ends it (OrderEnder), settled by the last reported energy', async () => {
  const p = await newPile('ykc');
  const pile = await ykcPile(p);
  const app = await driver(ctx.anon);
  const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 5000);
  const { serial } = await ykcStart(pile);
  await waitState(app, order.orderNo, 'charging');
  await reportUntil(pile, frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 3, plugged: 1, voltage: 4000, current: 500, energy: 20000 }), 3),
    async () => (await detail(app, order.orderNo)).energy === 20000, 'live energy');
  pile.close();
  await waitState(app, order.orderNo, 'suspended', 10000);
  await sleep(1000);
  assert.equal((await detail(app, order.orderNo)).state, 'suspended', 'stays suspended');
  const end = ok(await adminEnd(order.orderNo)).data;
  assert.equal(end.state, 'completed');
  const done = await detail(app, order.orderNo);
  assert.equal(done.state, 'completed');
  assert.equal(done.energy, 20000, 'the last reported energy');
  assert.match(done.endReason, /管理员结束/);
  assert.ok(done.charged > 0);
  assert.equal(done.charged, end.charged);
  assert.equal(done.charged + done.refunded, 5000);
  assert.equal((await adminEnd(order.orderNo)).status, 409, 'ending twice is refused');
  await refundSettled(ctx.admin, pay.payNo);
});

test('an admin ends a session that never started: nothing charged, everything returned', async () => {
  const p = await newPile('ykc');
  const pile = await ykcPile(p);
  try {
    const app = await driver(ctx.anon);
    const { pay, order } = await orderAndPay(ctx, app, await gunOf(p), 1000);
    await pile.next(0x34, 8000);  // never answered
    assert.equal((await detail(app, order.orderNo)).state, 'starting');
    ok(await adminEnd(order.orderNo));
    const done = await detail(app, order.orderNo);
    assert.deepEqual([done.state, done.charged, done.refunded], ['completed', 0, 1000]);
    await refundSettled(ctx.admin, pay.payNo);
  } finally {
    pile.close();
  }
});
