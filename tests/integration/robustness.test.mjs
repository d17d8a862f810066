// Bad input never crashes, corrupts or half-writes; concurrent duplicates resolve to one row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addProvider, approvedProvider, propertyWithLogin, addUser, addRole } from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq } from './lib/client.mjs';
import { addStation, addArea } from './lib/car.mjs';
import { addBikeStation } from './lib/bike.mjs';

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

// Issue 13 item 7: one input rule for every text field (docs/api-system.md "Text fields").
const BAD_TEXT = [['NUL', '\u0000'], ['BEL', '\u0007'], ['ESC', '\u001b'], ['DEL', '\u007f'], ['C1 NEL', '\u0085'],
  ['RLO', '\u202E'], ['LRE', '\u202A'], ['LRI', '\u2066'], ['PDI', '\u2069']];

test('text fields refuse control characters and bidi overrides with a 400 naming the field; nothing is stored', async () => {
  const P = await approvedProvider(ctx.admin);
  const A = await propertyWithLogin(ctx.admin, P.id);
  const station = await addStation(A.api, A.id);
  const area = await addArea(A.api, station.id);
  const bike = await addBikeStation(A.api, A.id);
  for (const [name, ch] of BAD_TEXT) {
    const bad = `名称${ch}x`;
    fail(await ctx.admin.post('/system/provider', { name: bad, contact: 'c', phone: randPhone(), email: 'c@example.com' }), 400, /^name: /, `provider name ${name}`);
    fail(await ctx.admin.post('/system/provider', { name: uniq('服务商'), contact: bad, phone: randPhone(), email: 'c@example.com' }), 400, /^contact: /, `provider contact ${name}`);
    fail(await A.api.put('/car/station', { id: station.id, propertyId: A.id, name: bad }), 400, /^name: /, `station name ${name}`);
    fail(await A.api.post('/car/station', { propertyId: A.id, name: bad }), 400, /^name: /, `new station ${name}`);
    fail(await A.api.put('/car/area', { id: area.id, name: bad }), 400, /^name: /, `area name ${name}`);
    fail(await A.api.post('/car/area', { stationId: station.id, name: bad }), 400, /^name: /, `new area ${name}`);
    fail(await A.api.put('/bike/station', { id: bike.id, name: bad }), 400, /^name: /, `e-bike station name ${name}`);
    fail(await ctx.admin.post('/system/role', { roleName: bad, roleType: 'system', remark: '', status: 0, menuIds: [] }), 400, /^roleName: /, `role name ${name}`);
    // multi-line fields refuse them too
    fail(await ctx.admin.post('/system/role', { roleName: uniq('角色'), roleType: 'system', remark: `说明${ch}`, status: 0, menuIds: [] }), 400, /^remark: /, `role remark ${name}`);
    fail(await A.api.put('/car/station', { id: station.id, propertyId: A.id, name: station.name, intro: `介绍${ch}` }), 400, /^intro: /, `station intro ${name}`);
    // nested fields of a configuration
    fail(await A.api.put('/car/station/payConfig', { stationId: station.id, leshua: { enabled: true, merchantNo: `M1${ch}` } }), 400, /^leshua\.merchantNo: /, `pay config ${name}`);
  }
  // a one-line field refuses a newline or a tab inside it; a multi-line field keeps them
  fail(await A.api.put('/car/area', { id: area.id, name: 'A区\n快充' }), 400, /^name: /);
  fail(await A.api.put('/car/area', { id: area.id, name: 'A区\t快充' }), 400, /^name: /);
  const role = await addRole(ctx.admin, { remark: '第一行\n第二行\t缩进' });
  assert.equal(ok(await ctx.admin.get(`/system/role/${role.id}`)).data.remark, '第一行\n第二行\t缩进');
  ok(await A.api.put('/car/station', { id: station.id, propertyId: A.id, name: station.name, intro: '一行\r\n二行' }));
  // nothing of the refused writes was stored
  assert.equal(ok(await A.api.get(`/car/station/${station.id}`)).data.name, station.name);
  assert.equal(ok(await A.api.get(`/car/area/${area.id}`)).data.name, area.name);
  assert.equal(ok(await A.api.get(`/bike/station/${bike.id}`)).data.name, bike.name);
  assert.equal((await A.api.list('/car/station/list')).total, 1);
  const names = (await ctx.admin.list('/system/provider/list')).rows.map((r) => r.name + r.contact);
  assert.ok(!names.some((n) => /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(n)), 'no control characters stored');
  // ordinary text, quotes and emoji are fine
  ok(await A.api.put('/car/area', { id: area.id, name: 'A区 "快充" 🚗' }));
  await stillServing();
});
