// SYS-PROP property companies.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty, propertyWithLogin, deptList, addProvider } from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq } from './lib/client.mjs';

const ctx = useServer();
let P; // an approved provider

before(async () => { await ctx.ready(); P = await approvedProvider(ctx.admin); });

test('add property: creates the row, its login (property_admin) and its top-level dept', async () => {
  const p = await addProperty(ctx.admin, P.id);
  assert.equal(p.userName, p.phone, 'login name is the phone');
  assert.equal(typeof p.initialPassword, 'string');
  const row = ok(await ctx.admin.get(`/system/property/${p.id}`)).data;
  for (const k of ['providerId', 'name', 'contact', 'phone', 'email', 'province', 'city', 'address']) assert.equal(row[k], p[k], k);
  assert.equal(row.providerName, P.name);
  assert.equal(row.status, 0);
  assert.equal(row.userName, p.phone);
  assert.ok(Number.isInteger(row.userId));
  const s = await ctx.anon.session(p.userName, p.initialPassword);
  const info = ok(await s.get('/getInfo')).data;
  assert.equal(info.user.userType, 'property');
  assert.equal(info.user.propertyId, p.id);
  assert.equal(info.user.providerId, P.id);
  assert.ok(info.roles.includes('property_admin'), `roles ${info.roles}`);
  const depts = await deptList(ctx.admin, { propertyId: p.id });
  const top = depts.find((d) => d.deptName === p.name);
  assert.ok(top, `top-level dept of the property: ${JSON.stringify(depts)}`);
  assert.ok(!top.parentId);
  assert.equal(top.propertyId, p.id);
  assert.equal(row.deptId, top.id);
});

test('add property: validation and conflicts', async () => {
  const base = { providerId: P.id, name: uniq('物业'), contact: 'c', phone: randPhone(), email: 'v@example.com', province: '广东省', city: '深圳市', address: 'x' };
  fail(await ctx.admin.post('/system/property', { ...base, phone: '12' }), 400, /phone/);
  fail(await ctx.admin.post('/system/property', { ...base, name: '' }), 400, /name/);
  fail(await ctx.admin.post('/system/property', { ...base, email: 'bad' }), 400, /email/);
  fail(await ctx.admin.post('/system/property', { ...base, providerId: 'x' }), 400, /providerId/);
  const { providerId, ...noProvider } = base;
  fail(await ctx.admin.post('/system/property', noProvider), 400, /providerId/);
  fail(await ctx.admin.post('/system/property', { ...base, providerId: 99999999 }), [400, 404]);
  const pending = await addProvider(ctx.admin);
  fail(await ctx.admin.post('/system/property', { ...base, providerId: pending.id }), [400, 409], null, 'provider not approved');
  fail(await ctx.admin.post('/system/property', { ...base, phone: P.phone }), 409, null, 'phone of a provider');
  assert.equal((await ctx.admin.list('/system/property/list', { name: base.name })).total, 0, 'nothing half-written');
  const p = await addProperty(ctx.admin, P.id);
  fail(await ctx.admin.post('/system/property', { ...base, phone: p.phone }), 409, /phone|手机/);
});

test('edit property: fields change, phone is immutable', async () => {
  const p = await addProperty(ctx.admin, P.id);
  const edit = { id: p.id, name: p.name + '改', contact: '钱七', email: 'e3@example.com', province: '浙江省', city: '杭州市', address: '西湖区 2 号' };
  ok(await ctx.admin.put('/system/property', edit));
  const row = ok(await ctx.admin.get(`/system/property/${p.id}`)).data;
  for (const k of Object.keys(edit)) assert.equal(row[k], edit[k], k);
  assert.equal(row.phone, p.phone);
  fail(await ctx.admin.put('/system/property', { ...edit, phone: randPhone() }), 400, /phone/);
  fail(await ctx.admin.put('/system/property', { ...edit, email: 'bad' }), 400, /email/);
  fail(await ctx.admin.put('/system/property', { ...edit, id: 99999999 }), 404);
});

