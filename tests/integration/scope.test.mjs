// SYS-SCOPE isolation: provider P with properties A and B; a property user of A never sees or
// changes anything of B; a provider user of P2 sees nothing of P.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, approvedProvider, propertyWithLogin, addUser, addRole, addDept, addPost, topDept, PASSWORD,
} from './lib/fixture.mjs';
import { ok, denied, randPhone, uniq } from './lib/client.mjs';

const ctx = useServer();
let P; let P2; let A; let B; let C;
const rowsOf = {}; // rowsOf.A / rowsOf.B / rowsOf.C = { user, role, dept, post, top, spareUser, spareRole, spareDept, sparePost }

async function populate(prop, providerId) {
  const top = await topDept(ctx.admin, { propertyId: prop.id, name: prop.name });
  const dept = await addDept(ctx.admin, top.id);
  const post = await addPost(ctx.admin, dept.id);
  const role = await addRole(ctx.admin, { roleType: 'property', providerId, propertyId: prop.id });
  const user = await addUser(ctx.admin, { userType: 'property', providerId, propertyId: prop.id, deptId: dept.id, postId: post.id, roleIds: [role.id] });
  const spareDept = await addDept(ctx.admin, top.id);
  const sparePost = await addPost(ctx.admin, dept.id);
  const spareRole = await addRole(ctx.admin, { roleType: 'property', providerId, propertyId: prop.id });
  const spareUser = await addUser(ctx.admin, { userType: 'property', providerId, propertyId: prop.id });
  return { top, dept, post, role, user, spareDept, sparePost, spareRole, spareUser };
}

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  P2 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  C = await propertyWithLogin(ctx.admin, P2.id);
  rowsOf.A = await populate(A, P.id);
  rowsOf.B = await populate(B, P.id);
  rowsOf.C = await populate(C, P2.id);
});

/** Lists must be 200 without foreign rows, or 403. Returns the rows (or null on 403). */
async function listWithout(api, path, query, foreignIds, foreignOwner, what) {
  const r = await api.get(path, { pageSize: 500, ...query });
  if (r.status === 403 || r.status === 404) { denied(r, what); return null; }
  ok(r, what);
  const rows = r.body.rows ?? r.body.data;
  assert.ok(Array.isArray(rows), `${what}: rows`);
  const flat = [];
  const visit = (xs) => { for (const x of xs) { flat.push(x); if (x.children) visit(x.children); } };
  visit(rows);
  const leaked = flat.filter((x) => foreignIds.includes(x.id) || foreignOwner(x));
  assert.deepEqual(leaked, [], `${what}: leaked foreign rows`);
  return flat;
}

const ofB = (x) => x.propertyId === B.id;

test('property_admin of A manages its own users, roles, depts and posts', async () => {
  const info = ok(await A.api.get('/getInfo')).data;
  for (const p of ['system:user:list', 'system:role:list', 'system:dept:list', 'system:post:list']) {
    assert.ok(info.permissions.includes(p) || info.permissions.includes('*:*:*'), `property_admin has ${p}: ${info.permissions}`);
  }
  const a = rowsOf.A;
  assert.ok((await A.api.list('/system/user/list')).rows.some((x) => x.id === a.user.id));
  assert.ok((await A.api.list('/system/role/list')).rows.some((x) => x.id === a.role.id));
  assert.ok(ok(await A.api.get('/system/dept/list')).data.some((x) => x.id === a.dept.id));
  assert.ok((await A.api.list('/system/post/list')).rows.some((x) => x.id === a.post.id));
  ok(await A.api.get(`/system/user/${a.user.id}`));
  ok(await A.api.get(`/system/role/${a.role.id}`));
  ok(await A.api.get(`/system/dept/${a.dept.id}`));
  ok(await A.api.get(`/system/post/${a.post.id}`));
  ok(await A.api.get(`/system/property/${A.id}`));
});

