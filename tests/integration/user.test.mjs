// SYS-USER users.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, approvedProvider, addProperty, addUser, addRole, addDept, addPost, topDept, userWithPerms, PASSWORD,
} from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq, sleep } from './lib/client.mjs';

const ctx = useServer();
let P; let A; let topA; let B; let topB;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await addProperty(ctx.admin, P.id);
  B = await addProperty(ctx.admin, P.id);
  topA = await topDept(ctx.admin, { propertyId: A.id, name: A.name });
  topB = await topDept(ctx.admin, { propertyId: B.id, name: B.name });
});

const propUser = (extra = {}) => ({ userType: 'property', providerId: P.id, propertyId: A.id, ...extra });

test('add system user: row fields, login works, GET /{id} has stations', async () => {
  const u = await addUser(ctx.admin);
  const row = ok(await ctx.admin.get(`/system/user/${u.id}`)).data;
  assert.equal(row.userName, u.phone);
  assert.equal(row.nickName, u.nickName);
  assert.equal(row.phone, u.phone);
  assert.equal(row.email, u.email);
  assert.equal(row.userType, 'system');
  assert.equal(row.status, 0);
  assert.equal(row.createBy, 'admin');
  assert.equal(typeof row.createTime, 'number');
  assert.ok(!('password' in row) || !row.password, 'password never returned');
  assert.ok(Array.isArray(row.stations) && row.stations.length === 0);
  assert.ok(Array.isArray(row.roleIds));
  ok(await ctx.anon.login(u.userName, PASSWORD));
});

test('add user: validation errors name the field; duplicate phone → 409', async () => {
  const base = { userType: 'system', nickName: 'n', phone: randPhone(), email: 'v@example.com', password: PASSWORD, roleIds: [] };
  fail(await ctx.admin.post('/system/user', { ...base, phone: '123' }), 400, /phone/);
  fail(await ctx.admin.post('/system/user', { ...base, password: 'short1' }), 400, /password/);
  fail(await ctx.admin.post('/system/user', { ...base, password: 'nodigitsatall' }), 400, /password/);
  fail(await ctx.admin.post('/system/user', { ...base, password: 'x'.repeat(60) + '12345' }), 400, /password/);
  fail(await ctx.admin.post('/system/user', { ...base, userType: 'alien' }), 400, /userType/);
  fail(await ctx.admin.post('/system/user', { ...base, email: 'bad' }), 400, /email/);
  fail(await ctx.admin.post('/system/user', { ...base, roleIds: 'x' }), 400, /roleIds/);
  fail(await ctx.admin.post('/system/user', { ...base, userType: 'property' }), 400, /propertyId/);
  fail(await ctx.admin.post('/system/user', { ...base, userType: 'provider' }), 400, /providerId/);
  fail(await ctx.admin.post('/system/user', { ...base, userType: 'collective' }), 400, /collectiveId/);
  const sys = await ctx.admin.post('/system/user', { ...base, phone: randPhone(), userType: 'system', providerId: P.id, propertyId: A.id });
  if (sys.status === 200) {
    const row = ok(await ctx.admin.get(`/system/user/${sys.body.data.id}`)).data;
    assert.ok(!row.propertyId && !row.providerId, 'a system user carries no owner ids (dropped or refused)');
  } else fail(sys, 400, /propertyId|providerId/);
  assert.equal((await ctx.admin.list('/system/user/list', { phone: base.phone })).total, 0, 'nothing half-written');
  const u = await addUser(ctx.admin);
  fail(await ctx.admin.post('/system/user', { ...base, phone: u.phone }), 409, /phone|手机/);
  fail(await ctx.admin.post('/system/user', { ...base, phone: P.phone }), 409, null, 'phone of a provider login');
});

test('password rule: 8–64 chars with a letter and a digit', async () => {
  const base = { userType: 'system', nickName: 'n', email: 'v@example.com', roleIds: [] };
  ok(await ctx.admin.post('/system/user', { ...base, phone: randPhone(), password: 'abcdefg1' }), '8 chars');
  const long = 'a'.repeat(63) + '1';
  const u = await addUser(ctx.admin, { password: long });
  ok(await ctx.anon.login(u.userName, long), '64 chars');
  fail(await ctx.admin.post('/system/user', { ...base, phone: randPhone(), password: 'abcdef1' }), 400, /password/);
  fail(await ctx.admin.post('/system/user', { ...base, phone: randPhone(), password: 'a'.repeat(64) + '1' }), 400, /password/);
});

