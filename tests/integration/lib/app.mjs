// The driver app API (docs/api-app.md) for integration tests: sign-in through the real SMS routes (the code
// read from the dev endpoint, sms.dev_endpoint is on in test servers), an app client, and paying on the
// sandbox gateway's cashier page.
import assert from 'node:assert/strict';
import { Api, ok, until } from './client.mjs';

/** Requests a code, reads it from GET /app/dev/sms and signs in; returns the app token. */
export async function signIn(baseUrl, phone) {
  const anon = new Api(baseUrl);
  ok(await anon.post('/app/auth/sms', { phone }), `sms code for ${phone}`);
  const { code } = ok(await anon.get('/app/dev/sms', { phone }), `dev sms for ${phone}`).data;
  assert.match(code, /^\d{6}$/);
  const r = ok(await anon.post('/app/auth/login', { phone, code }), `app login ${phone}`);
  assert.equal(typeof r.data.token, 'string', 'login data.token');
  return r.data.token;
}

/** Like `Api` (lib/client.mjs) but carrying an app token. */
export class AppApi extends Api {
  static async signIn(baseUrl, phone) {
    const api = new AppApi(baseUrl, await signIn(baseUrl, phone));
    api.phone = phone;
    return api;
  }

  as(token) { return new AppApi(this.baseUrl, token); }
}

/**
 * Pays a pay order on the sandbox cashier page (GET the page, POST confirm) as a driver would.
 * `cashierUrl` is absolute or a path on the server. Returns the result page's HTML; asserts it says paid.
 */
export async function payInSandbox(baseUrl, cashierUrl, action = 'confirm') {
  const url = new URL(cashierUrl, baseUrl);
  const page = await fetch(url, { signal: AbortSignal.timeout(15000) });
  const html = await page.text();
  assert.equal(page.status, 200, `cashier page ${url}: ${html.slice(0, 300)}`);
  const target = new URL(url);
  target.pathname += `/${action}`;
  const done = await fetch(target, { method: 'POST', signal: AbortSignal.timeout(15000) });
  const result = await done.text();
  assert.equal(done.status, 200, `cashier ${action} ${url}: ${result.slice(0, 300)}`);
  if (action === 'confirm') assert.match(result, /data-result="paid"/);
  return result;
}

/**
 * Drivers who want the same gun/socket: each asks to start (`body` on POST /app/{kind}/orders — every request
 * passes the checks, nothing runs there yet), then all pay at once. Asserts exactly one order was started;
 * returns the offers, the order each payment made (same order) and the started one.
 */
export async function payTogether(baseUrl, apps, kind, body) {
  const offers = [];
  for (const app of apps) offers.push(ok(await app.post(`/app/${kind}/orders`, body)).data);
  await Promise.all(offers.map((o) => payInSandbox(baseUrl, o.cashierUrl)));
  const orders = await Promise.all(apps.map((app, i) => until(async () => {
    const pay = ok(await app.get(`/app/pay/${offers[i].payNo}`)).data;
    return pay.orderNo && ok(await app.get(`/app/${kind}/orders/${pay.orderNo}`)).data;
  }, 'an order for every payment')));
  const started = orders.filter((o) => o.state !== 'abnormal');
  assert.equal(started.length, 1, JSON.stringify(orders.map((o) => [o.state, o.endReason])));
  return { offers, orders, started: started[0] };
}