test('scope users: A cannot list, read, edit, change status, reset, bind or delete users of B', async () => {
  const b = rowsOf.B;
  const bAdminId = ok(await ctx.admin.get(`/system/property/${B.id}`)).data.userId;
  const bIds = [b.user.id, b.spareUser.id, bAdminId];
  await listWithout(A.api, '/system/user/list', {}, bIds, ofB, 'user list');
  await listWithout(A.api, '/system/user/list', { propertyId: B.id }, bIds, ofB, 'user list ?propertyId=B');
  await listWithout(A.api, '/system/user/list', { deptId: b.dept.id }, bIds, ofB, 'user list ?deptId=B');
  await listWithout(A.api, '/system/user/list', { roleId: b.role.id }, bIds, ofB, 'user list ?roleId=B');
  denied(await A.api.get(`/system/user/${b.user.id}`), 'GET user of B');
  denied(await A.api.put('/system/user', { id: b.user.id, nickName: 'hacked', email: 'h@example.com', deptId: b.dept.id, postId: b.post.id, roleIds: [b.role.id] }), 'PUT user of B');
  denied(await A.api.put('/system/user', { id: b.user.id, nickName: 'hacked', email: 'h@example.com', deptId: null, postId: null, roleIds: [] }), 'PUT user of B (no refs)');
  denied(await A.api.put('/system/user/changeStatus', { id: b.user.id, status: 1 }), 'status of user of B');
  denied(await A.api.put('/system/user/resetPwd', { id: b.user.id, password: 'Hacked12345' }), 'resetPwd of user of B');
  denied(await A.api.put('/system/user/stations', { id: b.user.id, stationType: 'car', stationIds: [] }), 'stations of user of B');
  denied(await A.api.del(`/system/user/${b.user.id}`), 'DELETE user of B');
  const throwaway = await addUser(ctx.admin, { userType: 'property', providerId: P.id, propertyId: A.id });
  const mixed = await A.api.del(`/system/user/${throwaway.id},${b.spareUser.id}`);
  assert.ok(mixed.status !== 500, 'mixed delete is no server error');
  const row = ok(await ctx.admin.get(`/system/user/${b.user.id}`)).data;
  assert.equal(row.nickName, b.user.nickName, 'unchanged');
  assert.equal(row.status, 0, 'unchanged');
  ok(await ctx.admin.get(`/system/user/${b.spareUser.id}`), 'mixed delete left B\'s user');
  ok(await ctx.anon.login(b.user.userName, PASSWORD), 'password unchanged');
});

test('scope users: A cannot create users in B or with B\'s dept, post or role', async () => {
  const b = rowsOf.B;
  const base = { nickName: 'x', email: 'x@example.com', password: PASSWORD };
  for (const [what, body] of [
    ['user of property B', { userType: 'property', providerId: P.id, propertyId: B.id, roleIds: [] }],
    ['provider user of P', { userType: 'provider', providerId: P.id, roleIds: [] }],
    ['system user', { userType: 'system', roleIds: [] }],
    ['dept of B', { userType: 'property', providerId: P.id, propertyId: A.id, deptId: b.dept.id, roleIds: [] }],
    ['post of B', { userType: 'property', providerId: P.id, propertyId: A.id, postId: b.post.id, roleIds: [] }],
    ['role of B', { userType: 'property', providerId: P.id, propertyId: A.id, roleIds: [b.role.id] }],
  ]) {
    const phone = randPhone();
    const r = await A.api.post('/system/user', { ...base, ...body, phone });
    assert.ok([400, 403, 404, 409].includes(r.status), `${what}: refused, got ${r.status} ${r.text}`);
    assert.equal((await ctx.admin.list('/system/user/list', { phone })).total, 0, `${what}: nothing created`);
  }
  const own = await A.api.post('/system/user', { ...base, userType: 'property', providerId: P.id, propertyId: A.id, deptId: rowsOf.A.dept.id, roleIds: [rowsOf.A.role.id], phone: randPhone() });
  ok(own, 'A creates a user in A');
});

