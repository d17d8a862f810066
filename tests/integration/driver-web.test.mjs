// The driver H5 app's server side (docs/driver-web.md): http.driver_web_root served under /h5/ from memory
// with its own history fallback (a navigation gets the H5's index.html, a missing asset a 404 — never the
// admin's index), the printed QR code paths (/app/gun|pile|socket|device/{code}) landing in the H5 when a
// browser opens them, the API untouched; and the sandbox cashier's optional returnUrl: only same-origin
// /h5/… paths are accepted (rendered as a "返回商户" link, carried through confirm/decline, the paid page
// goes back by itself), anything else is dropped — never an open redirect.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, randPhone } from './lib/client.mjs';
import { approvedStation } from './lib/car.mjs';

// Two tiny built web apps: the admin's and the driver's.
const webs = mkdtempSync(path.join(tmpdir(), 'zc-h5-web-'));
const ADMIN_INDEX = '<!doctype html><title>admin</title><div id="admin"></div>';
const H5_INDEX = '<!doctype html><title>h5</title><div id="h5"></div>';
mkdirSync(path.join(webs, 'admin/assets'), { recursive: true });
mkdirSync(path.join(webs, 'driver/assets'), { recursive: true });
writeFileSync(path.join(webs, 'admin/index.html'), ADMIN_INDEX);
writeFileSync(path.join(webs, 'driver/index.html'), H5_INDEX);
writeFileSync(path.join(webs, 'driver/assets/app-1234.js'), 'console.log("h5")');
writeFileSync(path.join(webs, 'driver/favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');

const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: '1',
    ZHICHONG_HTTP_WEB_ROOT: path.join(webs, 'admin'),
    ZHICHONG_HTTP_DRIVER_WEB_ROOT: path.join(webs, 'driver'),
  },
});
let station;

