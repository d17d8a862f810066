// SYS-PROV service providers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addProvider, approvedProvider, addProperty, deptList, addUser } from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq } from './lib/client.mjs';

const ctx = useServer();

test('add provider: new row is pending audit with the documented fields', async () => {
  const p = await addProvider(ctx.admin);
  const row = ok(await ctx.admin.get(`/system/provider/${p.id}`)).data;
  assert.equal(row.id, p.id);
  assert.equal(row.name, p.name);
  assert.equal(row.contact, p.contact);
  assert.equal(row.phone, p.phone);
  assert.equal(row.email, p.email);
  assert.equal(row.auditStatus, 0);
  assert.equal(row.status, 0);
  assert.equal(row.merchantType, 1);
  assert.equal(row.createBy, 'admin');
  assert.equal(typeof row.createTime, 'number');
  assert.ok(Math.abs(row.createTime - Date.now()) < 120000, 'createTime is epoch ms, now');
  assert.ok(!row.userId, 'no login account before approval');
});

test('add provider: validation errors name the field', async () => {
  const base = { name: uniq('服务商'), contact: '张三', phone: randPhone(), email: 'v@example.com' };
  fail(await ctx.admin.post('/system/provider', { ...base, phone: '1380013' }), 400, /phone/);
  fail(await ctx.admin.post('/system/provider', { ...base, phone: '1380013800a' }), 400, /phone/);
  fail(await ctx.admin.post('/system/provider', { ...base, name: '' }), 400, /name/);
  const { name, ...noName } = base;
  fail(await ctx.admin.post('/system/provider', noName), 400, /name/);
  fail(await ctx.admin.post('/system/provider', { ...base, email: 'nope' }), 400, /email/);
  fail(await ctx.admin.post('/system/provider', { ...base, contact: 7 }), 400, /contact/);
  fail(await ctx.admin.post('/system/provider', { ...base, parentId: 99999999 }), [400, 404]);
  assert.equal((await ctx.admin.list('/system/provider/list', { phone: base.phone })).total, 0, 'nothing half-written');
});

test('add provider: duplicate phone → 409 (providers, properties and user accounts)', async () => {
  const p = await addProvider(ctx.admin);
  fail(await ctx.admin.post('/system/provider', { name: uniq('x'), contact: 'c', phone: p.phone, email: 'd@example.com' }), 409, /phone|手机/);
  const u = await addUser(ctx.admin);
  fail(await ctx.admin.post('/system/provider', { name: uniq('x'), contact: 'c', phone: u.phone, email: 'd@example.com' }), 409, null, 'phone of a user account');
  const ap = await approvedProvider(ctx.admin);
  const prop = await addProperty(ctx.admin, ap.id);
  fail(await ctx.admin.post('/system/provider', { name: uniq('x'), contact: 'c', phone: prop.phone, email: 'd@example.com' }), 409, null, 'phone of a property');
});

test('a pending provider\'s phone is taken: no user or property may use it, and approval still works', async () => {
  const p = await addProvider(ctx.admin);
  fail(await ctx.admin.post('/system/user', { userType: 'system', nickName: 'x', phone: p.phone, email: 'x@example.com', password: 'Passw0rd123', roleIds: [] }), 409, null, 'user with a pending provider\'s phone');
  const ap = await approvedProvider(ctx.admin);
  fail(await ctx.admin.post('/system/property', { providerId: ap.id, name: uniq('物业'), contact: 'c', phone: p.phone, email: 'r@example.com', province: '广东省', city: '深圳市', address: 'x' }), 409, null, 'property with a pending provider\'s phone');
  const r = ok(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 1, auditRemark: 'ok' }));
  ok(await ctx.anon.login(p.phone, r.data.initialPassword));
});

test('edit provider: name/contact/email change, phone is immutable', async () => {
  const p = await addProvider(ctx.admin);
  ok(await ctx.admin.put('/system/provider', { id: p.id, name: p.name + '改', contact: '赵六', email: 'e2@example.com' }));
  const row = ok(await ctx.admin.get(`/system/provider/${p.id}`)).data;
  assert.equal(row.name, p.name + '改');
  assert.equal(row.contact, '赵六');
  assert.equal(row.email, 'e2@example.com');
  assert.equal(row.updateBy, 'admin');
  assert.equal(typeof row.updateTime, 'number');
  fail(await ctx.admin.put('/system/provider', { id: p.id, name: p.name, contact: '赵六', email: 'e2@example.com', phone: randPhone() }), 400, /phone/);
  ok(await ctx.admin.put('/system/provider', { id: p.id, name: p.name, contact: '赵六', email: 'e2@example.com', phone: p.phone }), 'same phone is fine');
  assert.equal(ok(await ctx.admin.get(`/system/provider/${p.id}`)).data.phone, p.phone);
  fail(await ctx.admin.put('/system/provider', { id: 99999999, name: 'x', contact: 'y', email: 'z@example.com' }), 404);
  fail(await ctx.admin.get('/system/provider/99999999'), 404);
});

