// SYS-ROLE roles: menus drive routers and the server's permission check.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, approvedProvider, addProperty, addUser, addRole, addDept, topDept, menuTree, menuIds, PASSWORD,
} from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq, walk, sleep } from './lib/client.mjs';

const ctx = useServer();
let P; let A; let B; let deptA;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await addProperty(ctx.admin, P.id);
  B = await addProperty(ctx.admin, P.id);
  deptA = await topDept(ctx.admin, { propertyId: A.id, name: A.name });
});

const postBody = () => ({ deptId: deptA.id, postCode: uniq('c'), postName: uniq('岗位'), orderNum: 1, status: 0, remark: '' });
const sortNum = (xs) => [...xs].sort((a, b) => a - b);

test('GET /system/role/menuTree: nodes {id,label,labelEn,children} for all seven modules', async () => {
  const tree = await menuTree(ctx.admin);
  assert.ok(tree.length >= 7, `seven modules at the top: ${tree.map((n) => n.label)}`);
  for (const [n] of walk(tree)) {
    assert.ok(Number.isInteger(n.id), 'id');
    assert.equal(typeof n.label, 'string');
    assert.equal(typeof n.labelEn, 'string');
  }
  const labels = tree.map((n) => n.label);
  for (const l of ['系统管理', '汽车管理', '单车管理', '订单管理', '会员中心', '汇总统计']) assert.ok(labels.includes(l), `${l} in ${labels}`);
});

test('add role with menus; GET /{id} returns them', async () => {
  const ids = await menuIds(ctx.admin, ['system:post:list', 'system:post:query']);
  const r = await addRole(ctx.admin, { menuIds: ids, remark: '岗位只读' });
  const row = ok(await ctx.admin.get(`/system/role/${r.id}`)).data;
  assert.equal(row.roleName, r.roleName);
  assert.equal(row.roleType, 'system');
  assert.equal(row.status, 0);
  assert.equal(row.remark, '岗位只读');
  assert.equal(row.userCount, 0);
  assert.ok(!row.builtIn);
  assert.deepEqual(sortNum(row.menuIds), sortNum(ids));
  fail(await ctx.admin.post('/system/role', { roleName: '', roleType: 'system', status: 0, menuIds: [] }), 400, /roleName/);
  fail(await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'martian', status: 0, menuIds: [] }), 400, /roleType/);
  fail(await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'property', status: 0, menuIds: [] }), 400, /propertyId/);
  const bad = await ctx.admin.post('/system/role', { roleName: uniq('r'), roleType: 'system', status: 0, menuIds: [99999999] });
  assert.ok([400, 404].includes(bad.status), `unknown menu id refused: ${bad.status}`);
});

test('menus drive /getRouters and /getInfo; the server checks system:post:add (403 → 200 once granted)', async () => {
  const readIds = await menuIds(ctx.admin, ['system:post:list', 'system:post:query']);
  const role = await addRole(ctx.admin, { menuIds: readIds });
  const u = await addUser(ctx.admin, { roleIds: [role.id] });
  let s = await ctx.anon.session(u.userName, PASSWORD);
  const info = ok(await s.get('/getInfo')).data;
  assert.ok(info.permissions.includes('system:post:list'), `permissions ${info.permissions}`);
  assert.ok(!info.permissions.includes('system:post:add'));
  assert.ok(!info.permissions.includes('*:*:*'));
  const routers = ok(await s.get('/getRouters')).data;
  const top = routers.map((m) => m.path);
  assert.ok(top.includes('/system'), `routers ${top}`);
  for (const p of ['/car', '/bike', '/order', '/member', '/stat']) assert.ok(!top.includes(p), `${p} not granted`);
  const sys = routers.find((m) => m.path === '/system');
  assert.deepEqual(sys.children.map((c) => c.path), ['post']);
  ok(await s.get('/system/post/list'));
  fail(await s.post('/system/post', postBody()), 403);
  fail(await s.get('/system/user/list'), 403);
  // grant system:post:add
  const allIds = await menuIds(ctx.admin, ['system:post:list', 'system:post:query', 'system:post:add']);
  ok(await ctx.admin.put('/system/role', { id: role.id, roleName: role.roleName, remark: '', status: 0, menuIds: allIds }));
  s = await ctx.anon.session(u.userName, PASSWORD);
  assert.ok(ok(await s.get('/getInfo')).data.permissions.includes('system:post:add'));
  ok(await s.post('/system/post', postBody()), 'granted: POST /system/post');
});