test('scope roles: A cannot list, read, edit, change status, delete or (un)assign roles of B', async () => {
  const b = rowsOf.B;
  const a = rowsOf.A;
  const bIds = [b.role.id, b.spareRole.id];
  await listWithout(A.api, '/system/role/list', {}, bIds, ofB, 'role list');
  await listWithout(A.api, '/system/role/list', { propertyId: B.id }, bIds, ofB, 'role list ?propertyId=B');
  const opts = await A.api.get('/system/role/options', { roleType: 'property', providerId: P.id, propertyId: B.id });
  if (opts.status === 200) assert.ok(!opts.body.data.some((x) => bIds.includes(x.id)), 'role options leak B');
  else denied(opts, 'role options of B');
  denied(await A.api.get(`/system/role/${b.role.id}`), 'GET role of B');
  denied(await A.api.get(`/system/role/${b.role.id}/users`, { allocated: 1 }), 'users of role of B');
  denied(await A.api.put('/system/role', { id: b.role.id, roleName: 'hacked', remark: '', status: 0, menuIds: [] }), 'PUT role of B');
  denied(await A.api.put('/system/role/changeStatus', { id: b.role.id, status: 1 }), 'status of role of B');
  denied(await A.api.del(`/system/role/${b.spareRole.id}`), 'DELETE role of B');
  denied(await A.api.put('/system/role/authUser/select', { roleId: b.role.id, userIds: [a.user.id] }), 'grant role of B');
  denied(await A.api.put('/system/role/authUser/cancel', { roleId: b.role.id, userIds: [b.user.id] }), 'revoke role of B');
  const r = await A.api.put('/system/role/authUser/select', { roleId: a.role.id, userIds: [b.user.id] });
  assert.ok([400, 403, 404, 409].includes(r.status), `grant A's role to B's user: ${r.status}`);
  const eligible = await A.api.get(`/system/role/${a.role.id}/users`, { allocated: 0, pageSize: 500 });
  ok(eligible);
  assert.ok(!eligible.body.rows.some((x) => x.propertyId === B.id || x.id === b.user.id), 'eligible users of A\'s role leak B');
  const c = await A.api.post('/system/role', { roleName: uniq('r'), roleType: 'property', providerId: P.id, propertyId: B.id, remark: '', status: 0, menuIds: [] });
  assert.ok([400, 403, 404, 409].includes(c.status), `create role in B: ${c.status}`);
  const row = ok(await ctx.admin.get(`/system/role/${b.role.id}`)).data;
  assert.equal(row.roleName, b.role.roleName);
  assert.equal(row.status, 0);
  ok(await ctx.admin.get(`/system/role/${b.spareRole.id}`));
  assert.ok(ok(await ctx.admin.get(`/system/user/${b.user.id}`)).data.roleIds.includes(b.role.id));
  assert.ok(!ok(await ctx.admin.get(`/system/user/${b.user.id}`)).data.roleIds.includes(a.role.id));
});

test('scope depts: A cannot list, read, edit, delete or add under depts of B', async () => {
  const b = rowsOf.B;
  const bIds = [b.top.id, b.dept.id, b.spareDept.id];
  await listWithout(A.api, '/system/dept/list', {}, bIds, ofB, 'dept list');
  await listWithout(A.api, '/system/dept/list', { propertyId: B.id }, bIds, ofB, 'dept list ?propertyId=B');
  await listWithout(A.api, '/system/dept/treeselect', {}, bIds, ofB, 'dept treeselect');
  await listWithout(A.api, '/system/dept/treeselect', { propertyId: B.id }, bIds, ofB, 'dept treeselect ?propertyId=B');
  denied(await A.api.get(`/system/dept/${b.dept.id}`), 'GET dept of B');
  denied(await A.api.put('/system/dept', { id: b.dept.id, parentId: b.top.id, deptName: 'hacked', orderNum: 1, leader: '', phone: '', email: '', status: 0 }), 'PUT dept of B');
  denied(await A.api.del(`/system/dept/${b.spareDept.id}`), 'DELETE dept of B');
  const add = await A.api.post('/system/dept', { parentId: b.top.id, deptName: uniq('d'), orderNum: 1, leader: '', phone: '', email: '', status: 0 });
  assert.ok([400, 403, 404].includes(add.status), `add under B's dept: ${add.status}`);
  const move = await A.api.put('/system/dept', { id: rowsOf.A.spareDept.id, parentId: b.top.id, deptName: rowsOf.A.spareDept.deptName, orderNum: 1, leader: '', phone: '', email: '', status: 0 });
  assert.ok([400, 403, 404, 409].includes(move.status), `move A's dept under B: ${move.status}`);
  assert.equal(ok(await ctx.admin.get(`/system/dept/${b.dept.id}`)).data.deptName, b.dept.deptName);
  ok(await ctx.admin.get(`/system/dept/${b.spareDept.id}`));
  assert.equal(ok(await ctx.admin.get(`/system/dept/${rowsOf.A.spareDept.id}`)).data.parentId, rowsOf.A.top.id);
});