const nav = (p, init = {}) => fetch(ctx.server.baseUrl + p, { redirect: 'manual', ...init, headers: { Accept: 'text/html,application/xhtml+xml', ...(init.headers || {}) } });
const get = (p, headers = {}) => fetch(ctx.server.baseUrl + p, { redirect: 'manual', headers });

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(A.api, ctx.admin, A.id);
  ok(await A.api.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: `19007${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
  }));
});
after(() => rmSync(webs, { recursive: true, force: true }));

test('/h5/ serves the driver app: files, its own history fallback, 404 for a missing asset', async () => {
  let r = await nav('/h5/');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /text\/html/);
  assert.equal(await r.text(), H5_INDEX);
  for (const p of ['/h5/station/car/1', '/h5/order/car/X123', '/h5/login?redirect=%2Fme']) {
    r = await nav(p);
    assert.equal(r.status, 200, p);
    assert.equal(await r.text(), H5_INDEX, p);
  }
  r = await get('/h5/assets/app-1234.js');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /javascript/);
  assert.match(r.headers.get('cache-control'), /immutable/);
  assert.equal(await r.text(), 'console.log("h5")');
  r = await get('/h5/favicon.svg');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /svg/);
  r = await nav('/h5/assets/missing.js', { headers: { Accept: '*/*' } });
  assert.equal(r.status, 404, 'a missing asset is not the index');
  await r.arrayBuffer();
  r = await get('/h5');
  assert.equal(r.status, 301);
  assert.equal(r.headers.get('location'), '/h5/');
  // the admin web is where it was
  r = await nav('/');
  assert.equal(await r.text(), ADMIN_INDEX);
  r = await nav('/car/station');
  assert.equal(await r.text(), ADMIN_INDEX);
  r = await nav('/h5x/foo');
  assert.equal(await r.text(), ADMIN_INDEX, 'only /h5 and /h5/… belong to the driver app');
});

test('a browser opening a printed QR code URL lands in the driver app; the API is untouched', async () => {
  for (const p of ['/app/gun/8800000000000101', '/app/pile/88000000000001', '/app/socket/88000000000101', '/app/device/880000000001']) {
    const r = await nav(p);
    assert.equal(r.status, 200, p);
    assert.equal(await r.text(), H5_INDEX, p);
  }
  // not a navigation: no page
  let r = await get('/app/gun/8800000000000101', { Accept: 'application/json' });
  assert.equal(r.status, 404);
  await r.arrayBuffer();
  // the API answers JSON even to a browser-like Accept
  r = await nav('/app/stations?type=car');
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-type'), /json/);
  assert.equal((await r.json()).code, 200);
  // other /app paths are not the H5's
  r = await nav('/app/unknown/x');
  assert.notEqual(await r.text(), H5_INDEX);
});

test('pages carry the security headers (no inline script runs, never framed); every answer is nosniff', async () => {
  for (const p of ['/h5/', '/app/gun/8800000000000101']) {
    const r = await nav(p);
    const csp = r.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/, `${p}: scripts only from this origin: ${csp}`);
    assert.match(csp, /frame-ancestors 'none'/, p);
    assert.equal(r.headers.get('x-frame-options'), 'DENY', p);
    assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
    assert.doesNotMatch(await r.text(), /<script>/, `${p}: no inline script (the CSP would block it)`);
  }
  const api = await nav('/app/stations?type=car');
  assert.equal(api.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(api.headers.get('content-security-policy'), null, 'JSON answers need no CSP');
  await api.arrayBuffer();
});

async function prepay() {
  return ok(await ctx.admin.post('/test/payment/prepay', { orderType: 'car', stationId: station.id, amount: 1234, phone: randPhone() })).data;
}

test('the sandbox cashier: a /h5/ returnUrl becomes a 返回商户 link, kept through confirm; the paid page goes back', async () => {
  const p = await prepay();
  const back = `/h5/pay/${p.payNo}`;
  let r = await nav(`${p.cashierPath}?returnUrl=${encodeURIComponent(back)}`);
  assert.equal(r.status, 200);
  let html = await r.text();
  assert.match(html, /¥12\.34/);
  assert.ok(html.includes(`<a id="return" class="back" href="${back}">返回商户`), html);
  assert.ok(html.includes(`action="${p.cashierPath}/confirm?returnUrl=${encodeURIComponent(back)}"`), html);
  assert.ok(html.includes(`action="${p.cashierPath}/decline?returnUrl=${encodeURIComponent(back)}"`), html);
  r = await fetch(`${ctx.server.baseUrl}${p.cashierPath}/confirm?returnUrl=${encodeURIComponent(back)}`, { method: 'POST' });
  assert.equal(r.status, 200);
  html = await r.text();
  assert.match(html, /data-result="paid"/);
  assert.ok(html.includes(`<meta http-equiv="refresh" content="1;url=${back}">`), html);
  assert.ok(html.includes(`href="${back}"`));
  // without a returnUrl the page is as before
  const q = await prepay();
  html = await (await nav(q.cashierPath)).text();
  assert.doesNotMatch(html, /id="return"|returnUrl/);
  r = await fetch(`${ctx.server.baseUrl}${q.cashierPath}/decline`, { method: 'POST' });
  html = await r.text();
  assert.match(html, /data-result="declined"/);
  assert.doesNotMatch(html, /id="return"|refresh/);
});

test('the sandbox cashier drops every returnUrl that is not a same-origin /h5/ path (no open redirect)', async () => {
  const p = await prepay();
  const bad = ['https://evil.example/h5/', '//evil.example/h5/', '/h5//evil.example', '/\\evil.example', 'javascript:alert(1)',
    '/h5/../logout', '/admin', '/h5', 'h5/pay/x', '/h5/"><script>alert(1)</script>', '/h5/pay x', '/h5/%0d%0aSet-Cookie:x', `/h5/${'a'.repeat(600)}`];
  for (const u of bad) {
    const html = await (await nav(`${p.cashierPath}?returnUrl=${encodeURIComponent(u)}`)).text();
    assert.doesNotMatch(html, /id="return"|returnUrl|refresh/, u);
    assert.doesNotMatch(html, /<script>/, u);
  }
  const r = await fetch(`${ctx.server.baseUrl}${p.cashierPath}/confirm?returnUrl=${encodeURIComponent('https://evil.example/')}`, { method: 'POST' });
  const html = await r.text();
  assert.match(html, /data-result="paid"/);
  assert.doesNotMatch(html, /evil|refresh|id="return"/);
});
