// Payments through the built-in sandbox gateway (issue 7, docs/payment.md): a prepay order for a station
// with a payment configuration, paid on the sandbox cashier page over real HTTP, the signed notification
// applied once; duplicate, forged and wrong-amount notifications; refunds (partial, over the maximum,
// concurrent); settlement; the books reconciled after every scenario (paid = charged + refunded + held).
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, randPhone } from './lib/client.mjs';
import { approvedStation } from './lib/car.mjs';
import { addBikeStation } from './lib/bike.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const SECRET = 'it-sandbox-secret';
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: '1',
    ZHICHONG_PAYMENT_SANDBOX_SECRET: SECRET,
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '150',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
  },
});
let P; let A; let station; let bare; const MCH = `19000${Date.now() % 100000}`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const hmac = (key, data) => createHmac('sha256', key).update(data).digest('hex');
const merchantKey = (mch) => hmac(SECRET, `merchant:${mch}`);

async function waitFor(what, fn, ms = 8000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function payOrder(id) { return ok(await ctx.admin.get(`/order/payment/${id}`)).data; }

async function prepay(amount, fields = {}) {
  return ok(await ctx.admin.post('/test/payment/prepay',
    { orderType: 'car', stationId: station.id, amount, phone: randPhone(), ...fields })).data;
}

async function cashier(path, action) {
  const r = await fetch(ctx.server.baseUrl + path + (action ? `/${action}` : ''), { method: action ? 'POST' : 'GET' });
  return { status: r.status, html: await r.text() };
}

/** Pays on the cashier page and waits until the platform applied the notification. */
async function paid(amount, fields) {
  const p = await prepay(amount, fields);
  const page = await cashier(p.cashierPath);
  assert.equal(page.status, 200);
  assert.match(page.html, new RegExp(`¥${(amount / 100).toFixed(2).replace('.', '\\.')}`));
  assert.match(page.html, new RegExp(p.payNo));
  const done = await cashier(p.cashierPath, 'confirm');
  assert.equal(done.status, 200);
  assert.match(done.html, /data-result="paid"/);
  await waitFor('paid', async () => (await payOrder(p.id)).status === 'paid');
  return p;
}

async function notify(body, { key = merchantKey(MCH), sig } = {}) {
  const raw = JSON.stringify(body);
  const r = await fetch(ctx.server.baseUrl + '/pay/notify/sandbox', {
    method: 'POST', headers: { 'Content-Type': 'application/json', 'Zc-Signature': sig ?? hmac(key, raw) }, body: raw,
  });
  return { status: r.status, body: await r.json() };
}

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(A.api, ctx.admin, A.id);
  ok(await A.api.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: MCH, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
  bare = await approvedStation(A.api, ctx.admin, A.id);
});

afterEach(() => assertBooksBalance(ctx.admin));

test('a station without a payment configuration cannot take app payments', async () => {
  fail(await ctx.admin.post('/test/payment/prepay', { stationId: bare.id, amount: 1000 }), 409, /未配置支付/);
  fail(await ctx.admin.post('/test/payment/prepay', { stationId: station.id, amount: 0 }), 400, /amount/);
  fail(await ctx.admin.post('/test/payment/prepay', { stationId: 999999, amount: 100 }), 404, /stationId/);
  const b = await addBikeStation(A.api, A.id);
  fail(await ctx.admin.post('/test/payment/prepay', { orderType: 'bike', stationId: b.id, amount: 100 }), [404, 409]);
});