test('no mass assignment: profile and edit bodies cannot change type, owner, status or phone', async () => {
  const adminRole = (await ctx.admin.list('/system/role/list', { roleType: 'system' })).rows.find((r) => r.roleKey === 'admin');
  const u = await addUser(ctx.admin, propUser());
  const s = await ctx.anon.session(u.userName, PASSWORD);
  const pr = await s.put('/system/user/profile', { nickName: 'me', email: 'me@example.com', userType: 'system', propertyId: B.id, providerId: null, roleIds: [adminRole.id], status: 1, phone: randPhone(), userName: 'admin2', deptId: topB.id });
  assert.ok([200, 400].includes(pr.status), `profile with extra fields: ${pr.status}`);
  const info = ok(await s.get('/getInfo')).data;
  assert.equal(info.user.userType, 'property');
  assert.equal(info.user.propertyId, A.id);
  assert.equal(info.user.userName, u.userName);
  assert.equal(info.user.phone, u.phone);
  assert.ok(!info.roles.includes('admin') && !info.permissions.includes('*:*:*'));
  assert.equal(ok(await ctx.admin.get(`/system/user/${u.id}`)).data.status, 0);
  const ed = await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'x@example.com', deptId: null, postId: null, roleIds: [], userType: 'system', propertyId: B.id, phone: randPhone(), userName: 'renamed' });
  assert.ok([200, 400].includes(ed.status), `edit with extra fields: ${ed.status}`);
  const row = ok(await ctx.admin.get(`/system/user/${u.id}`)).data;
  assert.equal(row.userType, 'property');
  assert.equal(row.propertyId, A.id);
  assert.equal(row.phone, u.phone);
  assert.equal(row.userName, u.userName);
  const d = await addDept(ctx.admin, topA.id);
  const de = await ctx.admin.put('/system/dept', { id: d.id, parentId: topA.id, deptName: d.deptName, orderNum: 1, leader: '', phone: '', email: '', status: 0, propertyId: B.id, providerId: 99 });
  assert.ok([200, 400].includes(de.status));
  const drow = ok(await ctx.admin.get(`/system/dept/${d.id}`)).data;
  assert.equal(drow.propertyId, A.id, 'dept owner comes from the parent only');
  assert.equal(drow.providerId, P.id);
});

test('add property user with dept, post and role of its property', async () => {
  const d = await addDept(ctx.admin, topA.id);
  const post = await addPost(ctx.admin, d.id);
  const role = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id });
  const u = await addUser(ctx.admin, propUser({ deptId: d.id, postId: post.id, roleIds: [role.id] }));
  const row = ok(await ctx.admin.get(`/system/user/${u.id}`)).data;
  assert.equal(row.userType, 'property');
  assert.equal(row.propertyId, A.id);
  assert.equal(row.propertyName, A.name);
  assert.equal(row.providerId, P.id);
  assert.equal(row.deptId, d.id);
  assert.equal(row.deptName, d.deptName);
  assert.equal(row.postId, post.id);
  assert.equal(row.postName, post.postName);
  assert.deepEqual(row.roleIds, [role.id]);
  assert.deepEqual(row.roleNames, [role.roleName]);
});

test('add user: dept/post/role of another owner or a mismatched owner is refused', async () => {
  const dB = await addDept(ctx.admin, topB.id);
  const postB = await addPost(ctx.admin, dB.id);
  const roleB = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: B.id });
  const sysRole = await addRole(ctx.admin);
  for (const [what, extra] of [
    ['dept of B', { deptId: dB.id }],
    ['post of B', { postId: postB.id }],
    ['role of B', { roleIds: [roleB.id] }],
    ['system role for a property user', { roleIds: [sysRole.id] }],
    ['property of another provider', { providerId: (await approvedProvider(ctx.admin)).id }],
    ['unknown dept', { deptId: 99999999 }],
  ]) {
    const r = await ctx.admin.post('/system/user', { ...propUser(extra), nickName: 'x', phone: randPhone(), email: 'x@example.com', password: PASSWORD, roleIds: extra.roleIds || [] });
    assert.ok([400, 404, 409].includes(r.status), `${what}: expected a 4xx refusal, got ${r.status} ${r.text}`);
  }
});

