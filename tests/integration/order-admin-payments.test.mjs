// ORD-PAY 支付订单 and ORD-REF 退费管理 in the admin (docs/api-order.md): the lists' filters and data scope (a
// property admin of another property sees nothing and gets 404), details with refunds, ledger and the third-party
// numbers, and the Excel exports (rows = the filtered list, the payment export with the gateway callback). Money is
// moved through the real sandbox gateway (cashier page, signed notifications); the books balance after every test.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, randPhone, until } from './lib/client.mjs';
import { approvedStation, waitExport, getBinary, xlsxRows } from './lib/car.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: '1',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '150',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
  },
});
let A; let B; let station; const MCH = `19002${Date.now() % 100000}`;

const payOrder = async (api, id) => ok(await api.get(`/order/payment/${id}`)).data;

/** A payment through the sandbox: prepay, confirm on the cashier page, wait for the notification. */
async function paid(amount, phone = randPhone()) {
  const p = ok(await ctx.admin.post('/test/payment/prepay', { orderType: 'car', stationId: station.id, amount, phone })).data;
  const r = await fetch(ctx.server.baseUrl + p.cashierPath + '/confirm', { method: 'POST' });
  assert.equal(r.status, 200);
  await r.text();
  await until(async () => (await payOrder(ctx.admin, p.id)).status === 'paid', `paid ${p.payNo}`);
  return { ...p, phone };
}

async function exported(api, path, filters) {
  const job = ok(await api.post(path, filters)).data.jobId;
  const st = await waitExport(api, job);
  assert.equal(st.status, 'done', JSON.stringify(st));
  const file = await getBinary(api, `/export/${job}/download`);
  assert.equal(file.status, 200);
  return { status: st, rows: xlsxRows(file.buf).rows };
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(A.api, ctx.admin, A.id);
  ok(await A.api.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: MCH, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
});

afterEach(() => assertBooksBalance(ctx.admin));

test('payment list: filters, scope, detail with refunds and ledger; export rows = the list, with the gateway callback', async () => {
  const phone = randPhone();
  const p1 = await paid(3000, phone);
  const p2 = await paid(2000, phone);
  const unpaid = ok(await ctx.admin.post('/test/payment/prepay', { orderType: 'car', stationId: station.id, amount: 900, phone })).data;
  const now = Date.now();
  // filters
  let l = await A.api.list('/order/payment/list', { phone });
  assert.equal(l.total, 3);
  assert.deepEqual(l.rows.map((r) => r.payNo), [unpaid.payNo, p2.payNo, p1.payNo], 'newest first');
  assert.equal((await A.api.list('/order/payment/list', { phone, status: 'paid' })).total, 2);
  assert.equal((await A.api.list('/order/payment/list', { phone, status: 'unpaid' })).rows[0].payNo, unpaid.payNo);
  assert.equal((await A.api.list('/order/payment/list', { payNo: p1.payNo })).rows[0].amount, 3000);
  assert.equal((await A.api.list('/order/payment/list', { phone, stationId: station.id, stationType: 'car', orderType: 'car', payType: 'wechat' })).total, 3);
  assert.equal((await A.api.list('/order/payment/list', { phone, orderType: 'bike' })).total, 0);
  assert.equal((await A.api.list('/order/payment/list', { phone, beginTime: now + 60000 })).total, 0);
  assert.equal((await A.api.list('/order/payment/list', { phone, payBeginTime: now - 60000, payEndTime: now + 60000 })).total, 2);
  assert.equal((await A.api.list('/order/payment/list', { phone: phone.slice(0, 7) })).total, 0, 'the phone filter is exact');
  // another property's admin: nothing, and 404 on the detail
  assert.equal((await B.api.list('/order/payment/list', { phone })).total, 0);
  fail(await B.api.get(`/order/payment/${p1.id}`), 404);
  // settle p1 at 1234 fen: captured, the rest returned; the detail shows the refund and the ledger
  const s = ok(await ctx.admin.post('/test/payment/settle', { payOrderId: p1.id, cost: 1234 })).data;
  assert.equal(s.charged, 1234);
  const d = await until(async () => { const x = await payOrder(A.api, p1.id); return x.refundedAmount === 1766 && x; }, 'prepay returned');
  assert.equal(d.capturedAmount, 1234);
  assert.equal(d.heldAmount, 0);
  assert.equal(d.refunds.length, 1);
  assert.equal(d.refunds[0].refundType, 'prepay_return');
  assert.match(d.refunds[0].gatewayRefundNo, /^sbr/);
  assert.deepEqual([...new Set(d.ledger.map((x) => x.kind))].sort(), ['capture', 'payment', 'refund', 'refund_request']);
  assert.equal(d.ledger.reduce((n, x) => n + x.amount, 0), 0, 'double entry');
  // export of the filtered list: the same rows, the callback included; another property's export is empty
  const x = await exported(A.api, '/order/payment/export', { phone });
  assert.equal(x.status.total, 3);
  assert.equal(x.rows[0][0], '支付单号');
  const cb = x.rows[0].indexOf('第三方回调');
  assert.ok(cb > 0);
  assert.deepEqual(x.rows.slice(1).map((r) => r[0]), l.rows.map((r) => r.payNo));
  const r1 = x.rows.slice(1).find((r) => r[0] === p1.payNo);
  assert.match(r1[cb], /payment\.succeeded/);
  assert.equal(r1[x.rows[0].indexOf('状态')], '已支付');
  assert.equal(Number(r1[x.rows[0].indexOf('支付金额(元)')]), 30);
  const none = await exported(B.api, '/order/payment/export', { phone });
  assert.equal(none.rows.length, 1, 'header only');
  fail(await A.api.post('/order/payment/export', { stationId: 'x' }), 400, /stationId/);
  // the reconciliation check is for system administrators
  fail(await A.api.get('/order/payment/reconciliation'), 403);
  l = await A.api.list('/order/payment/list', { phone, orderByColumn: 'amount', isAsc: 'asc' });
  assert.deepEqual(l.rows.map((r) => r.amount), [900, 2000, 3000]);
});