test('scope posts: A cannot list, read, edit, delete or add posts of B', async () => {
  const b = rowsOf.B;
  const bIds = [b.post.id, b.sparePost.id];
  await listWithout(A.api, '/system/post/list', {}, bIds, ofB, 'post list');
  await listWithout(A.api, '/system/post/list', { deptId: b.dept.id }, bIds, ofB, 'post list ?deptId=B');
  const opts = await A.api.get('/system/post/options', { deptId: b.dept.id });
  if (opts.status === 200) assert.ok(!opts.body.data.some((x) => bIds.includes(x.id)), 'post options leak B');
  else denied(opts, 'post options of B');
  denied(await A.api.get(`/system/post/${b.post.id}`), 'GET post of B');
  denied(await A.api.put('/system/post', { id: b.post.id, deptId: b.dept.id, postCode: 'x', postName: 'hacked', orderNum: 1, status: 0, remark: '' }), 'PUT post of B');
  denied(await A.api.del(`/system/post/${b.sparePost.id}`), 'DELETE post of B');
  const add = await A.api.post('/system/post', { deptId: b.dept.id, postCode: uniq('c'), postName: uniq('p'), orderNum: 1, status: 0, remark: '' });
  assert.ok([400, 403, 404].includes(add.status), `add post in B's dept: ${add.status}`);
  const move = await A.api.put('/system/post', { id: rowsOf.A.sparePost.id, deptId: b.dept.id, postCode: rowsOf.A.sparePost.postCode, postName: rowsOf.A.sparePost.postName, orderNum: 1, status: 0, remark: '' });
  assert.ok([400, 403, 404].includes(move.status), `move A's post to B's dept: ${move.status}`);
  assert.equal(ok(await ctx.admin.get(`/system/post/${b.post.id}`)).data.postName, b.post.postName);
  ok(await ctx.admin.get(`/system/post/${b.sparePost.id}`));
});

test('scope properties: A cannot list, read, edit or change the status of property B', async () => {
  const r = await A.api.get('/system/property/list', { pageSize: 500 });
  if (r.status === 200) {
    assert.ok(r.body.rows.every((x) => x.id === A.id), `property list of A: ${r.body.rows.map((x) => x.id)}`);
  } else denied(r, 'property list');
  denied(await A.api.get(`/system/property/${B.id}`), 'GET property B');
  denied(await A.api.put('/system/property', { id: B.id, name: 'hacked', contact: 'x', email: 'h@example.com', province: 'a', city: 'b', address: 'c' }), 'PUT property B');
  denied(await A.api.put('/system/property/changeStatus', { id: B.id, status: 1 }), 'status of property B');
  const opts = await A.api.get('/system/property/options', { providerId: P.id });
  if (opts.status === 200) assert.ok(!opts.body.data.some((x) => x.id === B.id), 'property options leak B');
  const row = ok(await ctx.admin.get(`/system/property/${B.id}`)).data;
  assert.equal(row.name, B.name);
  assert.equal(row.status, 0);
  const add = await A.api.post('/system/property', { providerId: P.id, name: uniq('物业'), contact: 'c', phone: randPhone(), email: 'x@example.com', province: 'a', city: 'b', address: 'c' });
  assert.ok([403, 404].includes(add.status), `property user adds a property: ${add.status}`);
  const prov = await A.api.get('/system/provider/list');
  if (prov.status === 200) assert.ok(prov.body.rows.every((x) => x.id === P.id), 'provider list of a property user');
  denied(await A.api.get(`/system/provider/${P2.id}`), 'GET another provider');
  denied(await A.api.put('/system/provider/changeStatus', { id: P.id, status: 1 }), 'property user disables its provider');
  assert.equal(ok(await ctx.admin.get(`/system/provider/${P.id}`)).data.status, 0);
});

