// Profit sharing (分账, issue 18; docs/splits.md) through the sandbox gateway: the station's receivers and
// ratios (validated), the automatic split of a settled gateway payment (floor per receiver, the rest stays
// with the main merchant), failure → automatic retries with back-off → failed → manual re-split, revoke
// (asynchronous return), a refund after a split (the split returned proportionally first, or the refund
// refused), the data scope; the books balance after every scenario.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, randPhone, until } from './lib/client.mjs';
import { approvedStation } from './lib/car.mjs';
import { assertBooksBalance } from './lib/order-car-helpers.mjs';

const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: '1',
    ZHICHONG_PAYMENT_SANDBOX_REFUND_DELAY_MS: '100',
    ZHICHONG_PAYMENT_NOTIFY_RETRY_BASE_MS: '100',
    ZHICHONG_PAYMENT_SANDBOX_SPLIT_DELAY_MS: '150',
    ZHICHONG_PAYMENT_SPLIT_POLL_MS: '100',
    ZHICHONG_PAYMENT_SPLIT_RETRY_BASE_MS: '200',
    ZHICHONG_PAYMENT_SPLIT_MAX_ATTEMPTS: '3',
  },
});
let A; let station; let personal;
const MCH = `88${Date.now() % 100000000}`;
const accounts = [
  { type: 'merchant', account: `M${MCH}A`, name: '业主甲', ratio: 3000 },
  { type: 'merchant', account: `M${MCH}B`, name: '合伙人乙', ratio: 1550 },
];

const payConfig = (s, split, merchantNo = MCH) => ({
  stationId: s.id, leshua: { enabled: true, merchantNo, profitSharing: true, splitAccounts: split },
});
const payOrder = async (id) => ok(await ctx.admin.get(`/order/payment/${id}`)).data;
const splitOf = async (payNo) => (await ctx.admin.list('/stat/split/list', { orderType: 'car' })).rows.find((r) => r.payNo === payNo);
const detail = async (id) => ok(await ctx.admin.get(`/stat/split/${id}`)).data;
const setFailure = async (percent) => ok(await ctx.admin.post('/test/payment/sandboxSplitFailure', { percent }));

/** A car payment at `s` paid on the sandbox cashier and settled with `cost`; returns the pay order. */
async function settled(s, cost, amount = 5000) {
  const p = ok(await ctx.admin.post('/test/payment/prepay', { orderType: 'car', stationId: s.id, amount, phone: randPhone() })).data;
  assert.equal((await fetch(ctx.server.baseUrl + p.cashierPath + '/confirm', { method: 'POST' })).status, 200);
  await until(async () => (await payOrder(p.id)).status === 'paid', 'paid');
  ok(await ctx.admin.post('/test/payment/settle', { payOrderId: p.id, cost }));
  await until(async () => (await payOrder(p.id)).refundPending === 0, 'prepayment returned');
  return p;
}

const splitIn = (payNo, status) => until(async () => {
  const s = await splitOf(payNo);
  return s && s.status === status && s;
}, `split of ${payNo} ${status}`, 10000);

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(A.api, ctx.admin, A.id);
  personal = await approvedStation(A.api, ctx.admin, A.id);
});

afterEach(() => assertBooksBalance(ctx.admin));

