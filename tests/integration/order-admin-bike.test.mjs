// ORD-BIKE 单车订单 in the admin (docs/api-order.md) on real orders: a driver pays on the sandbox cashier and
// charges a socket of a simulated OCPP e-bike device (zhichong-sim ocpp); the property's admin finds the order by
// its filters (device code/SN, socket code …), another property's admin sees nothing and gets 404, the admin ends
// it by a custom duration (settled through the e-bike tariff engine), refunds within the maximum (over it
// refused), and exports the filtered list. The books balance after every test.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, until } from './lib/client.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff, waitExport, getBinary, xlsxRows } from './lib/bike.mjs';
import { haveSim, simBin, driver, chargingBikeOrder, ocppDevices } from './order-admin-helpers.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const skip = !haveSim() && `no ${simBin()}`;
const ctx = useServer({
  env: {
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '100',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '3000',
  },
});
// Mode A: 10 fen per started minute.
const PER_MINUTE = { mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000 };
let A; let B; let S; let AREA;
let sim;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  S = await addBikeStation(A.api, A.id);
  ok(await A.api.put('/bike/station/payConfig', {
    stationId: S.id, wechat: { enabled: true, mchId: `19005${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
  AREA = await bikeDefaultArea(A.api, S.id);
  await addBikeTariff(A.api, S.id, AREA.id, { ...PER_MINUTE, prepayValues: [100, 200] });
});

afterEach(async () => {
  await sim?.stop();
  await assertBooksBalance(ctx.admin);
});

test('e-bike order: filters, scope, end by a custom duration, refund within the maximum, export', { skip }, async () => {
  const d = await addDevice(A.api, S.id, AREA.id, { socketCount: 2 });
  const dev = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  sim = ocppDevices(ctx.server.baseUrl, [dev.code], 2, ['--power', '0.4']);
  await until(async () => ok(await A.api.get(`/bike/device/${d.id}`)).data.online, 'device online');
  const socket = ok(await A.api.get(`/bike/device/${d.id}`)).data.sockets.find((x) => x.socketNo === 1);
  const app = await driver(ctx.server.baseUrl);
  const mine = await chargingBikeOrder(ctx.server.baseUrl, app, socket, 200);
  const offer = { payNo: mine.payNo };

  const l = await A.api.list('/order/bike/list', { phone: app.phone });
  assert.equal(l.total, 1);
  const row = l.rows[0];
  assert.deepEqual([row.orderNo, row.status, row.stationName, row.deviceCode, row.socketNo, row.socketCode, row.prepaid],
    [mine.orderNo, 'charging', S.name, dev.code, 1, socket.code, 200]);
  // a charging order shows its running cost, as the driver's live page does (a started minute: 10 fen; issue 15)
  assert.equal(row.charged, 0);
  await until(async () => (await A.api.list('/order/bike/list', { phone: app.phone })).rows[0].costSoFar >= 10, 'running cost in the list');
  assert.ok(ok(await A.api.get(`/order/bike/${row.id}`)).data.costSoFar >= 10, 'and in the detail');
  const one = async (q) => (await A.api.list('/order/bike/list', q)).rows.map((r) => r.orderNo);
  for (const q of [{ orderNo: mine.orderNo }, { deviceCode: dev.code }, { deviceSn: dev.factoryNo }, { socketCode: socket.code },
    { stationId: S.id, phone: app.phone }, { status: 'charging', phone: app.phone }]) {
    assert.deepEqual(await one(q), [mine.orderNo], JSON.stringify(q));
  }
  for (const q of [{ status: 'finished', phone: app.phone }, { socketCode: 'nope' }, { phone: app.phone, endTime: Date.now() - 3600000 }]) {
    assert.deepEqual(await one(q), [], JSON.stringify(q));
  }
  assert.equal((await B.api.list('/order/bike/list', { phone: app.phone })).total, 0);
  fail(await B.api.get(`/order/bike/${row.id}`), 404);
  fail(await B.api.post(`/order/bike/${row.id}/end`, { durationS: 60 }), 404);
  fail(await B.api.post(`/order/bike/${row.id}/refund`, { reason: 'x' }), 404);
  fail(await A.api.post(`/order/bike/${row.id}/refund`, { reason: '测试' }), 409, /未结束/);
  fail(await A.api.post(`/order/bike/${row.id}/end`, { durationS: 49 * 3600 }), 400, /durationS/);
  fail(await A.api.post(`/order/car/${row.id}/end`, {}), [404, 409]);

  // end by a custom duration: 7 minutes × 10 fen
  const end = ok(await A.api.post(`/order/bike/${row.id}/end`, { durationS: 420, reason: '插座故障' })).data;
  assert.equal(end.status, 'finished');
  assert.equal(end.charged, 70);
  fail(await A.api.post(`/order/bike/${row.id}/end`, {}), 409);
  await until(async () => (await A.api.list('/order/refund/list', { payee: app.phone, status: 'succeeded' })).total === 1, 'prepay returned');
  let o = ok(await A.api.get(`/order/bike/${row.id}`)).data;
  assert.equal(o.status, 'finished');
  assert.match(o.endReason, /插座故障/);
  assert.equal(o.charged, 70);
  assert.equal(o.refunded, 130);
  assert.deepEqual([o.prepayReturned, o.feeRefunded, o.costSoFar], [130, 0, undefined], 'returned apart from refunds');
  assert.equal(o.refundable, 70);
  assert.equal(o.payments[0].payNo, offer.payNo);
  assert.ok(o.tariff && o.tariff.mode === 'A', JSON.stringify(o.tariff));
  assert.ok(o.billingDetail, 'billing detail');

  fail(await A.api.post(`/order/bike/${row.id}/refund`, { amount: 71, reason: '补偿' }), 409, /最多可退0\.70元/);
  ok(await A.api.post(`/order/bike/${row.id}/refund`, { amount: 20, reason: '补偿' }));
  o = ok(await A.api.get(`/order/bike/${row.id}`)).data;
  assert.equal(o.refunded, 150);
  assert.deepEqual([o.prepayReturned, o.feeRefunded], [130, 20]);
  const listed = (await A.api.list('/order/bike/list', { phone: app.phone })).rows[0];
  assert.deepEqual([listed.prepayReturned, listed.feeRefunded, listed.costSoFar], [130, 20, undefined]);
  assert.equal(o.refundable, 50);
  await until(async () => (await A.api.list('/order/refund/list', { payee: app.phone, status: 'succeeded' })).total === 2, 'fee refund done');

  const job = ok(await A.api.post('/order/bike/export', { phone: app.phone })).data.jobId;
  const st = await waitExport(A.api, job);
  assert.equal(st.status, 'done', JSON.stringify(st));
  const sheet = xlsxRows((await getBinary(A.api, `/export/${job}/download`)).buf);
  const { rows } = sheet;
  assert.equal(rows.length, 2);
  const h = rows[0];
  assert.equal(rows[1][0], mine.orderNo);
  assert.equal(rows[1][h.indexOf('设备编号')], dev.code);
  assert.equal(rows[1][h.indexOf('状态')], '已结束');
  assert.equal(Math.round(Number(rows[1][h.indexOf('已退金额(元)')]) * 100), 150);
  assert.equal(Math.round(Number(rows[1][h.indexOf('预付退回(元)')]) * 100), 130);
  assert.equal(Math.round(Number(rows[1][h.indexOf('退费(元)')]) * 100), 20);
  // amounts and energy are numbers with a number format, so that the operator can sum them (issue 15)
  for (const [col, format] of [['已退金额(元)', '0.00'], ['订单金额(元)', '0.00'], ['预付金额(元)', '0.00'], ['充电量(kWh)', '0.0000']]) {
    const i = h.indexOf(col);
    assert.ok(i >= 0, col);
    assert.equal(sheet.kinds[1][i], 'number', `${col} is a number cell`);
    assert.equal(sheet.formats[1][i], format, `${col} format`);
  }
  assert.equal(Math.round(Number(rows[1][h.indexOf('充电量(kWh)')]) * 10000), o.energy);
});