test('provider P sees both of its properties\' rows', async () => {
  const users = (await P.api.list('/system/user/list')).rows.map((x) => x.id);
  assert.ok(users.includes(rowsOf.A.user.id) && users.includes(rowsOf.B.user.id));
  const props = (await P.api.list('/system/property/list')).rows.map((x) => x.id);
  assert.ok(props.includes(A.id) && props.includes(B.id));
  ok(await P.api.get(`/system/role/${rowsOf.B.role.id}`));
  ok(await P.api.get(`/system/dept/${rowsOf.B.dept.id}`));
  ok(await P.api.get(`/system/post/${rowsOf.B.post.id}`));
});

test('a provider user of P2 sees nothing of P', async () => {
  const ofP = (x) => x.providerId === P.id || x.propertyId === A.id || x.propertyId === B.id;
  const users = [rowsOf.A.user.id, rowsOf.B.user.id, rowsOf.A.spareUser.id, rowsOf.B.spareUser.id];
  await listWithout(P2.api, '/system/user/list', {}, users, ofP, 'P2 user list');
  await listWithout(P2.api, '/system/user/list', { providerId: P.id }, users, ofP, 'P2 user list ?providerId=P');
  await listWithout(P2.api, '/system/role/list', {}, [rowsOf.A.role.id, rowsOf.B.role.id], ofP, 'P2 role list');
  await listWithout(P2.api, '/system/dept/list', {}, [rowsOf.A.dept.id, rowsOf.B.dept.id, rowsOf.A.top.id], ofP, 'P2 dept list');
  await listWithout(P2.api, '/system/dept/treeselect', { providerId: P.id }, [rowsOf.A.dept.id, rowsOf.A.top.id], ofP, 'P2 dept tree');
  await listWithout(P2.api, '/system/post/list', {}, [rowsOf.A.post.id, rowsOf.B.post.id], ofP, 'P2 post list');
  await listWithout(P2.api, '/system/property/list', {}, [A.id, B.id], (x) => x.providerId === P.id, 'P2 property list');
  await listWithout(P2.api, '/system/property/list', { providerId: P.id }, [A.id, B.id], (x) => x.providerId === P.id, 'P2 property list ?providerId=P');
  await listWithout(P2.api, '/system/provider/list', {}, [P.id], () => false, 'P2 provider list');
  const own = (await P2.api.list('/system/property/list')).rows.map((x) => x.id);
  assert.ok(own.includes(C.id), 'P2 sees its own property');
  denied(await P2.api.get(`/system/provider/${P.id}`), 'GET P');
  denied(await P2.api.put('/system/provider', { id: P.id, name: 'hacked', contact: 'x', email: 'h@example.com' }), 'PUT P');
  denied(await P2.api.get(`/system/property/${A.id}`), 'GET A');
  denied(await P2.api.put('/system/property/changeStatus', { id: A.id, status: 1 }), 'status of A');
  denied(await P2.api.get(`/system/user/${rowsOf.A.user.id}`), 'GET user of A');
  denied(await P2.api.put('/system/user/changeStatus', { id: rowsOf.A.user.id, status: 1 }), 'status of user of A');
  denied(await P2.api.put('/system/user/resetPwd', { id: rowsOf.A.user.id, password: 'Hacked12345' }), 'resetPwd of user of A');
  denied(await P2.api.del(`/system/user/${rowsOf.A.spareUser.id}`), 'DELETE user of A');
  denied(await P2.api.get(`/system/role/${rowsOf.A.role.id}`), 'GET role of A');
  denied(await P2.api.del(`/system/role/${rowsOf.A.spareRole.id}`), 'DELETE role of A');
  denied(await P2.api.get(`/system/dept/${rowsOf.A.dept.id}`), 'GET dept of A');
  denied(await P2.api.del(`/system/dept/${rowsOf.A.spareDept.id}`), 'DELETE dept of A');
  denied(await P2.api.get(`/system/post/${rowsOf.A.post.id}`), 'GET post of A');
  denied(await P2.api.del(`/system/post/${rowsOf.A.sparePost.id}`), 'DELETE post of A');
  const uphone = randPhone();
  const addUserA = await P2.api.post('/system/user', { userType: 'property', providerId: P.id, propertyId: A.id, nickName: 'x', phone: uphone, email: 'x@example.com', password: PASSWORD, roleIds: [] });
  assert.ok([400, 403, 404].includes(addUserA.status), `P2 adds a user to A: ${addUserA.status}`);
  assert.equal((await ctx.admin.list('/system/user/list', { phone: uphone })).total, 0);
  const add = await P2.api.post('/system/property', { providerId: P.id, name: uniq('物业'), contact: 'c', phone: randPhone(), email: 'x@example.com', province: 'a', city: 'b', address: 'c' });
  assert.ok([400, 403, 404].includes(add.status), `P2 adds a property under P: ${add.status}`);
  ok(await ctx.admin.get(`/system/user/${rowsOf.A.spareUser.id}`));
  ok(await ctx.admin.get(`/system/role/${rowsOf.A.spareRole.id}`));
  ok(await ctx.admin.get(`/system/dept/${rowsOf.A.spareDept.id}`));
  ok(await ctx.admin.get(`/system/post/${rowsOf.A.sparePost.id}`));
  assert.equal(ok(await ctx.admin.get(`/system/property/${A.id}`)).data.status, 0);
  ok(await ctx.anon.login(rowsOf.A.user.userName, PASSWORD));
});

