// Helpers of the admin order tests (order-admin-*.test.mjs, tests/e2e/order.test.mjs): real orders made the
// way drivers make them — sign in through the app API (sms.dev_endpoint on), start a car or e-bike order, pay
// on the sandbox cashier page — and the simulated devices of zhichong-sim that charge them. Only the documented
// HTTP contracts (docs/api-app.md, docs/payment.md) are used, so these tests do not depend on other tests' helpers.
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { binaryPath } from './lib/server.mjs';
import { Api, ok, until, randPhone } from './lib/client.mjs';

export const simBin = () => process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
export const haveSim = () => existsSync(simBin());

/** A driver signed in with the code of GET /app/dev/sms: an Api carrying the app token, with .phone. */
export async function driver(baseUrl, phone = randPhone()) {
  const anon = new Api(baseUrl);
  ok(await anon.post('/app/auth/sms', { phone }), 'sms code');
  const { code } = ok(await anon.get('/app/dev/sms', { phone })).data;
  const { token } = ok(await anon.post('/app/auth/login', { phone, code }), 'app login').data;
  const app = anon.as(token);
  app.phone = phone;
  return app;
}

/** Confirms a payment on the sandbox cashier page (its path or URL). */
export async function pay(baseUrl, cashierUrl) {
  const url = new URL(cashierUrl, baseUrl);
  const page = await fetch(url);
  assert.equal(page.status, 200, 'cashier page');
  await page.text();
  url.pathname += '/confirm';
  const r = await fetch(url, { method: 'POST' });
  assert.equal(r.status, 200, 'cashier confirm');
  assert.match(await r.text(), /data-result="paid"/);
}

/** A paid car order on `gun` (POST /app/car/orders); resolves once it charges: { payNo, orderNo }. */
export async function chargingCarOrder(baseUrl, app, gun, amount) {
  const offer = ok(await app.post('/app/car/orders', { gunCode: gun.code, amount, plate: '粤B12345' }), 'car order').data;
  await pay(baseUrl, offer.cashierUrl);
  const o = await until(async () => (await app.get('/app/car/orders')).body.rows?.[0], 'car order after the payment', 15000);
  await until(async () => ok(await app.get(`/app/car/orders/${o.orderNo}`)).data.state === 'charging', `${o.orderNo} charging`, 20000);
  return { payNo: offer.payNo, orderNo: o.orderNo };
}

/** A paid e-bike order on `socket` (POST /app/bike/orders); resolves once it charges: { payNo, orderNo }. */
export async function chargingBikeOrder(baseUrl, app, socket, amount) {
  const offer = ok(await app.post('/app/bike/orders', { socketId: socket.id, amount }), 'e-bike order').data;
  await pay(baseUrl, offer.cashierUrl);
  const o = await until(async () => (await app.get('/app/bike/orders')).body.rows?.[0], 'e-bike order after the payment', 15000);
  await until(async () => ok(await app.get(`/app/bike/orders/${o.orderNo}`)).data.state === 'charging', `${o.orderNo} charging`, 20000);
  return { payNo: offer.payNo, orderNo: o.orderNo };
}

/** zhichong-sim with `args`; its JSON event lines (--events) in .events, wait(pred) for one; stop() ends it. */
export function runSim(args) {
  const proc = spawn(simBin(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const events = [];
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => {
    out += d;
    for (let i; (i = out.indexOf('\n')) >= 0; out = out.slice(i + 1)) {
      try { events.push(JSON.parse(out.slice(0, i))); } catch { /* summary lines */ }
    }
  });
  proc.stderr.on('data', (d) => { err = (err + d).slice(-20000); });
  const done = new Promise((res) => proc.on('exit', (code) => res(code)));
  return {
    proc, events, tail: () => err.slice(-2000),
    wait: (pred, what, ms = 10000) => until(async () => events.find(pred), what, ms),
    stop: async () => { if (proc.exitCode === null) proc.kill('SIGTERM'); return done; },
  };
}

/** YKC piles (2 guns each) connected to the platform's YKC port. */
export const ykcPiles = (port, codes, extra = []) => runSim(['ykc', '--host', '127.0.0.1', '--port', String(port), '--codes', codes.join(','),
  '--guns', '2', '--heartbeat', '1', '--realtime-interval', '0.3', '--idle-interval', '1', '--reconnect', '0.3', '--quiet', '--events', ...extra]);

/** OCPP 1.6J chargers (car piles or e-bike devices) that charge only what the platform starts. */
export const ocppDevices = (baseUrl, codes, connectors, extra = []) => runSim(['ocpp', '--url', baseUrl.replace(/^http/, 'ws') + '/ocpp',
  '--codes', codes.join(','), '--connectors', String(connectors), '--heartbeat', '5', '--meter-interval', '0.3', '--reconnect', '0.3',
  '--charge-duration', '600', ...extra]);

/** Waits until no refund of the payment is pending at the gateway; returns the pay order's detail. */
export async function refundsSettled(admin, payNo) {
  return until(async () => {
    const p = (await admin.list('/order/payment/list', { payNo })).rows[0];
    const d = p && ok(await admin.get(`/order/payment/${p.id}`)).data;
    return d && d.refundPending === 0 && d;
  }, `refunds of ${payNo} completed`);
}
