// HTTP core: envelope, errors, limits, auth guard, health, graceful shutdown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, ADMIN_PASSWORD } from './lib/fixture.mjs';
import net from 'node:net';
import http from 'node:http';
import { ok, fail, sendLargeBody, randPhone, uniq, sleep } from './lib/client.mjs';

const ctx = useServer();

async function stillServing() {
  const r = await ctx.anon.get('/health');
  assert.equal(r.status, 200, 'server must keep serving: GET /health');
}

test('GET /health answers 200 without a token', async () => {
  const r = await ctx.anon.get('/health');
  assert.equal(r.status, 200);
});

test('unknown route → 404 envelope', async () => {
  for (const [m, p] of [['GET', '/no/such/route'], ['POST', '/system/nothing'], ['GET', '/system/user/list/extra/deep']]) {
    const r = await ctx.admin.req(m, p, m === 'POST' ? { body: {} } : {});
    fail(r, 404, null, `${m} ${p}`);
  }
  await stillServing();
});

test('malformed JSON → 400 naming the problem', async () => {
  const r = await ctx.admin.req('POST', '/system/provider', { raw: '{"name": "x", "phone": ' });
  fail(r, 400, /json|JSON|格式|解析|syntax|parse|body/i);
  const r2 = await ctx.admin.req('POST', '/system/provider', { raw: '[1,2,3]' });
  fail(r2, 400, null, 'a JSON array where an object is expected');
  await stillServing();
});

test('wrong field type → 400 whose msg names the field', async () => {
  const r = await ctx.admin.post('/system/provider', { name: 5, contact: '张三', phone: randPhone(), email: 'a@example.com' });
  fail(r, 400, /name/);
  const r2 = await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'system', status: 0, menuIds: 'all' });
  fail(r2, 400, /menuIds/);
  const r3 = await ctx.admin.put('/system/provider/changeStatus', { id: 'one', status: 1 });
  fail(r3, 400, /id/);
  await stillServing();
});

test('filter with a wrong type → 400 naming it; unknown query params are ignored', async () => {
  fail(await ctx.admin.get('/system/user/list', { status: 'x' }), 400, /status/);
  fail(await ctx.admin.get('/system/provider/list', { pageNum: 'abc' }), 400, /pageNum/);
  ok(await ctx.admin.get('/system/user/list', { whatever: 'x', status: '' }));
});

test('body larger than 1 MiB → 413, then the server keeps serving', async () => {
  const r = await sendLargeBody(ctx.server.baseUrl, '/system/post', 1024 * 1024 + 4096, ctx.admin.token);
  assert.equal(r.status, 413, `expected 413, got ${r.status} ${r.text.slice(0, 200)}`);
  if (r.body) assert.equal(r.body.code, 413);
  await stillServing();
  ok(await ctx.admin.get('/getInfo'));
});

test('chunked body larger than 1 MiB → 413; oversized headers are refused; the server keeps serving', async () => {
  const u = new URL(ctx.server.baseUrl);
  const status = await new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, path: '/system/post', method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', Authorization: `Bearer ${ctx.admin.token}` } });
    let done = false;
    req.on('response', (res) => { done = true; res.resume(); resolve(res.statusCode); });
    req.on('error', (e) => { if (!done) setTimeout(() => (done ? null : reject(e)), 200); });
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    req.write('{"postName":"');
    for (let i = 0; i < 20; i++) req.write(chunk);
    req.end('"}');
  });
  assert.equal(status, 413, 'chunked body over the limit');
  const big = await new Promise((resolve) => {
    const s = net.connect(Number(u.port), u.hostname, () => {
      s.write(`GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(200 * 1024)}\r\n\r\n`);
    });
    let data = '';
    s.on('data', (d) => { data += d; });
    s.on('error', () => resolve(data));
    s.on('close', () => resolve(data));
    setTimeout(() => { s.destroy(); resolve(data); }, 5000).unref(); // must not keep the file's process alive
  });
  assert.ok(big === '' || /^HTTP\/1\.1 4\d\d/.test(big), `oversized header: ${big.slice(0, 100)}`);
  await stillServing();
});

test('missing, invalid and revoked tokens → 401', async () => {
  fail(await ctx.anon.get('/getInfo'), 401);
  fail(await ctx.anon.get('/system/user/list'), 401);
  fail(await ctx.admin.as('not-a-real-token').get('/getInfo'), 401);
  fail(await ctx.anon.req('GET', '/getInfo', { headers: { Authorization: 'Basic YWRtaW46eA==' } }), 401);
  const s = await ctx.anon.session('admin', ADMIN_PASSWORD);
  ok(await s.get('/getInfo'));
  ok(await s.post('/logout'));
  fail(await s.get('/getInfo'), 401, null, 'revoked token');
  fail(await s.get('/system/user/list'), 401, null, 'revoked token');
  await stillServing();
});

test('Accept-Language: en gives English messages for the common errors', async () => {
  const en = { headers: { 'Accept-Language': 'en' } };
  const cjk = /[\u3400-\u9fff]/;
  const cases = [
    await ctx.anon.req('POST', '/login', { body: { username: 'admin', password: 'wrong-password-1' }, ...en }),
    await ctx.anon.req('GET', '/getInfo', en),
    await ctx.admin.req('GET', '/no/such/route', en),
    await ctx.admin.req('POST', '/system/provider', { body: { name: 5 }, ...en }),
  ];
  for (const r of cases) {
    assert.ok(r.body && typeof r.body.msg === 'string', `${r.method} ${r.path}`);
    assert.doesNotMatch(r.body.msg, cjk, `${r.method} ${r.path} with Accept-Language: en → ${r.body.msg}`);
  }
  assert.match(cases[3].body.msg, /name/, 'the field is still named');
  const zh = await ctx.anon.req('GET', '/getInfo');
  assert.match(zh.body.msg, cjk, 'Chinese by default');
});

test('lists use the {code,msg,rows,total} envelope and paging defaults', async () => {
  const r = ok(await ctx.admin.get('/system/user/list'));
  assert.ok(Array.isArray(r.rows));
  assert.equal(typeof r.total, 'number');
  assert.equal(typeof r.msg, 'string');
  assert.ok(r.rows.length <= 10, 'default pageSize is 10');
  const big = await ctx.admin.get('/system/user/list', { pageSize: 100000 });
  if (big.status === 200) assert.ok(big.body.rows.length <= 500, 'pageSize is capped at 500');
  else fail(big, 400, /pageSize/);
});

test('server shuts down gracefully on SIGTERM (exit 0 within 10 s), even with idle and half-sent-header connections', async () => {
  const u = new URL(ctx.server.baseUrl);
  const sockets = [];
  for (let i = 0; i < 2; i++) {
    const s = net.connect(Number(u.port), u.hostname);
    s.on('error', () => {});
    await new Promise((r) => s.once('connect', r));
    if (i === 1) s.write('GET /health HTTP/1.1\r\nHost: x\r\n'); // headers never finished
    sockets.push(s);
  }
  await sleep(100);
  try {
    const res = await ctx.server.stop();
    assert.equal(res.code, 0);
    assert.ok(res.ms < 10000);
  } finally {
    for (const s of sockets) s.destroy();
  }
});