test('a property user of P2 (property C) sees nothing of A or B', async () => {
  const users = [rowsOf.A.user.id, rowsOf.B.user.id];
  await listWithout(C.api, '/system/user/list', {}, users, (x) => x.providerId === P.id, 'C user list');
  await listWithout(C.api, '/system/role/list', {}, [rowsOf.A.role.id], (x) => x.providerId === P.id, 'C role list');
  denied(await C.api.get(`/system/user/${rowsOf.A.user.id}`), 'C reads user of A');
  denied(await C.api.get(`/system/property/${A.id}`), 'C reads A');
});

test('no privilege escalation: a property admin cannot grant what it does not hold nor touch system users', async () => {
  const adminRole = (await ctx.admin.list('/system/role/list', { roleType: 'system' })).rows.find((r) => r.roleKey === 'admin');
  assert.ok(adminRole, 'built-in admin role');
  const a = rowsOf.A;
  // menuTree only offers what the caller may grant
  const tree = ok(await A.api.get('/system/role/menuTree')).data;
  const flat = [];
  const visit = (xs) => { for (const x of xs) { flat.push(x); visit(x.children || []); } };
  visit(tree);
  const mine = new Set(ok(await A.api.get('/getInfo')).data.permissions);
  const adminTree = ok(await ctx.admin.get('/system/role/menuTree')).data;
  const all = [];
  const visitAll = (xs, ps = []) => { for (const x of xs) { all.push([x, ps]); visitAll(x.children || [], [...ps, x]); } };
  visitAll(adminTree);
  const providerAdd = all.find(([n, ps]) => /新增/.test(n.label) && ps.some((p) => /服务商/.test(p.label)));
  assert.ok(providerAdd, 'provider add button in the admin menu tree');
  assert.ok(!mine.has('system:provider:add'));
  assert.ok(!flat.some((n) => n.id === providerAdd[0].id), 'menuTree of A does not offer system:provider:add');
  const ids = [...providerAdd[1].map((p) => p.id), providerAdd[0].id];
  const r = await A.api.post('/system/role', { roleName: uniq('esc'), roleType: 'property', providerId: P.id, propertyId: A.id, remark: '', status: 0, menuIds: ids });
  if (r.status === 200) {
    const id = r.body.data?.id ?? (await A.api.list('/system/role/list', { propertyId: A.id })).rows.at(-1).id;
    const row = ok(await ctx.admin.get(`/system/role/${id}`)).data;
    assert.ok(!row.menuIds.includes(providerAdd[0].id), 'a menu the caller does not hold was granted');
  } else assert.ok([400, 403].includes(r.status), `granting a menu not held: ${r.status}`);
  // the built-in admin role cannot be handed out by a property admin
  const u = await A.api.post('/system/user', { userType: 'property', providerId: P.id, propertyId: A.id, nickName: 'x', phone: randPhone(), email: 'x@example.com', password: PASSWORD, roleIds: [adminRole.id] });
  assert.ok([400, 403, 404, 409].includes(u.status), `create a user with the admin role: ${u.status}`);
  const e = await A.api.put('/system/user', { id: a.user.id, nickName: a.user.nickName, email: a.user.email, deptId: a.dept.id, postId: a.post.id, roleIds: [adminRole.id] });
  assert.ok([400, 403, 404, 409].includes(e.status), `give a user the admin role: ${e.status}`);
  denied(await A.api.put('/system/role/authUser/select', { roleId: adminRole.id, userIds: [a.user.id] }), 'authUser/select admin role');
  assert.ok(!ok(await ctx.admin.get(`/system/user/${a.user.id}`)).data.roleIds.includes(adminRole.id));
  // system users (admin, id 1) are out of A's scope
  const me = ok(await ctx.admin.get('/getInfo')).data.user;
  denied(await A.api.get(`/system/user/${me.id}`), 'GET admin');
  denied(await A.api.put('/system/user/resetPwd', { id: me.id, password: 'Hacked12345' }), 'reset admin password');
  denied(await A.api.put('/system/role', { id: adminRole.id, roleName: 'x', remark: '', status: 0, menuIds: [] }), 'edit admin role');
  const dis = await A.api.put('/system/user/changeStatus', { id: me.id, status: 1 });
  const del = await A.api.del(`/system/user/${me.id}`);
  ok(await ctx.anon.login('admin', 'Admin12345'), 'admin unharmed');
  ok(await ctx.admin.get(`/system/user/${me.id}`), 'admin still there');
  denied(dis, 'disable admin (out of scope: 404, without saying who it is)');
  denied(del, 'delete admin (out of scope: 404, without saying who it is)');
});