test('pay on the sandbox cashier page: the signed notification arrives over HTTP and is applied once', async () => {
  const p = await prepay(5000);
  assert.equal(p.payType, 'wechat');
  assert.equal(p.merchantNo, MCH);
  let row = await payOrder(p.id);
  assert.equal(row.status, 'unpaid');
  assert.equal(row.stationName, station.name);
  const page = await cashier(p.cashierPath);
  assert.match(page.html, /¥50\.00/);
  assert.match(page.html, /id="confirm"/);
  assert.match((await cashier(p.cashierPath, 'confirm')).html, /data-result="paid"/);
  row = await waitFor('paid', async () => { const r = await payOrder(p.id); return r.status === 'paid' && r; });
  assert.equal(row.paidAmount, 5000);
  assert.equal(row.heldAmount, 5000);
  assert.match(row.gatewayTxnNo, /^4200/);
  assert.match(row.notifyBody, /payment\.succeeded/);
  assert.deepEqual(row.ledger.map((l) => [l.kind, l.account, l.amount]),
    [['payment', 'payer', -5000], ['payment', 'held', 5000]]);
  // The page now says it is done; paying again is refused by the gateway.
  assert.match((await cashier(p.cashierPath)).html, /data-status="paid"/);
  assert.equal((await cashier(p.cashierPath, 'confirm')).status, 409);
  // Replaying the very notification (same body, valid signature) is acknowledged, not applied again.
  const body = JSON.parse(row.notifyBody);
  const again = await notify(body);
  assert.equal(again.status, 200);
  assert.equal(again.body.code, 'SUCCESS');
  assert.equal((await payOrder(p.id)).ledger.length, 2);
  // The list finds it by station, status and phone.
  const list = await ctx.admin.list('/order/payment/list', { stationId: station.id, status: 'paid', payNo: p.payNo });
  assert.equal(list.total, 1);
  assert.equal(list.rows[0].amount, 5000);
  // The property sees its own payments; another property does not.
  assert.equal((await A.api.list('/order/payment/list', { payNo: p.payNo })).total, 1);
  const B = await propertyWithLogin(ctx.admin, P.id);
  assert.equal((await B.api.list('/order/payment/list', { payNo: p.payNo })).total, 0);
  fail(await B.api.get(`/order/payment/${p.id}`), 404);
});

test('declined at the cashier: the order fails, nothing is posted', async () => {
  const p = await prepay(800);
  assert.match((await cashier(p.cashierPath, 'decline')).html, /data-result="declined"/);
  const row = await waitFor('failed', async () => { const r = await payOrder(p.id); return r.status === 'failed' && r; });
  assert.equal(row.paidAmount, 0);
  assert.equal(row.ledger.length, 0);
  assert.equal((await cashier('/sandbox/pay/nope')).status, 404);
});

test('forged, unknown-order and wrong-amount notifications are rejected and change nothing', async () => {
  const p = await prepay(1200);
  const body = { id: 'Nforged', event: 'payment.succeeded', merchantNo: MCH, outTradeNo: p.payNo,
    transactionId: '4200forged', amount: 1200, time: Date.now() };
  let r = await notify(body, { key: 'not-the-merchant-key' });
  assert.equal(r.status, 401);
  assert.equal(r.body.code, 'FAIL');
  assert.match(r.body.message, /signature/);
  r = await notify(body, { sig: '' });
  assert.equal(r.status, 401);
  r = await notify({ ...body, amount: 1 });
  assert.equal(r.status, 400);
  assert.match(r.body.message, /amount/);
  r = await notify({ ...body, outTradeNo: 'P0000000' });
  assert.equal(r.status, 404);
  r = await notify({ ...body, merchantNo: 'other-mch' }, { key: merchantKey('other-mch') });
  assert.equal(r.status, 400);
  const row = await payOrder(p.id);
  assert.equal(row.status, 'unpaid');
  assert.equal(row.ledger.length, 0);
  assert.match(ctx.server.stderr() + ctx.server.stdout(), /payment notification .*rejected/);
});

