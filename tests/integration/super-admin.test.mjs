// Issue 13 item 5 — the one rule every path that changes roles, role grants or accounts keeps
// (docs/api-system.md "Keeping an administrator"): there is always at least one enabled user holding the
// super-administrator role, and a user cannot remove their own last role that grants system:user:edit.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, addRole, menuIds, PASSWORD, ADMIN_PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';

const ctx = useServer();
let adminRole; let me;

before(async () => {
  await ctx.ready();
  adminRole = (await ctx.admin.list('/system/role/list', { roleType: 'system' })).rows.find((r) => r.roleKey === 'admin');
  assert.ok(adminRole, 'built-in admin role');
  me = ok(await ctx.admin.get('/getInfo')).data.user;
});

const LAST_ADMIN = /超级管理员/;
const OWN_LAST_EDIT = /system:user:edit/;

async function rolesOf(id, api = ctx.admin) {
  return ok(await api.get(`/system/user/${id}`)).data.roleIds;
}

async function stillSuper(api) {
  const info = ok(await api.get('/getInfo')).data;
  assert.ok(info.roles.includes('admin'), `roles ${info.roles}`);
  assert.ok(info.permissions.includes('*:*:*'), `permissions ${info.permissions}`);
}

test('the only super administrator cannot strip themselves of every role (user edit)', async () => {
  fail(await ctx.admin.put('/system/user', { id: me.id, nickName: me.nickName || 'admin', email: '', roleIds: [] }), 409, LAST_ADMIN);
  await stillSuper(ctx.admin);
  assert.deepEqual(await rolesOf(me.id), [adminRole.id], 'nothing changed');
  // nor by un-assigning the role
  fail(await ctx.admin.put('/system/role/authUser/cancel', { roleId: adminRole.id, userIds: [me.id] }), 409, LAST_ADMIN);
  await stillSuper(ctx.admin);
  // an edit that keeps the role is fine
  ok(await ctx.admin.put('/system/user', { id: me.id, nickName: 'admin', email: '', roleIds: [adminRole.id] }));
});

test('with a second super administrator the role can move, but the last one always stays', async () => {
  const other = await addUser(ctx.admin, { roleIds: [adminRole.id] });
  const otherApi = await ctx.anon.session(other.userName, PASSWORD);
  await stillSuper(otherApi);
  // the other super administrator takes the role from the first one
  ok(await otherApi.put('/system/role/authUser/cancel', { roleId: adminRole.id, userIds: [me.id] }));
  assert.deepEqual(await rolesOf(me.id, otherApi), []);
  // now it is the last one: it cannot remove its own role by any path
  fail(await otherApi.put('/system/user', { id: other.id, nickName: other.nickName, email: '', roleIds: [] }), 409, LAST_ADMIN);
  fail(await otherApi.put('/system/role/authUser/cancel', { roleId: adminRole.id, userIds: [other.id] }), 409, LAST_ADMIN);
  await stillSuper(otherApi);
  // and gives it back
  ok(await otherApi.put('/system/role/authUser/select', { roleId: adminRole.id, userIds: [me.id] }));
  const admin = await ctx.anon.session('admin', ADMIN_PASSWORD);
  await stillSuper(admin);
  ctx.admin = admin;
  // disabling or deleting another super administrator is fine while one stays enabled
  ok(await ctx.admin.put('/system/user/changeStatus', { id: other.id, status: 1 }));
  ok(await ctx.admin.put('/system/user/changeStatus', { id: other.id, status: 0 }));
  ok(await ctx.admin.del(`/system/user/${other.id}`));
  await stillSuper(ctx.admin);
});

test('a user cannot remove their own last role that grants system:user:edit (every path)', async () => {
  const perms = ['system:user:list', 'system:user:query', 'system:user:edit', 'system:role:list', 'system:role:query',
    'system:role:edit', 'system:role:status', 'system:role:auth', 'system:role:remove'];
  const ids = await menuIds(ctx.admin, perms);
  const role = await addRole(ctx.admin, { menuIds: ids });
  const u = await addUser(ctx.admin, { roleIds: [role.id] });
  const s = await ctx.anon.session(u.userName, PASSWORD);
  const body = { id: u.id, nickName: u.nickName, email: u.email };
  // user edit
  fail(await s.put('/system/user', { ...body, roleIds: [] }), 409, OWN_LAST_EDIT, 'own roles emptied');
  // role un-assignment
  fail(await s.put('/system/role/authUser/cancel', { roleId: role.id, userIds: [u.id] }), 409, OWN_LAST_EDIT, 'own role cancelled');
  // role disable (status change and edit)
  fail(await s.put('/system/role/changeStatus', { id: role.id, status: 1 }), 409, OWN_LAST_EDIT, 'own role disabled');
  fail(await s.put('/system/role', { id: role.id, roleName: role.roleName, remark: '', status: 1, menuIds: ids }), 409, OWN_LAST_EDIT, 'own role disabled by edit');
  // the grant taken out of the role
  const withoutEdit = await menuIds(ctx.admin, perms.filter((p) => p !== 'system:user:edit'));
  fail(await s.put('/system/role', { id: role.id, roleName: role.roleName, remark: '', status: 0, menuIds: withoutEdit }), 409, OWN_LAST_EDIT, 'user:edit taken out of own role');
  // nothing changed, the user still edits users
  const row = ok(await ctx.admin.get(`/system/role/${role.id}`)).data;
  assert.equal(row.status, 0);
  assert.deepEqual([...row.menuIds].sort((a, b) => a - b), [...ids].sort((a, b) => a - b));
  assert.deepEqual(await rolesOf(u.id), [role.id]);
  assert.ok(ok(await s.get('/getInfo')).data.permissions.includes('system:user:edit'));
  // with a second role that grants system:user:edit the first one can go
  const second = await addRole(ctx.admin, { menuIds: await menuIds(ctx.admin, ['system:user:list', 'system:user:edit']) });
  ok(await ctx.admin.put('/system/role/authUser/select', { roleId: second.id, userIds: [u.id] }));
  ok(await s.put('/system/user', { ...body, roleIds: [second.id] }));
  assert.deepEqual(await rolesOf(u.id), [second.id]);
  // someone else may still take the user's roles (the rule is about one's own last role)
  ok(await ctx.admin.put('/system/user', { ...body, roleIds: [] }));
  assert.deepEqual(await rolesOf(u.id), []);
});

test('a role that is not one\'s last user-edit role can be disabled, edited and removed as before', async () => {
  const role = await addRole(ctx.admin, { menuIds: await menuIds(ctx.admin, ['system:user:list', 'system:user:edit']) });
  const u = await addUser(ctx.admin, { roleIds: [role.id] });
  ok(await ctx.admin.put('/system/role/changeStatus', { id: role.id, status: 1 }));
  ok(await ctx.admin.put('/system/role/changeStatus', { id: role.id, status: 0 }));
  ok(await ctx.admin.put('/system/role/authUser/cancel', { roleId: role.id, userIds: [u.id] }));
  ok(await ctx.admin.del(`/system/role/${role.id}`));
  await stillSuper(ctx.admin);
});