test('the receivers and ratios are validated by the server, naming the field', async () => {
  fail(await A.api.put('/car/station/payConfig', payConfig(station, [{ ...accounts[0], ratio: 6000 }, { ...accounts[1], ratio: 4001 }])),
    400, /splitAccounts: 分账比例合计不能超过100%/);
  const en = await A.api.put('/car/station/payConfig', payConfig(station, [{ ...accounts[0], ratio: 6000 }, { ...accounts[1], ratio: 4001 }]),
    { headers: { 'Accept-Language': 'en' } });
  assert.equal(en.status, 400);
  assert.match(en.body.msg, /splitAccounts: split ratios must total at most 100%/);
  fail(await A.api.put('/car/station/payConfig', payConfig(station, [{ ...accounts[0], type: 'bank' }])), 400, /splitAccounts\[0\]\.type/);
  fail(await A.api.put('/car/station/payConfig', payConfig(station, [accounts[0], { ...accounts[1], account: accounts[0].account }])),
    400, /splitAccounts\[1\]\.account: 分账账号重复/);
  fail(await A.api.put('/car/station/payConfig', payConfig(station, [{ ...accounts[0], ratio: 0 }])), 400, /splitAccounts\[0\]\.ratio/);
  ok(await A.api.put('/car/station/payConfig', payConfig(station, accounts)));
  const saved = ok(await A.api.get(`/car/station/${station.id}/payConfig`)).data;
  assert.deepEqual(saved.leshua.splitAccounts, accounts);
  ok(await A.api.put('/car/station/payConfig', payConfig(personal, [{ type: 'personal', account: 'oPersonal01', name: '个人丙', ratio: 2000 }], `${MCH}9`)));
});

test('a settled gateway payment is split automatically: floor per receiver, the rest stays with the merchant', async () => {
  const p = await settled(station, 1234);
  const s = await splitIn(p.payNo, 'succeeded');
  assert.equal(s.fee, 1234);
  assert.equal(s.amount, 561); // 370.2 → 370 and 191.27 → 191
  assert.equal(s.merchantAmount, 673);
  assert.equal(s.merchantNo, MCH);
  assert.equal(s.operator, 'system');
  const d = await detail(s.id);
  assert.deepEqual(d.receivers.map((r) => [r.type, r.account, r.ratio, r.amount]),
    accounts.map((a, i) => [a.type, a.account, a.ratio, [370, 191][i]]));
  const ledger = (await payOrder(p.id)).ledger.filter((l) => l.kind.startsWith('split')).map((l) => [l.kind, l.account, l.amount]);
  assert.deepEqual(ledger, [['split_request', 'revenue', -561], ['split_request', 'split_pending', 561],
    ['split', 'split_pending', -561], ['split', `split:${accounts[0].account}`, 370], ['split', `split:${accounts[1].account}`, 191]]);
  // the filters of the page
  for (const q of [{ splitNo: s.splitNo }, { receiver: accounts[1].account }, { receiver: '合伙人' }, { merchantNo: MCH, status: 'succeeded' },
    { stationType: 'car', stationId: station.id }, { operator: 'sys' }]) {
    assert.ok((await ctx.admin.list('/stat/split/list', q)).rows.some((r) => r.id === s.id), JSON.stringify(q));
  }
  assert.equal((await ctx.admin.list('/stat/split/list', { splitNo: s.splitNo, status: 'failed' })).total, 0);
  assert.equal((await ctx.admin.list('/stat/split/list', { splitNo: s.splitNo, orderType: 'bike' })).total, 0);
  // nothing to split below a fen: no split order
  const tiny = await settled(station, 2);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await splitOf(tiny.payNo), undefined);

  // revoke: every receiver's share comes back (asynchronously); a second revoke is refused
  assert.equal(ok(await A.api.post(`/stat/split/${s.id}/revoke`)).data.returns, 2);
  const back = await splitIn(p.payNo, 'returned');
  assert.equal(back.returned, 561);
  const after = await payOrder(p.id);
  const kinds = after.ledger.map((l) => l.kind);
  assert.ok(kinds.includes('split_return_request') && kinds.includes('split_return'));
  assert.equal((await detail(s.id)).returns.filter((r) => r.status === 'succeeded' && r.reason === 'revoke').length, 2);
  fail(await A.api.post(`/stat/split/${s.id}/revoke`), 409, /只有分账成功的记录可以撤销/);
  // the main merchant has the whole fee again: a full fee refund needs no return
  ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 1234 }));
  await until(async () => (await payOrder(p.id)).refundPending === 0, 'refund done');
});