test('a disabled role grants nothing, cannot be assigned and is not offered', async () => {
  const ids = await menuIds(ctx.admin, ['system:post:list', 'system:post:add']);
  const role = await addRole(ctx.admin, { menuIds: ids });
  const u = await addUser(ctx.admin, { roleIds: [role.id] });
  ok(await (await ctx.anon.session(u.userName, PASSWORD)).post('/system/post', postBody()));
  ok(await ctx.admin.put('/system/role/changeStatus', { id: role.id, status: 1 }));
  assert.equal(ok(await ctx.admin.get(`/system/role/${role.id}`)).data.status, 1);
  const s = await ctx.anon.session(u.userName, PASSWORD);
  const info = ok(await s.get('/getInfo')).data;
  assert.ok(!info.permissions.includes('system:post:add') && !info.permissions.includes('system:post:list'), `permissions ${info.permissions}`);
  fail(await s.post('/system/post', postBody()), 403);
  fail(await s.get('/system/post/list'), 403);
  const routers = ok(await s.get('/getRouters')).data;
  assert.ok(!routers.some((m) => m.path === '/system'), 'no system menu from a disabled role');
  const r = await ctx.admin.post('/system/user', { userType: 'system', nickName: 'x', phone: randPhone(), email: 'x@example.com', password: PASSWORD, roleIds: [role.id] });
  assert.ok([400, 409].includes(r.status), `assigning a disabled role: ${r.status} ${r.text}`);
  const other = await addUser(ctx.admin);
  const sel = await ctx.admin.put('/system/role/authUser/select', { roleId: role.id, userIds: [other.id] });
  assert.ok([400, 409].includes(sel.status), `authUser/select of a disabled role: ${sel.status} ${sel.text}`);
  const opts = ok(await ctx.admin.get('/system/role/options', { roleType: 'system' })).data;
  assert.ok(!opts.some((o) => o.id === role.id), 'disabled role not in options');
  ok(await ctx.admin.put('/system/role/changeStatus', { id: role.id, status: 0 }));
  assert.ok(ok(await ctx.admin.get('/system/role/options', { roleType: 'system' })).data.some((o) => o.id === role.id));
});

test('edit role: name, remark, menus; the built-in admin role cannot be edited', async () => {
  const role = await addRole(ctx.admin);
  const ids = await menuIds(ctx.admin, ['system:dept:list']);
  ok(await ctx.admin.put('/system/role', { id: role.id, roleName: role.roleName + '改', remark: '改了', status: 0, menuIds: ids }));
  const row = ok(await ctx.admin.get(`/system/role/${role.id}`)).data;
  assert.equal(row.roleName, role.roleName + '改');
  assert.equal(row.remark, '改了');
  assert.deepEqual(sortNum(row.menuIds), sortNum(ids));
  const admins = (await ctx.admin.list('/system/role/list', { roleType: 'system' })).rows.filter((x) => x.roleKey === 'admin');
  assert.equal(admins.length, 1, 'the built-in admin role is listed');
  assert.ok(admins[0].builtIn);
  const r = await ctx.admin.put('/system/role', { id: admins[0].id, roleName: 'hacked', remark: '', status: 0, menuIds: [] });
  assert.ok([400, 403, 409].includes(r.status), `editing the admin role: ${r.status}`);
  fail(await ctx.admin.del(`/system/role/${admins[0].id}`), [400, 403, 409], null, 'deleting the admin role');
  assert.deepEqual(ok(await ctx.admin.get('/getInfo')).data.permissions, ['*:*:*']);
  fail(await ctx.admin.put('/system/role', { id: 99999999, roleName: 'x', remark: '', status: 0, menuIds: [] }), 404);
});

test('delete role: 409 while held; after authUser/cancel it can be deleted', async () => {
  const role = await addRole(ctx.admin);
  const u = await addUser(ctx.admin, { roleIds: [role.id] });
  assert.equal(ok(await ctx.admin.get(`/system/role/${role.id}`)).data.userCount, 1);
  fail(await ctx.admin.del(`/system/role/${role.id}`), 409, /角色已分配给用户，不能删除/);
  ok(await ctx.admin.get(`/system/role/${role.id}`), 'still there');
  ok(await ctx.admin.put('/system/role/authUser/cancel', { roleId: role.id, userIds: [u.id] }));
  ok(await ctx.admin.del(`/system/role/${role.id}`));
  fail(await ctx.admin.get(`/system/role/${role.id}`), 404);
  const r1 = await addRole(ctx.admin);
  const r2 = await addRole(ctx.admin);
  ok(await ctx.admin.del(`/system/role/${r1.id},${r2.id}`));
  fail(await ctx.admin.get(`/system/role/${r2.id}`), 404);
});

