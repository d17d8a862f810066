// Auth: login, logout, getInfo, getRouters, profile, password changes, disabled users, lockout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, PASSWORD, ADMIN_PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';

const ctx = useServer();
const BAD_LOGIN = /用户名或密码错误/;

test('POST /login with the bootstrap admin returns a token and expiresAt', async () => {
  const r = await ctx.anon.login('admin', ADMIN_PASSWORD);
  const b = ok(r);
  assert.equal(typeof b.data.token, 'string');
  assert.ok(b.data.token.length >= 16, 'token is long enough to be unguessable');
  assert.equal(typeof b.data.expiresAt, 'number');
  assert.ok(b.data.expiresAt > Date.now(), 'expiresAt is epoch ms in the future');
  assert.ok(b.data.expiresAt < Date.now() + 366 * 86400e3, 'expiresAt is epoch milliseconds');
});

test('wrong password → 400 用户名或密码错误, recorded in the login log with status 1', async () => {
  const u = await addUser(ctx.admin);
  const t0 = Date.now() - 1000;
  fail(await ctx.anon.login(u.userName, 'Wrong12345'), 400, BAD_LOGIN);
  fail(await ctx.anon.login('nobody-' + u.userName, 'Wrong12345'), 400, BAD_LOGIN, 'unknown user: same message');
  fail(await ctx.anon.login(u.userName, ''), 400, null, 'empty password');
  const rows = (await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, status: 1, beginTime: t0 })).rows;
  assert.ok(rows.length >= 1, 'failed login is in the login log');
  assert.ok(rows.every((x) => x.status === 1 && x.userName === u.userName));
  assert.equal(typeof rows[0].loginTime, 'number');
  assert.ok(rows[0].loginTime >= t0, 'loginTime in epoch ms');
  ok(await ctx.anon.login(u.userName, u.password), 'the account is not harmed by one failure');
  const okRows = (await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, status: 0 })).rows;
  assert.ok(okRows.length >= 1 && okRows.every((x) => x.status === 0), 'successful login has status 0');
});

test('5 failed logins lock the account (账号已锁定) even for the right password', async () => {
  const u = await addUser(ctx.admin);
  for (let i = 0; i < 5; i++) {
    const r = await ctx.anon.login(u.userName, 'Wrong12345');
    assert.equal(r.status, 400, `failure ${i + 1}`);
  }
  fail(await ctx.anon.login(u.userName, u.password), 400, /账号已锁定，请\d+分钟后再试/);
  fail(await ctx.anon.login(u.userName, 'Wrong12345'), 400, /锁定/);
  // another account is unaffected
  const other = await addUser(ctx.admin);
  ok(await ctx.anon.login(other.userName, other.password));
});

test('POST /logout revokes the token', async () => {
  const s = await ctx.anon.session('admin', ADMIN_PASSWORD);
  ok(await s.get('/getInfo'));
  const r = ok(await s.post('/logout'));
  assert.ok(r.data === null || r.data === undefined);
  fail(await s.get('/getInfo'), 401);
  ok(await ctx.admin.get('/getInfo'), 'other sessions of the same user stay valid');
});

test('GET /getInfo: admin has *:*:* and the documented user fields', async () => {
  const d = (ok(await ctx.admin.get('/getInfo'))).data;
  assert.deepEqual(d.permissions, ['*:*:*']);
  assert.ok(Array.isArray(d.roles) && d.roles.includes('admin'), `roles: ${JSON.stringify(d.roles)}`);
  assert.equal(d.user.userName, 'admin');
  assert.equal(d.user.userType, 'system');
  assert.ok(Number.isInteger(d.user.id));
  for (const k of ['id', 'userName', 'nickName', 'phone', 'email', 'userType', 'providerId', 'propertyId', 'collectiveId', 'deptId', 'deptName', 'avatar']) {
    assert.ok(k in d.user, `getInfo.user.${k} present`);
  }
});