test('a failing split is retried with back-off, then waits for a manual re-split (分账)', async () => {
  await setFailure(100);
  try {
    const p = await settled(station, 1000);
    const s = await splitIn(p.payNo, 'failed');
    assert.equal(s.attempts, 3);
    assert.match(s.result, /RECEIVER_INVALID/);
    fail(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 100 }), 409, /分账失败，请先重新分账再退费/);
    fail(await A.api.post(`/stat/split/${s.id}/revoke`), 409, /只有分账成功/);
    await setFailure(0);
    ok(await A.api.post(`/stat/split/${s.id}/resplit`));
    const done = await splitIn(p.payNo, 'succeeded');
    assert.equal(done.amount, 300 + 155);
    assert.match(done.operator, /^[^s]/); // the operator who re-split, not "system"
    fail(await A.api.post(`/stat/split/${s.id}/resplit`), 409, /只有分账失败的记录可以重新分账/);
    fail(await A.api.post('/order/car/99999999/split'), 404);
  } finally {
    await setFailure(0);
  }
});

test('a refund of a split order returns the split proportionally first, or is refused', async () => {
  const p = await settled(station, 1234);
  const s = await splitIn(p.payNo, 'succeeded');
  // 5.00 of 12.34: the receivers give back ceil(561 × 500 / 1234) = 228 → 151 and 77
  const r = ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 500 })).data;
  assert.equal(r.status, 'pending');
  let d = await detail(s.id);
  assert.deepEqual(d.returns.map((x) => [x.account, x.amount, x.reason, x.status]),
    [[accounts[0].account, 151, 'refund', 'succeeded'], [accounts[1].account, 77, 'refund', 'succeeded']]);
  assert.equal(d.status, 'succeeded');
  assert.equal(d.returned, 228);
  await until(async () => (await payOrder(p.id)).refundPending === 0, 'refund done');
  await assertBooksBalance(ctx.admin);
  // the rest of the fee: everything comes back, the split is returned
  ok(await ctx.admin.post('/test/payment/refund', { payOrderId: p.id, amount: 734 }));
  d = await detail(s.id);
  assert.equal(d.status, 'returned');
  assert.deepEqual(d.receivers.map((x) => x.returned), [370, 191]);
  await until(async () => (await payOrder(p.id)).refundPending === 0, 'refund done');

  // a return the gateway refuses (money never comes back from a personal receiver): the refund is refused
  const q = await settled(personal, 1000);
  await splitIn(q.payNo, 'succeeded');
  fail(await ctx.admin.post('/test/payment/refund', { payOrderId: q.id, amount: 1000 }), 409, /分账回退失败，不能退费：NOT_SUPPORTED/);
  assert.equal((await payOrder(q.id)).capturedAmount, 1000); // no fee refunded
  // a return that fails later at the gateway: refused as well, the split stays with the receivers
  await setFailure(100);
  try {
    const u = await settled(station, 1000);
    await setFailure(0);
    await splitIn(u.payNo, 'succeeded');
    await setFailure(100);
    fail(await ctx.admin.post('/test/payment/refund', { payOrderId: u.id, amount: 400 }), 409, /分账回退失败，不能退费：BALANCE_NOT_ENOUGH/);
    // every failed return gives its reservation back (a second one may still be on its way)
    await until(async () => (await splitOf(u.payNo)).returned === 0, 'the failed returns given back');
    assert.equal((await splitOf(u.payNo)).status, 'succeeded');
  } finally {
    await setFailure(0);
  }
});

test('the data scope: a split of another owner is not found', async () => {
  const p = await settled(station, 800);
  const s = await splitIn(p.payNo, 'succeeded');
  const P2 = await approvedProvider(ctx.admin);
  const B = await propertyWithLogin(ctx.admin, P2.id);
  fail(await B.api.get(`/stat/split/${s.id}`), 404);
  fail(await B.api.post(`/stat/split/${s.id}/revoke`), 404);
  fail(await B.api.post(`/stat/split/${s.id}/resplit`), 404);
  assert.equal((await B.api.list('/stat/split/list', { splitNo: s.splitNo })).total, 0);
  assert.equal((await A.api.list('/stat/split/list', { splitNo: s.splitNo })).total, 1);
});