test('audit approve: login with the initial password works and the top-level dept exists', async () => {
  const p = await approvedProvider(ctx.admin);
  const info = ok(await p.api.get('/getInfo')).data;
  assert.equal(info.user.userType, 'provider');
  assert.equal(info.user.providerId, p.id);
  assert.ok(info.roles.includes('provider_admin'), `roles ${info.roles}`);
  const row = ok(await ctx.admin.get(`/system/provider/${p.id}`)).data;
  assert.equal(row.auditStatus, 1);
  assert.equal(row.userName, p.phone);
  assert.ok(Number.isInteger(row.userId));
  assert.equal(row.auditBy, 'admin');
  assert.equal(typeof row.auditTime, 'number');
  const depts = await deptList(ctx.admin, { providerId: p.id });
  const top = depts.find((d) => d.deptName === p.name);
  assert.ok(top, `top-level dept named as the provider: ${JSON.stringify(depts)}`);
  assert.ok(!top.parentId, 'it is top-level');
  assert.equal(top.providerId, p.id);
  assert.equal(row.deptId, top.id);
  // only pending rows can be audited
  fail(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 2, auditRemark: 'again' }), [400, 409]);
  fail(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 1, auditRemark: 'again' }), [400, 409]);
});

test('audit reject: no account is created', async () => {
  const p = await addProvider(ctx.admin);
  fail(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 3, auditRemark: 'x' }), 400, /auditStatus/);
  const r = ok(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 2, auditRemark: '资料不全' }));
  assert.ok(!r.data || !r.data.initialPassword, 'reject returns no password');
  const row = ok(await ctx.admin.get(`/system/provider/${p.id}`)).data;
  assert.equal(row.auditStatus, 2);
  assert.equal(row.auditRemark, '资料不全');
  assert.ok(!row.userId);
  fail(await ctx.anon.login(p.phone, 'Admin12345'), 400);
  assert.equal((await ctx.admin.list('/system/user/list', { phone: p.phone })).total, 0, 'no user account');
  assert.equal((await deptList(ctx.admin, { providerId: p.id })).length, 0, 'no department');
  fail(await ctx.admin.post('/system/property', { providerId: p.id, name: uniq('物业'), contact: 'c', phone: randPhone(), email: 'r@example.com', province: '广东省', city: '深圳市', address: 'x' }), [400, 409], null, 'rejected provider cannot own properties');
});

test('enable/disable: a disabled provider blocks new properties; its account still logs in', async () => {
  const p = await approvedProvider(ctx.admin);
  const prop = await addProperty(ctx.admin, p.id);
  ok(await ctx.admin.put('/system/provider/changeStatus', { id: p.id, status: 1 }));
  assert.equal(ok(await ctx.admin.get(`/system/provider/${p.id}`)).data.status, 1);
  const body = { providerId: p.id, name: uniq('物业'), contact: 'c', phone: randPhone(), email: 'r@example.com', province: '广东省', city: '深圳市', address: 'x' };
  fail(await ctx.admin.post('/system/property', body), 409, /服务商已停用/);
  fail(await ctx.admin.post('/system/user', { userType: 'provider', providerId: p.id, nickName: 'x', phone: randPhone(), email: 'x@example.com', password: 'Passw0rd123', roleIds: [] }), 409, /服务商已停用/, 'no users under a disabled provider');
  ok(await ctx.anon.login(p.userName, p.initialPassword), 'the provider account still logs in');
  fail(await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'provider', providerId: p.id, remark: '', status: 0, menuIds: [] }), 409, /服务商已停用/, 'no roles');
  const top = (await deptList(ctx.admin, { providerId: p.id })).find((d) => !d.parentId);
  fail(await ctx.admin.post('/system/dept', { parentId: top.id, deptName: uniq('d'), orderNum: 1, leader: '', phone: '', email: '', status: 0 }), 409, /服务商已停用/, 'no depts');
  fail(await ctx.admin.post('/system/post', { deptId: top.id, postCode: uniq('c'), postName: uniq('p'), orderNum: 1, status: 0, remark: '' }), 409, /服务商已停用/, 'no posts');
  const opts = ok(await ctx.admin.get('/system/provider/options')).data;
  assert.ok(!opts.some((o) => o.id === p.id), 'disabled provider not in options');
  fail(await ctx.admin.put('/system/provider/changeStatus', { id: p.id, status: 7 }), 400, /status/);
  const r = await ctx.admin.post('/system/user', { userType: 'property', providerId: p.id, propertyId: prop.id, nickName: 'x', phone: randPhone(), email: 'x@example.com', password: 'Passw0rd123', roleIds: [] });
  fail(r, 409, /已停用/, 'no users in a property of a disabled provider');
  ok(await ctx.admin.put('/system/provider/changeStatus', { id: p.id, status: 0 }));
  ok(await ctx.admin.post('/system/property', body), 'enabled again: property can be added');
});