test('scope logs: login and operation logs only show the caller\'s own tenants', async () => {
  const bUser = rowsOf.B.user;
  const sb = await ctx.anon.session(bUser.userName, PASSWORD);
  ok(await sb.put('/system/user/profile', { nickName: bUser.nickName, email: 'b-own@example.com' }));
  ok(await ctx.admin.put('/system/user', { id: rowsOf.B.spareUser.id, nickName: 'by-admin', email: 'spare@example.com', deptId: null, postId: null, roleIds: [] }));
  const bNames = new Set([bUser.userName, B.userName, rowsOf.B.spareUser.userName, 'admin', P.userName, P2.userName]);
  const ll = await A.api.get('/monitor/logininfor/list', { pageSize: 500 });
  if (ll.status === 200) {
    assert.deepEqual(ll.body.rows.filter((r) => bNames.has(r.userName)).map((r) => r.userName), [], 'A sees logins outside A');
    assert.ok(ll.body.rows.some((r) => r.userName === A.userName), 'A sees its own login');
  } else denied(ll, 'login log');
  const ol = await A.api.get('/monitor/operlog/list', { pageSize: 500 });
  if (ol.status === 200) {
    assert.deepEqual(ol.body.rows.filter((r) => bNames.has(r.operName)).map((r) => `${r.operName} ${r.operUrl}`), [], 'A sees operations outside A');
  } else denied(ol, 'operation log');
  const adminOps = (await ctx.admin.list('/monitor/operlog/list', { operName: 'admin' })).rows;
  assert.ok(adminOps.length > 0);
  denied(await A.api.get(`/monitor/operlog/${adminOps[0].id}`), 'GET an admin operation');
  const p2 = await P2.api.get('/monitor/logininfor/list', { pageSize: 500 });
  if (p2.status === 200) {
    const pNames = new Set([A.userName, B.userName, bUser.userName, P.userName, 'admin']);
    assert.deepEqual(p2.body.rows.filter((r) => pNames.has(r.userName)).map((r) => r.userName), [], 'P2 sees logins of P');
  }
  const pl = await P.api.get('/monitor/logininfor/list', { pageSize: 500 });
  if (pl.status === 200) {
    const names = new Set(pl.body.rows.map((r) => r.userName));
    assert.ok(names.has(bUser.userName), 'P sees logins of its properties\' users');
    assert.ok(!names.has(P2.userName) && !names.has('admin'), 'P sees no logins outside P');
  }
});
