// E-invoices (ORD-INV, APP-5; docs/invoices.md): requests from the admin and the app (single and merged),
// the station's invoice configuration, the sandbox e-invoice service's asynchronous results (callback and
// query, failure and re-issue), void and re-invoice, the refund an invoice blocks, the PDF (pdftotext) and
// the data scope. Completed orders come from the test route (the order flows have their own tests).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, until, randPhone } from './lib/client.mjs';
import { approvedStation, getBinary } from './lib/car.mjs';
import { addBikeStation } from './lib/bike.mjs';
import { AppApi } from './lib/app.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: '1', ZHICHONG_INVOICE_SANDBOX_DELAY_MS: '100', ZHICHONG_INVOICE_POLL_INTERVAL_MS: '200',
    ZHICHONG_INVOICE_QUERY_AFTER_MS: '800',
  },
});

const CONFIG = {
  merchantNo: 'M123456', sellerAddress: '深圳市南山区科技园1号', bankAccount: '6222000011112222', bankName: '招商银行深圳分行',
  drawer: '张三', companyName: '智充科技有限公司', payee: '李四', reviewer: '王五', taxpayerId: '91440300MA5ABCDE1X',
  electricityTaxRate: 1300, electricityTaxCode: '1100101020000000000', serviceTaxRate: 600, serviceTaxCode: '3040201000000000000',
  phone: '0755-12345678',
};
const COMPANY = { titleType: 'company', title: '深圳市某某物流有限公司', taxpayerId: '91440300MA5XYZ1234', email: 'fp@example.com' };

let A;        // provider A's property (signed in) with a car station (complete configuration) and an e-bike station (not)
let B;        // provider B's property and car station
let driver;   // the driver whose orders are invoiced
const st = {};

async function seed(kind, stationId, phone, fees = {}, count = 1) {
  return ok(await ctx.admin.post('/test/invoice/orders', { orderType: kind, stationId, phone, count, energyFee: 2000, serviceFee: 1000, ...fees })).data;
}
const issued = (api, id, status = 'issued') => until(async () => {
  const d = ok(await api.get(`/order/invoice/${id}`)).data;
  return d.status === status && d;
}, `invoice ${id} ${status}`, 8000);

function pdfText(buf) {
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-inv-'));
  const file = path.join(dir, 'i.pdf');
  writeFileSync(file, buf);
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `pdftotext: ${r.stderr}`);
  return r.stdout;
}

test('setup: stations, invoice configuration, a driver', async () => {
  const pa = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, pa.id);
  st.car = await approvedStation(A.api, ctx.admin, A.id);
  ok(await A.api.put('/car/station/invoiceConfig', { stationId: st.car.id, ...CONFIG }), 'invoice config');
  st.bike = await addBikeStation(A.api, A.id);
  ok(await A.api.put('/bike/station/invoiceConfig', { stationId: st.bike.id, ...CONFIG, drawer: '', serviceTaxCode: '' }), 'partial config');
  const pb = await approvedProvider(ctx.admin);
  B = await propertyWithLogin(ctx.admin, pb.id);
  st.carB = await approvedStation(B.api, ctx.admin, B.id);
  driver = await AppApi.signIn(ctx.server.baseUrl, randPhone());
});