test('partial refund, then over-refund refused; the refund completes by its own notification', async () => {
  const p = await paid(3000);
  let r = ok(await ctx.admin.post('/test/payment/refund',
    { payOrderId: p.id, amount: 1000, refundType: 'prepay_return', reason: '部分退款' })).data;
  assert.equal(r.status, 'pending');
  let row = await payOrder(p.id);
  assert.equal(row.refundPending, 1000);
  fail(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 2001, refundType: 'prepay_return' }),
    409, /最多可退2000分/);
  fail(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 0, refundType: 'prepay_return' }),
    400, /amount/);
  row = await waitFor('refunded', async () => { const x = await payOrder(p.id); return x.refundedAmount === 1000 && x; });
  assert.equal(row.refundPending, 0);
  assert.equal(row.heldAmount, 2000);
  assert.equal(row.refunds[0].status, 'succeeded');
  assert.match(row.refunds[0].gatewayRefundNo, /^sbr/);
  const refunds = await ctx.admin.list('/order/refund/list', { payNo: p.payNo });
  assert.equal(refunds.total, 1);
  assert.equal(refunds.rows[0].status, 'succeeded');
  const detail = ok(await ctx.admin.get(`/order/refund/${refunds.rows[0].id}`)).data;
  assert.equal(detail.refundNo, r.refundNo);
  assert.equal(detail.amount, 1000);
  // A duplicate refund notification is acknowledged and applied once.
  const again = await notify({ id: 'Ndup', event: 'refund.succeeded', merchantNo: MCH, outTradeNo: p.payNo,
    outRefundNo: r.refundNo, refundId: row.refunds[0].gatewayRefundNo, amount: 1000, time: Date.now() });
  assert.equal(again.status, 200);
  assert.equal((await payOrder(p.id)).refundedAmount, 1000);
  // Exactly the rest may still be refunded.
  r = ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 2000, refundType: 'prepay_return' })).data;
  assert.equal(r.status, 'pending');
  fail(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 1, refundType: 'prepay_return' }), 409);
  await waitFor('all refunded', async () => (await payOrder(p.id)).refundedAmount === 3000);
});

test('concurrent refunds never exceed the maximum', async () => {
  const p = await paid(1000);
  const results = await Promise.all(Array.from({ length: 12 }, () =>
    ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 300, refundType: 'prepay_return' })));
  const accepted = results.filter((r) => r.status === 200 && r.body.code === 200);
  const refused = results.filter((r) => r.status === 409);
  assert.equal(accepted.length, 3, 'only 3 × 300 fit into 1000');
  assert.equal(refused.length, 9);
  const row = await waitFor('refunds done', async () => { const x = await payOrder(p.id); return x.refundedAmount === 900 && x; });
  assert.equal(row.heldAmount, 100);
  assert.equal(row.refunds.length, 3);
});

test('settlement: cost captured, the unused prepayment returned; capped at the prepayment', async () => {
  const p = await paid(5000);
  const s = ok(await ctx.admin.post('/test/payment/settle', { payOrderId: p.id, cost: 1234 })).data;
  assert.deepEqual([s.charged, s.refund, s.capped], [1234, 3766, false]);
  let row = await waitFor('returned', async () => { const x = await payOrder(p.id); return x.refundedAmount === 3766 && x; });
  assert.equal(row.capturedAmount, 1234);
  assert.equal(row.heldAmount, 0);
  // A fee refund (退费) comes out of the charged amount; at most what was charged.
  fail(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 1235, refundType: 'fee_refund' }), 409);
  ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 234, refundType: 'fee_refund' }));
  row = await waitFor('fee refunded', async () => { const x = await payOrder(p.id); return x.refundedAmount === 4000 && x; });
  assert.equal(row.capturedAmount, 1000);

  const q = await paid(2000);
  const c = ok(await ctx.admin.post('/test/payment/settle', { payOrderId: q.id, cost: 2500 })).data;
  assert.deepEqual([c.charged, c.refund, c.capped], [2000, 0, true]);
  assert.equal((await payOrder(q.id)).capturedAmount, 2000);
});

