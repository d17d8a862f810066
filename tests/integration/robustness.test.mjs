// Bad input never crashes, corrupts or half-writes; concurrent duplicates resolve to one row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addProvider, approvedProvider, addUser } from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq } from './lib/client.mjs';

const ctx = useServer();

async function stillServing() {
  assert.equal((await ctx.anon.get('/health')).status, 200, 'server keeps serving');
}

test('invalid UTF-8 and deeply nested JSON → 400, not a crash', async () => {
  const bad = Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('","contact":"c","phone":"13800000000","email":"a@example.com"}')]);
  const r = await ctx.admin.req('POST', '/system/provider', { raw: bad });
  fail(r, 400, null, 'invalid UTF-8');
  const deep = '['.repeat(100000) + ']'.repeat(100000);
  fail(await ctx.admin.req('POST', '/system/provider', { raw: deep }), [400, 413], null, 'deep nesting');
  const deepObj = '{"name":' + '{"a":'.repeat(5000) + '1' + '}'.repeat(5000) + '}';
  fail(await ctx.admin.req('POST', '/system/provider', { raw: deepObj }), 400, null, 'deep object');
  fail(await ctx.admin.req('POST', '/system/provider', { raw: '' }), 400, null, 'empty body');
  fail(await ctx.admin.req('POST', '/system/provider', { raw: 'null' }), 400, null, 'null body');
  await stillServing();
});

test('numbers out of range or of the wrong kind → 400 naming the field', async () => {
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: 1e30, status: 1 }), [400, 404], /id|不存在/);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: 3.5, status: 1 }), 400, /id/);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: 1, status: 0.5 }), 400, /status/);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: true, status: 1 }), 400, /id/);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: null, status: 1 }), 400, /id/);
  const r = await ctx.admin.get('/system/user/99999999999999999999999');
  assert.ok([400, 404].includes(r.status), `huge path id: ${r.status}`);
  const neg = await ctx.admin.get('/system/user/-1');
  assert.ok([400, 404].includes(neg.status), `negative path id: ${neg.status}`);
  fail(await ctx.admin.get('/system/user/list', { pageNum: '99999999999999999999' }), 400, /pageNum/);
  await stillServing();
});

test('a numeric string where an integer is required → 400 naming the field (no coercion)', async () => {
  const p = await addProvider(ctx.admin);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: String(p.id), status: 1 }), 400, /id/);
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: p.id, status: '1' }), 400, /status/);
  assert.equal(ok(await ctx.admin.get(`/system/provider/${p.id}`)).data.status, 0, 'nothing changed');
});

test('filters treat SQL wildcards and quotes literally', async () => {
  const tag = uniq('字');
  const pct = await addProvider(ctx.admin, { name: `${tag}50%折扣` });
  const und = await addProvider(ctx.admin, { name: `${tag}a_b` });
  const plain = await addProvider(ctx.admin, { name: `${tag}普通` });
  const q = await addProvider(ctx.admin, { name: `${tag}O'Brien"\\` });
  const ids = async (name) => (await ctx.admin.list('/system/provider/list', { name })).rows.map((x) => x.id).sort((a, b) => a - b);
  assert.deepEqual(await ids(`${tag}50%`), [pct.id]);
  assert.deepEqual((await ids('%')).filter((id) => [pct.id, und.id, plain.id, q.id].includes(id)), [pct.id], '% is literal');
  assert.deepEqual((await ids('_')).filter((id) => [pct.id, und.id, plain.id, q.id].includes(id)), [und.id], '_ is literal');
  assert.deepEqual(await ids(`${tag}O'Brien"\\`), [q.id]);
  assert.deepEqual(await ids("' OR '1'='1"), []);
  assert.equal(ok(await ctx.admin.get(`/system/provider/${q.id}`)).data.name, `${tag}O'Brien"\\`, 'stored verbatim');
});

test('concurrent adds with the same phone: exactly one succeeds, the rest 409', async () => {
  const phone = randPhone();
  const rs = await Promise.all(Array.from({ length: 6 }, (_, i) => ctx.admin.post('/system/provider', { name: uniq(`并发${i}`), contact: 'c', phone, email: 'c@example.com' })));
  const codes = rs.map((r) => r.status).sort();
  assert.deepEqual(codes, [200, 409, 409, 409, 409, 409], `statuses ${codes}: ${rs.map((r) => r.text).join(' | ').slice(0, 600)}`);
  assert.equal((await ctx.admin.list('/system/provider/list', { phone })).total, 1);
  const uphone = randPhone();
  const us = await Promise.all(Array.from({ length: 6 }, () => ctx.admin.post('/system/user', { userType: 'system', nickName: 'c', phone: uphone, email: 'c@example.com', password: 'Passw0rd123', roleIds: [] })));
  assert.deepEqual(us.map((r) => r.status).sort(), [200, 409, 409, 409, 409, 409]);
  assert.equal((await ctx.admin.list('/system/user/list', { phone: uphone })).total, 1);
});

test('concurrent audits of one provider approve it once', async () => {
  const p = await addProvider(ctx.admin);
  const rs = await Promise.all(Array.from({ length: 4 }, () => ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 1, auditRemark: 'ok' })));
  const okCount = rs.filter((r) => r.status === 200).length;
  assert.equal(okCount, 1, `one approval: ${rs.map((r) => r.status)}`);
  assert.ok(rs.every((r) => [200, 400, 409].includes(r.status)), `no server error: ${rs.map((r) => r.status)}`);
  assert.equal((await ctx.admin.list('/system/user/list', { phone: p.phone })).total, 1, 'one login account');
  const depts = ok(await ctx.admin.get('/system/dept/list', { providerId: p.id })).data;
  assert.equal(depts.filter((d) => !d.parentId).length, 1, 'one top-level dept');
});

test('many parallel requests are all answered', async () => {
  const P = await approvedProvider(ctx.admin);
  const rs = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 3 === 0
    ? ctx.admin.get('/system/user/list')
    : i % 3 === 1 ? P.api.get('/getInfo') : ctx.admin.get('/system/provider/list', { name: P.name }))));
  assert.ok(rs.every((r) => r.status === 200), `statuses ${[...new Set(rs.map((r) => r.status))]}`);
  const u = await addUser(ctx.admin);
  ok(await ctx.anon.login(u.userName, u.password));
});