test('admin: one order, then several merged; lines, tax split, totals, PDF text; one active invoice per order', async () => {
  const [o1, o2, o3] = await seed('car', st.car.id, driver.phone, {}, 3);
  // o3 was partly refunded: 6.00 of its 30.00 → invoiced for the 24.00 kept (16.00 electricity + 8.00 service)
  const [o4] = await seed('car', st.car.id, driver.phone, { refunded: 600 });
  fail(await A.api.post('/order/car/invoice', { orderIds: [o1.id], ...COMPANY, taxpayerId: '' }), 400, /taxpayerId/);
  fail(await A.api.post('/order/car/invoice', { orderIds: [o1.id], ...COMPANY, email: '' }), 400, /email/);
  const one = ok(await A.api.post('/order/car/invoice', { orderIds: [o1.id], ...COMPANY })).data.id;
  fail(await A.api.post('/order/car/invoice', { orderIds: [o1.id], ...COMPANY }), 409, /已开票/);
  let d = await issued(A.api, one);
  assert.equal(d.amount, 3000);
  // 20.00 at 13 %: 2.3009 → 2.30; 10.00 at 6 %: 0.5660 → 0.57
  assert.deepEqual(d.lines.map((l) => [l.code, l.rateBp, l.amount, l.tax, l.excluded]),
    [[CONFIG.electricityTaxCode, 1300, 2000, 230, 1770], [CONFIG.serviceTaxCode, 600, 1000, 57, 943]]);
  assert.equal(d.tax, 287);
  assert.equal(d.source, 'admin');
  assert.equal(d.seller.name, CONFIG.companyName);
  assert.match(d.invoiceNumber, /^\d{20}$/);
  assert.match(d.invoiceCode, /^\d{12}$/);
  assert.ok(d.serialNo && d.hasPdf && d.pdfSize > 1000 && d.pdfSize <= 100 * 1024, `pdf ${d.pdfSize} bytes`);
  const pdf = await getBinary(A.api, `/order/invoice/${one}/pdf`);
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(pdf.buf.subarray(0, 5).toString(), '%PDF-');
  const text = pdfText(pdf.buf);
  for (const s of [COMPANY.title, COMPANY.taxpayerId, CONFIG.companyName, d.invoiceNumber, '叁拾元整', '¥30.00', '¥27.13', '¥2.87', '电子发票', o1.orderNo, '张三'])
    assert.ok(text.includes(s), `PDF text lacks ${s}:\n${text}`);

  const merged = ok(await A.api.post('/order/car/invoice', { orderIds: [o2.id, o3.id, o4.id], ...COMPANY, titleType: 'person', title: '王小明', taxpayerId: '' })).data.id;
  d = await issued(A.api, merged);
  assert.equal(d.amount, 3000 + 3000 + 2400);
  assert.deepEqual(d.lines.map((l) => [l.amount, l.tax]), [[5600, 644], [2800, 158]]);  // 56.00 → 6.4425…; 28.00 → 1.5849…
  assert.equal(d.tax, 802);
  assert.deepEqual(d.orders.map((o) => [o.orderNo, o.amount]), [[o2.orderNo, 3000], [o3.orderNo, 3000], [o4.orderNo, 2400]]);
  assert.match(pdfText((await getBinary(A.api, `/order/invoice/${merged}/pdf`)).buf), /捌拾肆元整/);

  // the list's filters
  assert.deepEqual((await A.api.list('/order/invoice/list', { orderNo: o3.orderNo })).rows.map((r) => r.id), [merged]);
  assert.equal((await A.api.list('/order/invoice/list', { invoiceNumber: d.invoiceNumber })).total, 1);
  assert.equal((await A.api.list('/order/invoice/list', { status: 'issued', stationType: 'car', stationId: st.car.id })).total, 2);
  assert.equal((await A.api.list('/order/invoice/list', { title: '小明', titleType: 'person' })).total, 1);
  assert.equal((await A.api.list('/order/invoice/list', { taxpayerId: COMPANY.taxpayerId, applicant: A.userName })).total, 1);
  // other stations' or other drivers' orders are never merged
  const [other] = await seed('car', st.car.id, (await AppApi.signIn(ctx.server.baseUrl, randPhone())).phone);
  const [o5] = await seed('car', st.car.id, driver.phone);
  fail(await A.api.post('/order/car/invoice', { orderIds: [o5.id, other.id], ...COMPANY }), 409, /同一电站、同一用户/);
  const [free] = await seed('car', st.car.id, driver.phone, { energyFee: 0, serviceFee: 0 });
  fail(await A.api.post('/order/car/invoice', { orderIds: [free.id], ...COMPANY }), 409, /费用为0/);
  await assertBooksBalance(ctx.admin);
});