test('edit user: nickName, email, dept, post, roles', async () => {
  const u = await addUser(ctx.admin, propUser());
  const d = await addDept(ctx.admin, topA.id);
  const post = await addPost(ctx.admin, d.id);
  const r1 = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id });
  const r2 = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id });
  ok(await ctx.admin.put('/system/user', { id: u.id, nickName: '改名', email: 'edit@example.com', deptId: d.id, postId: post.id, roleIds: [r1.id, r2.id] }));
  const row = ok(await ctx.admin.get(`/system/user/${u.id}`)).data;
  assert.equal(row.nickName, '改名');
  assert.equal(row.email, 'edit@example.com');
  assert.equal(row.deptId, d.id);
  assert.equal(row.postId, post.id);
  assert.deepEqual([...row.roleIds].sort((a, b) => a - b), [r1.id, r2.id].sort((a, b) => a - b));
  assert.equal(row.updateBy, 'admin');
  assert.equal(row.phone, u.phone, 'phone unchanged');
  ok(await ctx.admin.put('/system/user', { id: u.id, nickName: '改名', email: 'edit@example.com', deptId: d.id, postId: null, roleIds: [] }));
  const row2 = ok(await ctx.admin.get(`/system/user/${u.id}`)).data;
  assert.deepEqual(row2.roleIds, []);
  assert.ok(!row2.postId);
  fail(await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'bad', deptId: d.id, postId: null, roleIds: [] }), 400, /email/);
  fail(await ctx.admin.put('/system/user', { id: 99999999, nickName: 'x', email: 'x@example.com', deptId: null, postId: null, roleIds: [] }), 404);
});

test('change user status', async () => {
  const u = await addUser(ctx.admin);
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 1 }));
  assert.equal(ok(await ctx.admin.get(`/system/user/${u.id}`)).data.status, 1);
  fail(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 'off' }), 400, /status/);
  fail(await ctx.admin.put('/system/user/changeStatus', { id: 99999999, status: 1 }), 404);
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 0 }));
});

test('delete users (comma-separated ids); never yourself nor id 1', async () => {
  const a = await addUser(ctx.admin);
  const b = await addUser(ctx.admin);
  const c = await addUser(ctx.admin);
  const sa = await ctx.anon.session(a.userName, PASSWORD);
  ok(await ctx.admin.del(`/system/user/${a.id}`));
  fail(await sa.get('/getInfo'), 401, null, 'a deleted user\'s session');
  fail(await ctx.admin.get(`/system/user/${a.id}`), 404);
  fail(await ctx.anon.login(a.userName, PASSWORD), 400, null, 'deleted user cannot log in');
  ok(await ctx.admin.del(`/system/user/${b.id},${c.id}`));
  fail(await ctx.admin.get(`/system/user/${b.id}`), 404);
  fail(await ctx.admin.get(`/system/user/${c.id}`), 404);
  const me = ok(await ctx.admin.get('/getInfo')).data.user;
  fail(await ctx.admin.del(`/system/user/${me.id}`), [400, 403, 409], null, 'delete self');
  fail(await ctx.admin.del('/system/user/1'), [400, 403, 409], null, 'delete id 1');
  ok(await ctx.admin.get('/getInfo'), 'admin still there');
  // a user allowed to remove users still cannot remove themselves
  const ur = await userWithPerms(ctx.admin, ['system:user:list', 'system:user:remove']);
  fail(await ur.api.del(`/system/user/${ur.user.id}`), [400, 403, 409], null, 'delete self (non-admin)');
  fail(await ur.api.del('/system/user/1'), [400, 403, 409], null, 'delete id 1 (non-admin)');
  ok(await ctx.anon.login(ur.user.userName, PASSWORD));
  fail(await ctx.admin.del('/system/user/abc'), [400, 404]);
});