test('a settlement whose refund never reached the gateway (the process stopped after the commit) is sent later, once', async () => {
  const p = await paid(3000);
  // what a stop right after the settlement's commit leaves: captured, the refund reserved, nothing sent
  const s = ok(await ctx.admin.post('/test/payment/settleUnsent', { payOrderId: p.id, cost: 1000 })).data;
  assert.deepEqual([s.charged, s.refund], [1000, 2000]);
  await sleep(400);  // longer than the sandbox's refund delay: nothing was sent, nothing comes back
  let row = await payOrder(p.id);
  assert.deepEqual([row.capturedAmount, row.heldAmount, row.refundPending, row.refundedAmount], [1000, 0, 2000, 0]);
  let refund = row.refunds.find((r) => r.refundNo === s.refundNo);
  assert.deepEqual([refund.status, refund.gatewayRefundNo], ['pending', '']);
  await assertBooksBalance(ctx.admin);  // pending refunds are part of the books
  // the periodic resend leaves a refund younger than its grace alone …
  assert.equal(ok(await ctx.admin.post('/test/payment/sendUnsentRefunds', { beforeMs: Date.now() - 60_000 })).data.sent, 0);
  // … and sends an older one; the gateway's notification completes it
  assert.equal(ok(await ctx.admin.post('/test/payment/sendUnsentRefunds', { beforeMs: Date.now() + 1000 })).data.sent, 1);
  refund = await waitFor('refund succeeded', async () =>
    (await payOrder(p.id)).refunds.find((r) => r.refundNo === s.refundNo && r.status === 'succeeded'));
  assert.notEqual(refund.gatewayRefundNo, '');
  assert.equal(ok(await ctx.admin.post('/test/payment/sendUnsentRefunds', { beforeMs: Date.now() + 1000 })).data.sent, 0, 'sent once');
  row = await payOrder(p.id);
  assert.deepEqual([row.capturedAmount, row.heldAmount, row.refundPending, row.refundedAmount], [1000, 0, 0, 2000]);
  // a pay order that holds nothing settles to nothing (no error that would undo the caller's change)
  assert.deepEqual(ok(await ctx.admin.post('/test/payment/settleUnsent', { payOrderId: p.id, cost: 500 })).data, { charged: 0, refund: 0 });
});

test('admin lists need their permissions; filters validated', async () => {
  fail(await ctx.anon.get('/order/payment/list'), 401);
  fail(await ctx.admin.get('/order/payment/list', { pageSize: 9999 }), 400, /pageSize/);
  const all = await ctx.admin.list('/order/payment/list', { stationId: station.id });
  assert.ok(all.total >= 5);
  const t0 = Date.now() - 3600_000;
  assert.equal((await ctx.admin.list('/order/payment/list', { stationId: station.id, beginTime: t0 })).total, all.total);
  assert.equal((await ctx.admin.list('/order/payment/list', { stationId: station.id, endTime: t0 })).total, 0);
  fail(await A.api.get('/order/payment/reconciliation'), 403);
});

test('an unpaid pay order is closed after its payment window, at the gateway too: its cashier no longer takes the payment', async () => {
  const p = await prepay(700);
  const paidOne = await paid(800);
  // before the window ends: nothing of these is closed
  ok(await ctx.admin.post('/test/payment/closeExpired', { atMs: p.expireTime - 1000 }));
  assert.equal((await payOrder(p.id)).status, 'unpaid');
  // the periodic close, run as if the window had ended
  const r = ok(await ctx.admin.post('/test/payment/closeExpired', { atMs: p.expireTime + 1 })).data;
  assert.ok(r.closed >= 1, JSON.stringify(r));
  const closed = await payOrder(p.id);
  assert.equal(closed.status, 'closed');
  assert.equal((await payOrder(paidOne.id)).status, 'paid', 'a paid order is never closed');
  assert.match((await cashier(p.cashierPath)).html, /data-status="closed"/);
  assert.notEqual((await cashier(p.cashierPath, 'confirm')).status, 200, 'the gateway refuses to take a closed trade');
  await sleep(300);
  assert.equal((await payOrder(p.id)).status, 'closed');
  fail(await ctx.admin.post('/test/payment/closeExpired', {}), 400, /atMs/);
});