test('property status: disabled property blocks new users, roles and depts under it; options exclude it', async () => {
  const p = await propertyWithLogin(ctx.admin, P.id);
  ok(await ctx.admin.put('/system/property/changeStatus', { id: p.id, status: 1 }));
  assert.equal(ok(await ctx.admin.get(`/system/property/${p.id}`)).data.status, 1);
  fail(await ctx.admin.post('/system/user', { userType: 'property', providerId: P.id, propertyId: p.id, nickName: 'x', phone: randPhone(), email: 'x@example.com', password: 'Passw0rd123', roleIds: [] }), 409, /物业已停用/);
  fail(await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'property', providerId: P.id, propertyId: p.id, remark: '', status: 0, menuIds: [] }), 409, /物业已停用/);
  const top = (await deptList(ctx.admin, { propertyId: p.id })).find((d) => !d.parentId);
  fail(await ctx.admin.post('/system/dept', { parentId: top.id, deptName: uniq('d'), orderNum: 1, leader: '', phone: '', email: '', status: 0 }), 409, /物业已停用/);
  fail(await ctx.admin.post('/system/post', { deptId: top.id, postCode: uniq('c'), postName: uniq('p'), orderNum: 1, status: 0, remark: '' }), 409, /物业已停用/);
  const opts = ok(await ctx.admin.get('/system/property/options', { providerId: P.id })).data;
  assert.ok(!opts.some((o) => o.id === p.id));
  ok(await ctx.admin.put('/system/property/changeStatus', { id: p.id, status: 0 }));
  assert.ok(ok(await ctx.admin.get('/system/property/options', { providerId: P.id })).data.some((o) => o.id === p.id));
});

test('property list filters (providerId, name, phone, status) and paging', async () => {
  const tag = uniq('筛');
  const Q = await approvedProvider(ctx.admin);
  const a = await addProperty(ctx.admin, P.id, { name: `${tag}甲` });
  const b = await addProperty(ctx.admin, P.id, { name: `${tag}乙` });
  const c = await addProperty(ctx.admin, Q.id, { name: `${tag}丙` });
  const ids = (r) => r.rows.map((x) => x.id).sort((x, y) => x - y);
  const all = await ctx.admin.list('/system/property/list', { name: tag });
  assert.equal(all.total, 3);
  assert.deepEqual(ids(await ctx.admin.list('/system/property/list', { name: tag, providerId: Q.id })), [c.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/property/list', { phone: b.phone })), [b.id]);
  ok(await ctx.admin.put('/system/property/changeStatus', { id: a.id, status: 1 }));
  assert.deepEqual(ids(await ctx.admin.list('/system/property/list', { name: tag, status: 1 })), [a.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/property/list', { name: tag, status: 0 })), [b.id, c.id].sort((x, y) => x - y));
  const page = ok(await ctx.admin.get('/system/property/list', { name: tag, pageSize: 2, pageNum: 2 }));
  assert.equal(page.total, 3);
  assert.equal(page.rows.length, 1);
  fail(await ctx.admin.get('/system/property/list', { providerId: 'abc' }), 400, /providerId/);
});

test('a provider user sees and manages only its own properties', async () => {
  const Q = await approvedProvider(ctx.admin);
  const mine = await addProperty(ctx.admin, P.id);
  const theirs = await addProperty(ctx.admin, Q.id);
  const rows = (await P.api.list('/system/property/list')).rows;
  assert.ok(rows.some((x) => x.id === mine.id), 'own property listed');
  assert.ok(rows.every((x) => x.providerId === P.id), 'only own properties');
  assert.equal((await P.api.list('/system/property/list', { providerId: Q.id })).total, 0);
  ok(await P.api.get(`/system/property/${mine.id}`));
  for (const r of [
    await P.api.get(`/system/property/${theirs.id}`),
    await P.api.put('/system/property', { id: theirs.id, name: 'hacked', contact: 'x', email: 'h@example.com', province: 'x', city: 'y', address: 'z' }),
    await P.api.put('/system/property/changeStatus', { id: theirs.id, status: 1 }),
  ]) assert.ok([403, 404].includes(r.status), `${r.method} ${r.path}: ${r.status} ${r.text}`);
  const row = ok(await ctx.admin.get(`/system/property/${theirs.id}`)).data;
  assert.equal(row.name, theirs.name);
  assert.equal(row.status, 0);
  const opts = ok(await P.api.get('/system/property/options')).data;
  assert.ok(opts.some((o) => o.id === mine.id) && !opts.some((o) => o.id === theirs.id));
  // a provider adds a property under itself; not under another provider
  const created = await addProperty(P.api, P.id);
  assert.equal(ok(await ctx.admin.get(`/system/property/${created.id}`)).data.providerId, P.id);
  const r = await P.api.post('/system/property', { providerId: Q.id, name: uniq('x'), contact: 'c', phone: randPhone(), email: 'x@example.com', province: 'a', city: 'b', address: 'c' });
  assert.ok([400, 403, 404].includes(r.status), `property under another provider: ${r.status} ${r.text}`);
});
