// Public routes are limited per client address (http.public_rate_per_s / public_burst, issue 22): a flood
// from one address is answered 429 with Retry-After while other addresses, signed-in users and health
// checks are served as before; the address is the one a trusted proxy names in X-Forwarded-For (loopback is
// trusted by default), never a header from anyone else.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ADMIN_PASSWORD } from './lib/server.mjs';
import { Api, ok } from './lib/client.mjs';

let server; let anon; let admin;
before(async () => {
  server = await startServer({ env: { ZHICHONG_HTTP_PUBLIC_RATE_PER_S: '5', ZHICHONG_HTTP_PUBLIC_BURST: '10' } });
  anon = new Api(server.baseUrl);
  admin = await anon.session('admin', ADMIN_PASSWORD);
});
after(() => server.stop());

const from = (ip) => ({ headers: { 'X-Forwarded-For': ip } });
const wrongLogin = (ip) => anon.req('POST', '/login', { body: { username: 'nobody', password: 'wrong-password' }, ...from(ip) });

test('a flood from one address gets 429 with Retry-After; other addresses, users and health checks are served', async () => {
  const t0 = Date.now();
  const flood = await Promise.all(Array.from({ length: 40 }, () => wrongLogin('203.0.113.7')));
  const limited = flood.filter((r) => r.status === 429);
  // the burst (10) and what 5/s refilled while the flood was arriving got through; the rest was refused
  const allowed = 10 + Math.ceil((5 * (Date.now() - t0)) / 1000);
  assert.ok(flood.length - limited.length <= allowed, `at most ${allowed} through: ${flood.map((r) => r.status)}`);
  assert.ok(limited.length >= 40 - allowed && limited.length > 0, `the rest was refused: ${limited.length}`);
  assert.equal(limited[0].body.code, 429);
  assert.equal(limited[0].headers.get('retry-after'), '1');
  const other = await wrongLogin('198.51.100.9');
  assert.equal(other.status, 400, `another address is served: ${other.text}`);
  ok(await admin.get('/getInfo'), 'a signed-in user is not limited');
  for (let i = 0; i < 20; i += 1) assert.equal((await anon.req('GET', '/health', from('203.0.113.7'))).status, 200, 'health checks are not limited');
  // English too (the bucket refills meanwhile: ask until it is empty again)
  let en;
  for (let i = 0; i < 40 && en?.status !== 429; i += 1) {
    en = await anon.req('POST', '/login', { body: {}, headers: { 'X-Forwarded-For': '203.0.113.7', 'Accept-Language': 'en' } });
  }
  assert.equal(en.status, 429);
  assert.match(en.body.msg, /Too many requests/);
  // the bucket refills: 5 per second
  await new Promise((r) => setTimeout(r, 1300));
  assert.equal((await wrongLogin('203.0.113.7')).status, 400, 'served again after a second');
});

test('the login log shows the address the trusted proxy names; the last untrusted hop wins', async () => {
  await wrongLogin('192.0.2.44');
  await anon.req('POST', '/login', { body: { username: 'nobody', password: 'x' }, headers: { 'X-Forwarded-For': '10.9.9.9, 192.0.2.45' } });
  const rows = (await admin.list('/monitor/logininfor/list', { userName: 'nobody' })).rows.map((r) => r.ipaddr);
  assert.ok(rows.includes('192.0.2.44'), rows.join());
  assert.ok(rows.includes('192.0.2.45') && !rows.includes('10.9.9.9'), `a client cannot pick its address by prepending: ${rows}`);
});

test('without trusted proxies, X-Forwarded-For is ignored', async () => {
  const s = await startServer({ env: { ZHICHONG_HTTP_TRUSTED_PROXIES: '' } });
  try {
    const a = new Api(s.baseUrl);
    await a.req('POST', '/login', { body: { username: 'nobody', password: 'wrong-password' }, ...from('192.0.2.99') });
    const adm = await a.session('admin', ADMIN_PASSWORD);
    const rows = (await adm.list('/monitor/logininfor/list', { userName: 'nobody' })).rows.map((r) => r.ipaddr);
    assert.deepEqual([...new Set(rows)], ['127.0.0.1']);
  } finally {
    await s.stop();
  }
});