test('GET /system/provider/options: approved + enabled only', async () => {
  const a = await approvedProvider(ctx.admin);
  const pending = await addProvider(ctx.admin);
  const opts = ok(await ctx.admin.get('/system/provider/options')).data;
  assert.ok(Array.isArray(opts));
  const mine = opts.find((o) => o.id === a.id);
  assert.ok(mine, 'approved provider listed');
  assert.equal(mine.name, a.name);
  assert.ok(!opts.some((o) => o.id === pending.id), 'pending provider not listed');
});

test('provider list filters (name, phone, status, auditStatus, merchantType) and paging', async () => {
  const tag = uniq('筛选');
  const a = await addProvider(ctx.admin, { name: `${tag}甲` });
  const b = await approvedProvider(ctx.admin, { name: `${tag}乙` });
  const c = await addProvider(ctx.admin, { name: `${tag}丙`, parentId: b.id });
  const ids = (r) => r.rows.map((x) => x.id).sort((x, y) => x - y);
  const all = await ctx.admin.list('/system/provider/list', { name: tag });
  assert.equal(all.total, 3);
  assert.deepEqual(ids(all), [a.id, b.id, c.id].sort((x, y) => x - y));
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { phone: a.phone })), [a.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { phone: a.phone.slice(2, 9) })).filter((id) => id === a.id), [a.id], 'phone contains');
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { name: tag, auditStatus: 1 })), [b.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { name: tag, auditStatus: 0 })), [a.id, c.id].sort((x, y) => x - y));
  const sub = await ctx.admin.list('/system/provider/list', { name: tag, merchantType: 2 });
  assert.deepEqual(ids(sub), [c.id]);
  assert.equal(sub.rows[0].parentId, b.id);
  assert.equal(sub.rows[0].parentName, b.name);
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { name: tag, merchantType: 1 })), [a.id, b.id].sort((x, y) => x - y));
  ok(await ctx.admin.put('/system/provider/changeStatus', { id: a.id, status: 1 }));
  assert.deepEqual(ids(await ctx.admin.list('/system/provider/list', { name: tag, status: 1 })), [a.id]);
  assert.equal((await ctx.admin.list('/system/provider/list', { name: tag, status: 0 })).total, 2);
  const p1 = ok(await ctx.admin.get('/system/provider/list', { name: tag, pageSize: 2, pageNum: 1 }));
  const p2 = ok(await ctx.admin.get('/system/provider/list', { name: tag, pageSize: 2, pageNum: 2 }));
  assert.equal(p1.total, 3);
  assert.equal(p2.total, 3);
  assert.equal(p1.rows.length, 2);
  assert.equal(p2.rows.length, 1);
  const paged = [...p1.rows, ...p2.rows].map((x) => x.id).sort((x, y) => x - y);
  assert.deepEqual(paged, [a.id, b.id, c.id].sort((x, y) => x - y), 'pages do not overlap');
  const asc = ok(await ctx.admin.get('/system/provider/list', { name: tag, orderByColumn: 'createTime', isAsc: 'asc' })).rows.map((x) => x.createTime);
  const desc = ok(await ctx.admin.get('/system/provider/list', { name: tag, orderByColumn: 'createTime', isAsc: 'desc' })).rows.map((x) => x.createTime);
  assert.equal(asc.length, 3);
  assert.deepEqual(asc, [...asc].sort((x, y) => x - y), 'orderByColumn=createTime&isAsc=asc');
  assert.deepEqual(desc, [...asc].sort((x, y) => y - x), 'orderByColumn=createTime&isAsc=desc');
  fail(await ctx.admin.get('/system/provider/list', { auditStatus: 'x' }), 400, /auditStatus/);
});

test('a provider user sees only its own provider', async () => {
  const p = await approvedProvider(ctx.admin);
  const q = await approvedProvider(ctx.admin);
  const r = await p.api.get('/system/provider/list', { pageSize: 500 });
  if (r.status === 200) {
    assert.ok(r.body.rows.every((x) => x.id === p.id || x.parentId === p.id), 'only own provider (and its sub-merchants)');
    assert.ok(!r.body.rows.some((x) => x.id === q.id));
  } else fail(r, 403);
  const g = await p.api.get(`/system/provider/${q.id}`);
  assert.ok([403, 404].includes(g.status), `other provider: ${g.status}`);
});