test('refund list: filters, scope, detail with the gateway refund number and result; export rows = the list', async () => {
  const phone = randPhone();
  const p = await paid(5000, phone);
  ok(await ctx.admin.post('/test/payment/settle', { payOrderId: p.id, cost: 4000 }));
  const fee = ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 300, refundType: 'fee_refund', reason: '桩故障补偿' })).data;
  await until(async () => (await A.api.list('/order/refund/list', { payee: phone, status: 'succeeded' })).total === 2, 'both refunds succeeded');
  const l = await A.api.list('/order/refund/list', { payee: phone });
  assert.deepEqual(l.rows.map((r) => r.refundType), ['fee_refund', 'prepay_return'], 'newest first');
  assert.equal((await A.api.list('/order/refund/list', { payNo: p.payNo, refundType: 'fee_refund' })).rows[0].refundNo, fee.refundNo);
  assert.equal((await A.api.list('/order/refund/list', { payOrderId: p.id })).total, 2);
  assert.equal((await A.api.list('/order/refund/list', { refundNo: fee.refundNo, stationId: station.id, stationType: 'car' })).total, 1);
  assert.equal((await A.api.list('/order/refund/list', { payee: phone, refundBeginTime: Date.now() + 60000 })).total, 0);
  assert.equal((await A.api.list('/order/refund/list', { payee: phone, status: 'failed' })).total, 0);
  const d = ok(await A.api.get(`/order/refund/${l.rows[0].id}`)).data;
  assert.equal(d.amount, 300);
  assert.equal(d.reason, '桩故障补偿');
  assert.equal(d.operator, 'admin');
  assert.equal(d.result, 'SUCCESS');
  assert.match(d.gatewayRefundNo, /^sbr/);
  assert.ok(d.refundTime >= d.createTime);
  assert.equal((await B.api.list('/order/refund/list', { payee: phone })).total, 0);
  fail(await B.api.get(`/order/refund/${d.id}`), 404);
  const x = await exported(A.api, '/order/refund/export', { payee: phone });
  assert.equal(x.rows[0][0], '退费单号');
  assert.deepEqual(x.rows.slice(1).map((r) => r[0]), l.rows.map((r) => r.refundNo));
  const h = x.rows[0];
  const feeRow = x.rows.slice(1).find((r) => r[0] === fee.refundNo);
  assert.equal(feeRow[h.indexOf('退费类型')], '费用退款');
  assert.equal(feeRow[h.indexOf('状态')], '退款成功');
  assert.equal(feeRow[h.indexOf('第三方退款单号')], d.gatewayRefundNo);
  assert.equal(Number(feeRow[h.indexOf('退费金额(元)')]), 3);
  assert.equal((await exported(B.api, '/order/refund/export', { payee: phone })).rows.length, 1);
});