test('authUser select/cancel and GET /{id}/users allocated=1|0', async () => {
  const role = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id });
  const nick = uniq('授权');
  const u1 = await addUser(ctx.admin, { userType: 'property', providerId: P.id, propertyId: A.id, nickName: nick + 'a' });
  const u2 = await addUser(ctx.admin, { userType: 'property', providerId: P.id, propertyId: A.id, nickName: nick + 'b' });
  const uB = await addUser(ctx.admin, { userType: 'property', providerId: P.id, propertyId: B.id, nickName: nick + 'c' });
  ok(await ctx.admin.put('/system/role/authUser/select', { roleId: role.id, userIds: [u1.id, u2.id] }));
  const allocated = ok(await ctx.admin.get(`/system/role/${role.id}/users`, { allocated: 1, pageSize: 100 }));
  assert.deepEqual(sortNum(allocated.rows.map((x) => x.id)), sortNum([u1.id, u2.id]));
  assert.equal(allocated.total, 2);
  assert.ok(ok(await ctx.admin.get(`/system/user/${u1.id}`)).data.roleIds.includes(role.id));
  assert.equal(ok(await ctx.admin.get(`/system/role/${role.id}`)).data.userCount, 2);
  ok(await ctx.admin.put('/system/role/authUser/cancel', { roleId: role.id, userIds: [u2.id] }));
  const after = ok(await ctx.admin.get(`/system/role/${role.id}/users`, { allocated: 1 }));
  assert.deepEqual(after.rows.map((x) => x.id), [u1.id]);
  const eligible = ok(await ctx.admin.get(`/system/role/${role.id}/users`, { allocated: 0, pageSize: 500 }));
  const eIds = eligible.rows.map((x) => x.id);
  assert.ok(eIds.includes(u2.id), 'u2 is eligible again');
  assert.ok(!eIds.includes(u1.id), 'u1 holds it');
  assert.ok(!eIds.includes(uB.id), 'a user of another property is not eligible for a role of A');
  const byName = ok(await ctx.admin.get(`/system/role/${role.id}/users`, { allocated: 0, userName: u2.userName }));
  assert.deepEqual(byName.rows.map((x) => x.id), [u2.id]);
  const wrong = await ctx.admin.put('/system/role/authUser/select', { roleId: role.id, userIds: [uB.id] });
  assert.ok([400, 403, 404, 409].includes(wrong.status), `granting a role of A to a user of B: ${wrong.status} ${wrong.text}`);
  assert.ok(!ok(await ctx.admin.get(`/system/user/${uB.id}`)).data.roleIds.includes(role.id));
});

test('role list filters and options', async () => {
  const t0 = Date.now() - 1;
  await sleep(5);
  const tag = uniq('角色筛');
  const a = await addRole(ctx.admin, { roleName: tag + '1', roleType: 'property', providerId: P.id, propertyId: A.id });
  const b = await addRole(ctx.admin, { roleName: tag + '2', roleType: 'property', providerId: P.id, propertyId: B.id });
  const c = await addRole(ctx.admin, { roleName: tag + '3', roleType: 'provider', providerId: P.id });
  const d = await addRole(ctx.admin, { roleName: tag + '4' });
  await sleep(5);
  const t1 = Date.now() + 1;
  ok(await ctx.admin.put('/system/role/changeStatus', { id: d.id, status: 1 }));
  const ids = (r) => sortNum(r.rows.map((x) => x.id));
  assert.deepEqual(ids(await ctx.admin.list('/system/role/list', { roleName: tag })), sortNum([a.id, b.id, c.id, d.id]));
  assert.deepEqual(ids(await ctx.admin.list('/system/role/list', { roleName: tag, roleType: 'property' })), sortNum([a.id, b.id]));
  assert.deepEqual(ids(await ctx.admin.list('/system/role/list', { roleName: tag, propertyId: A.id })), [a.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/role/list', { roleName: tag, roleType: 'provider', providerId: P.id })), [c.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/role/list', { roleName: tag, status: 1 })), [d.id]);
  assert.equal((await ctx.admin.list('/system/role/list', { roleName: tag, beginTime: t0, endTime: t1 })).total, 4);
  assert.equal((await ctx.admin.list('/system/role/list', { roleName: tag, endTime: t0 - 1 })).total, 0);
  const rowA = (await ctx.admin.list('/system/role/list', { roleName: tag + '1' })).rows[0];
  assert.equal(rowA.propertyName, A.name);
  assert.equal(rowA.providerName, P.name);
  fail(await ctx.admin.get('/system/role/list', { status: 'on' }), 400, /status/);
  const opts = ok(await ctx.admin.get('/system/role/options', { roleType: 'property', providerId: P.id, propertyId: A.id })).data;
  const oIds = opts.map((o) => o.id);
  assert.ok(oIds.includes(a.id), 'A role offered for A users');
  assert.ok(!oIds.includes(b.id), 'B role not offered for A users');
  assert.ok(!oIds.includes(d.id), 'disabled/system role not offered');
});