test('GET /getRouters gives the seven top-level modules for admin', async () => {
  const d = ok(await ctx.admin.get('/getRouters')).data;
  assert.ok(Array.isArray(d), 'data is the menu tree array');
  assert.equal(d.length, 7, `seven modules: ${d.map((x) => x.path).join(', ')}`);
  const paths = d.map((x) => x.path);
  for (const p of ['/car', '/bike', '/order', '/member', '/stat', '/system']) assert.ok(paths.includes(p), `top-level ${p} in ${paths}`);
  assert.ok(paths.includes('/index') || paths.includes('/'), `home (/index) in ${paths}`);
  for (const m of d) {
    assert.equal(m.component, 'Layout', `${m.path} component Layout`);
    assert.ok(m.path.startsWith('/'), 'top-level paths are absolute');
    assert.equal(typeof m.meta?.title, 'string');
    assert.equal(typeof m.meta?.titleEn, 'string');
    assert.equal(typeof m.hidden, 'boolean');
  }
  const system = d.find((x) => x.path === '/system');
  const leaves = system.children.map((c) => c.path);
  for (const leaf of ['provider', 'property', 'user', 'role', 'dept', 'post']) assert.ok(leaves.includes(leaf), `/system/${leaf} in ${leaves}`);
  const user = system.children.find((c) => c.path === 'user');
  assert.equal(user.component, 'system/user/index');
  assert.equal(user.meta.title, '用户管理');
});

test('GET/PUT /system/user/profile', async () => {
  const u = await addUser(ctx.admin);
  const s = await ctx.anon.session(u.userName, u.password);
  const p = ok(await s.get('/system/user/profile')).data;
  assert.equal(p.userName, u.userName);
  assert.equal(p.id, u.id);
  ok(await s.put('/system/user/profile', { nickName: '新昵称', email: 'new@example.com' }));
  const p2 = ok(await s.get('/system/user/profile')).data;
  assert.equal(p2.nickName, '新昵称');
  assert.equal(p2.email, 'new@example.com');
  fail(await s.put('/system/user/profile', { nickName: '新昵称', email: 'not-an-email' }), 400, /email/);
});

test('change own password: rule enforced, other sessions revoked, old password stops working', async () => {
  const u = await addUser(ctx.admin);
  const s1 = await ctx.anon.session(u.userName, u.password);
  const s2 = await ctx.anon.session(u.userName, u.password);
  fail(await s1.put('/system/user/profile/updatePwd', { oldPassword: 'Wrong12345', newPassword: 'Better12345' }), 400);
  fail(await s1.put('/system/user/profile/updatePwd', { oldPassword: u.password, newPassword: 'short1' }), 400, /newPassword/);
  fail(await s1.put('/system/user/profile/updatePwd', { oldPassword: u.password, newPassword: 'onlyletterslong' }), 400, /newPassword/);
  fail(await s1.put('/system/user/profile/updatePwd', { oldPassword: u.password, newPassword: '1234567890' }), 400, /newPassword/);
  ok(await s2.get('/getInfo'), 'failed attempts revoke nothing');
  ok(await s1.put('/system/user/profile/updatePwd', { oldPassword: u.password, newPassword: 'Better12345' }));
  fail(await s2.get('/getInfo'), 401, null, 'the other session is revoked');
  ok(await s1.get('/getInfo'), 'the session that changed it stays valid');
  fail(await ctx.anon.login(u.userName, u.password), 400, BAD_LOGIN);
  ok(await ctx.anon.login(u.userName, 'Better12345'));
});

test('a disabled user cannot log in and its sessions are revoked', async () => {
  const u = await addUser(ctx.admin);
  const s = await ctx.anon.session(u.userName, u.password);
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 1 }));
  fail(await s.get('/getInfo'), 401, null, 'existing session');
  const r = await ctx.anon.login(u.userName, u.password);
  assert.equal(r.status, 400, `disabled login refused: ${r.text}`);
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 0 }));
  ok(await ctx.anon.login(u.userName, u.password), 'enabled again');
});

test('reset password (admin) revokes the user\'s sessions', async () => {
  const u = await addUser(ctx.admin);
  const s = await ctx.anon.session(u.userName, u.password);
  fail(await ctx.admin.put('/system/user/resetPwd', { id: u.id, password: 'abc' }), 400, /password/);
  ok(await ctx.admin.put('/system/user/resetPwd', { id: u.id, password: 'Reset12345' }));
  fail(await s.get('/getInfo'), 401);
  fail(await ctx.anon.login(u.userName, u.password), 400, BAD_LOGIN);
  ok(await ctx.anon.login(u.userName, 'Reset12345'));
});

test('edit user with a password revokes sessions too', async () => {
  const u = await addUser(ctx.admin);
  const s = await ctx.anon.session(u.userName, u.password);
  ok(await ctx.admin.put('/system/user', { id: u.id, nickName: u.nickName, email: u.email, deptId: null, postId: null, roleIds: [], password: 'Edited12345' }));
  fail(await s.get('/getInfo'), 401);
  ok(await ctx.anon.login(u.userName, 'Edited12345'));
});