test('reset password', async () => {
  const u = await addUser(ctx.admin);
  ok(await ctx.admin.put('/system/user/resetPwd', { id: u.id, password: 'NewPass999' }));
  ok(await ctx.anon.login(u.userName, 'NewPass999'));
  fail(await ctx.admin.put('/system/user/resetPwd', { id: u.id, password: '12345678' }), 400, /password/);
  fail(await ctx.admin.put('/system/user/resetPwd', { id: 99999999, password: 'NewPass999' }), 404);
});

test('bind stations: validated, replaces the bindings of one type', async () => {
  const u = await addUser(ctx.admin, propUser());
  ok(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: [] }));
  ok(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'bike', stationIds: [] }));
  assert.deepEqual(ok(await ctx.admin.get(`/system/user/${u.id}`)).data.stations, []);
  fail(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'boat', stationIds: [] }), 400, /stationType/);
  fail(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: 'x' }), 400, /stationIds/);
  fail(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: ['a'] }), 400, /stationIds/);
  const r = await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: [99999999] });
  assert.ok([400, 404].includes(r.status), `unknown station refused: ${r.status} ${r.text}`);
  fail(await ctx.admin.put('/system/user/stations', { id: 99999999, stationType: 'car', stationIds: [] }), 404);
  const opts = ok(await ctx.admin.get('/system/user/stationOptions', { stationType: 'car', userId: u.id })).data;
  assert.ok(Array.isArray(opts));
  fail(await ctx.admin.get('/system/user/stationOptions', { stationType: 'boat', userId: u.id }), 400, /stationType/);
});

test('user list filters: userType, status, time range, roleId, deptId (with sub-depts), names, owners', async () => {
  const t0 = Date.now() - 1;
  await sleep(5);
  const d1 = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, d1.id);
  const role = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id });
  const nick = uniq('筛选用户');
  const u1 = await addUser(ctx.admin, propUser({ nickName: nick + '1', deptId: d1.id, roleIds: [role.id] }));
  const u2 = await addUser(ctx.admin, propUser({ nickName: nick + '2', deptId: d2.id }));
  const u3 = await addUser(ctx.admin, { nickName: nick + '3' });
  await sleep(5);
  const t1 = Date.now() + 1;
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u2.id, status: 1 }));
  const ids = (r) => r.rows.map((x) => x.id).sort((x, y) => x - y);
  const s = (...xs) => xs.sort((x, y) => x - y);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick })), s(u1.id, u2.id, u3.id));
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, userType: 'property' })), s(u1.id, u2.id));
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, userType: 'system' })), [u3.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, status: 1 })), [u2.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, status: 0 })), s(u1.id, u3.id));
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { roleId: role.id })), [u1.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { deptId: d1.id })), s(u1.id, u2.id), 'deptId includes sub-depts');
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { deptId: d2.id })), [u2.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, beginTime: t0, endTime: t1 })), s(u1.id, u2.id, u3.id));
  assert.equal((await ctx.admin.list('/system/user/list', { nickName: nick, endTime: t0 - 1 })).total, 0);
  assert.equal((await ctx.admin.list('/system/user/list', { nickName: nick, beginTime: t1 + 1 })).total, 0);
  const ct = ok(await ctx.admin.get(`/system/user/${u3.id}`)).data.createTime;
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, beginTime: ct, endTime: ct })).filter((id) => id === u3.id), [u3.id], 'beginTime/endTime are inclusive');
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { phone: u3.phone })), [u3.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { userName: u1.userName })), [u1.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, propertyId: A.id })), s(u1.id, u2.id));
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, propertyId: B.id })), []);
  assert.deepEqual(ids(await ctx.admin.list('/system/user/list', { nickName: nick, providerId: P.id })), s(u1.id, u2.id));
  fail(await ctx.admin.get('/system/user/list', { beginTime: 'yesterday' }), 400, /beginTime/);
  fail(await ctx.admin.get('/system/user/list', { roleId: 'x' }), 400, /roleId/);
  const paged = ok(await ctx.admin.get('/system/user/list', { nickName: nick, pageSize: 1, pageNum: 3 }));
  assert.equal(paged.total, 3);
  assert.equal(paged.rows.length, 1);
});