test('app: request, incomplete configuration, failure → re-issue, query without callback, void → re-invoice, refund blocked', async () => {
  const [b1] = await seed('bike', st.bike.id, driver.phone);
  fail(await driver.post('/app/invoices', { orderType: 'bike', orderNos: [b1.orderNo], ...COMPANY }), 409, /发票配置不完整.*开票人.*服务费费率编码/);
  const [c1, c2] = await seed('car', st.car.id, driver.phone, {}, 2);
  const stranger = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  fail(await stranger.post('/app/invoices', { orderType: 'car', orderNos: [c1.orderNo], ...COMPANY }), 404);

  // the service fails every request: 开票失败 with its reason, then re-issued
  ok(await ctx.admin.put('/test/invoice/sandbox', { failurePermille: 1000 }));
  const id = ok(await driver.post('/app/invoices', { orderType: 'car', orderNos: [c1.orderNo], titleType: 'person', title: '王小明', email: 'w@example.com' })).data.id;
  let d = await issued(A.api, id, 'failed');
  assert.ok(d.failReason.length > 0);
  assert.equal(d.source, 'app');
  assert.equal(d.applicant, driver.phone);
  fail(await A.api.get(`/order/invoice/${id}/pdf`), 404, /尚未开具/);
  ok(await ctx.admin.put('/test/invoice/sandbox', { failurePermille: 0 }));
  ok(await A.api.post(`/order/invoice/${id}/reissue`));
  d = await issued(A.api, id);
  assert.equal(d.attempts, 1);
  fail(await A.api.post(`/order/invoice/${id}/reissue`), 409, /开票失败/);
  const mine = (await driver.list('/app/invoices')).rows.find((v) => v.id === id);
  assert.equal(mine.status, 'issued');
  assert.equal(mine.hasPdf, true);
  const pdf = await getBinary(driver, `/app/invoices/${id}/pdf`);
  assert.equal(pdf.status, 200);
  assert.match(pdfText(pdf.buf), /王小明/);
  assert.equal((await getBinary(stranger, `/app/invoices/${id}/pdf`)).status, 404);

  // no callback: the poller's query finds the result
  ok(await ctx.admin.put('/test/invoice/sandbox', { callback: 0 }));
  const q = ok(await driver.post('/app/invoices', { orderType: 'car', orderNos: [c2.orderNo], titleType: 'person', title: '王小明', email: 'w@example.com' })).data.id;
  await issued(A.api, q);
  ok(await ctx.admin.put('/test/invoice/sandbox', { callback: 1 }));

  // an invoiced order is not refunded; voiding frees it (and its order can be invoiced again)
  fail(await A.api.post(`/order/car/${c1.id}/refund`, { reason: '补偿' }), 409, /已开票.*作废/);
  ok(await A.api.post(`/order/invoice/${id}/void`, { reason: '抬头有误' }));
  d = ok(await A.api.get(`/order/invoice/${id}`)).data;
  assert.equal(d.status, 'voided');
  assert.match(d.redNumber, /^R/);
  assert.equal(d.orders[0].active, false);
  fail(await A.api.post(`/order/invoice/${id}/void`, { reason: 'x' }), 409);
  const after = await A.api.post(`/order/car/${c1.id}/refund`, { reason: '补偿' });
  assert.doesNotMatch(after.text, /已开票/);
  const again = ok(await driver.post('/app/invoices', { orderType: 'car', orderNos: [c1.orderNo], ...COMPANY })).data.id;
  await issued(A.api, again);
  assert.deepEqual((await driver.list('/app/invoices')).rows.filter((v) => v.orders[0].orderNo === c1.orderNo).map((v) => v.status).sort(), ['issued', 'voided']);
  await assertBooksBalance(ctx.admin);
});

test('scope: another provider sees none of it', async () => {
  const [o] = await seed('car', st.car.id, driver.phone);
  const id = ok(await A.api.post('/order/car/invoice', { orderIds: [o.id], ...COMPANY })).data.id;
  await issued(A.api, id);
  fail(await B.api.get(`/order/invoice/${id}`), 404);
  assert.equal((await getBinary(B.api, `/order/invoice/${id}/pdf`)).status, 404);
  fail(await B.api.post(`/order/invoice/${id}/void`, { reason: 'x' }), 404);
  fail(await B.api.post(`/order/invoice/${id}/reissue`), 404);
  assert.equal((await B.api.list('/order/invoice/list')).total, 0);
  const [ob] = await seed('car', st.carB.id, driver.phone);
  fail(await B.api.post('/order/car/invoice', { orderIds: [ob.id], ...COMPANY }), 409, /未配置发票信息/);
  fail(await B.api.post('/order/car/invoice', { orderIds: [o.id], ...COMPANY }), 404);
  assert.ok((await A.api.list('/order/invoice/list')).total >= 3);
});
