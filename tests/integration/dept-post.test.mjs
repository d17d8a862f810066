// SYS-DEPT departments and SYS-POST posts.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  useServer, approvedProvider, addProperty, addUser, addDept, addPost, topDept, deptList, PASSWORD,
} from './lib/fixture.mjs';
import { ok, fail, randPhone, uniq, walk } from './lib/client.mjs';

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

test('dept list: all matching rows without paging, enough to build the tree', async () => {
  const d1 = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, d1.id);
  const rows = await deptList(ctx.admin, { propertyId: A.id });
  const byId = new Map(rows.map((r) => [r.id, r]));
  assert.ok(byId.has(topA.id) && byId.has(d1.id) && byId.has(d2.id));
  assert.equal(byId.get(d1.id).parentId, topA.id);
  assert.equal(byId.get(d2.id).parentId, d1.id);
  const anc = String(byId.get(d2.id).ancestors).split(',').map(Number);
  assert.ok(anc.includes(topA.id) && anc.includes(d1.id), `ancestors ${byId.get(d2.id).ancestors}`);
  assert.equal(byId.get(d1.id).propertyId, A.id, 'owner inherited from the parent');
  assert.equal(byId.get(d1.id).providerId, P.id);
  assert.ok(rows.every((r) => r.propertyId === A.id), 'propertyId filter');
  assert.ok(!rows.some((r) => r.id === topB.id));
  const named = await deptList(ctx.admin, { deptName: d2.deptName });
  assert.deepEqual(named.map((r) => r.id), [d2.id]);
  const detail = ok(await ctx.admin.get(`/system/dept/${d1.id}`)).data;
  for (const k of ['deptName', 'orderNum', 'leader', 'phone', 'email', 'status']) assert.equal(detail[k], d1[k], k);
  fail(await ctx.admin.get('/system/dept/99999999'), 404);
});

test('dept treeselect: enabled depts of the owner as a tree', async () => {
  const d1 = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, d1.id);
  const off = await addDept(ctx.admin, topA.id, { status: 1 });
  const tree = ok(await ctx.admin.get('/system/dept/treeselect', { propertyId: A.id })).data;
  assert.ok(Array.isArray(tree));
  const nodes = new Map([...walk(tree)].map(([n, ps]) => [n.id, { n, ps }]));
  assert.ok(nodes.has(d2.id), 'sub-dept in the tree');
  assert.deepEqual(nodes.get(d2.id).ps.map((p) => p.id), [topA.id, d1.id], 'nested under its parents');
  assert.equal(nodes.get(d2.id).n.label, d2.deptName);
  assert.ok(!nodes.has(topB.id), 'other property not in the tree');
  assert.ok(!nodes.has(off.id) || nodes.get(off.id).n.disabled === true, 'disabled dept absent or marked disabled');
});

test('add dept: validation; parent must be enabled', async () => {
  fail(await ctx.admin.post('/system/dept', { parentId: topA.id, deptName: '', orderNum: 1, status: 0 }), 400, /deptName/);
  fail(await ctx.admin.post('/system/dept', { parentId: topA.id, deptName: 'x', orderNum: 'first', status: 0 }), 400, /orderNum/);
  fail(await ctx.admin.post('/system/dept', { parentId: topA.id, deptName: 'x', orderNum: 1, status: 0, email: 'bad' }), 400, /email/);
  fail(await ctx.admin.post('/system/dept', { parentId: 99999999, deptName: 'x', orderNum: 1, status: 0 }), [400, 404]);
  const off = await addDept(ctx.admin, topA.id, { status: 1 });
  const r = await ctx.admin.post('/system/dept', { parentId: off.id, deptName: uniq('d'), orderNum: 1, status: 0 });
  assert.ok([400, 409].includes(r.status), `child of a disabled dept: ${r.status} ${r.text}`);
});

test('edit dept; cannot move under itself or its subtree', async () => {
  const d1 = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, d1.id);
  const edit = { id: d1.id, parentId: topA.id, deptName: d1.deptName + '改', orderNum: 5, leader: '新负责人', phone: randPhone(), email: 'dd@example.com', status: 0 };
  ok(await ctx.admin.put('/system/dept', edit));
  const row = ok(await ctx.admin.get(`/system/dept/${d1.id}`)).data;
  for (const k of ['deptName', 'orderNum', 'leader', 'phone', 'email']) assert.equal(row[k], edit[k], k);
  fail(await ctx.admin.put('/system/dept', { ...edit, parentId: d1.id }), [400, 409], null, 'under itself');
  fail(await ctx.admin.put('/system/dept', { ...edit, parentId: d2.id }), [400, 409], null, 'under its child');
  // moving within the owner updates ancestors of the subtree
  const d3 = await addDept(ctx.admin, topA.id);
  ok(await ctx.admin.put('/system/dept', { ...edit, parentId: d3.id }));
  const anc = String(ok(await ctx.admin.get(`/system/dept/${d2.id}`)).data.ancestors).split(',').map(Number);
  assert.ok(anc.includes(d3.id), `subtree ancestors follow the move: ${anc}`);
});

test('delete dept: refused with children or users', async () => {
  const d1 = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, d1.id);
  fail(await ctx.admin.del(`/system/dept/${d1.id}`), 409);
  const u = await addUser(ctx.admin, propUser({ deptId: d2.id }));
  fail(await ctx.admin.del(`/system/dept/${d2.id}`), 409);
  ok(await ctx.admin.del(`/system/user/${u.id}`));
  ok(await ctx.admin.del(`/system/dept/${d2.id}`));
  ok(await ctx.admin.del(`/system/dept/${d1.id}`));
  fail(await ctx.admin.get(`/system/dept/${d1.id}`), 404);
  fail(await ctx.admin.del(`/system/dept/${topA.id}`), 409, null, 'top-level dept with users/children');
});

test('a disabled (or deleted) dept cannot be assigned to a user', async () => {
  const off = await addDept(ctx.admin, topA.id, { status: 1 });
  const r = await ctx.admin.post('/system/user', { ...propUser({ deptId: off.id }), nickName: 'x', phone: randPhone(), email: 'x@example.com', password: PASSWORD, roleIds: [] });
  assert.ok([400, 409].includes(r.status), `disabled dept on add: ${r.status} ${r.text}`);
  const u = await addUser(ctx.admin, propUser());
  const e = await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'x@example.com', deptId: off.id, postId: null, roleIds: [] });
  assert.ok([400, 409].includes(e.status), `disabled dept on edit: ${e.status} ${e.text}`);
  const gone = await addDept(ctx.admin, topA.id);
  ok(await ctx.admin.del(`/system/dept/${gone.id}`));
  const g = await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'x@example.com', deptId: gone.id, postId: null, roleIds: [] });
  assert.ok([400, 404, 409].includes(g.status), `deleted dept on edit: ${g.status} ${g.text}`);
});

test('posts: add, get, edit, delete, list filters, options', async () => {
  const d = await addDept(ctx.admin, topA.id);
  const d2 = await addDept(ctx.admin, topA.id);
  const p = await addPost(ctx.admin, d.id, { remark: '岗位备注' });
  const row = ok(await ctx.admin.get(`/system/post/${p.id}`)).data;
  for (const k of ['deptId', 'postCode', 'postName', 'orderNum', 'status', 'remark']) assert.equal(row[k], p[k], k);
  assert.equal(row.deptName, d.deptName);
  assert.equal(row.propertyId, A.id);
  ok(await ctx.admin.put('/system/post', { id: p.id, deptId: d2.id, postCode: p.postCode, postName: p.postName + '改', orderNum: 9, status: 0, remark: 'r' }));
  const row2 = ok(await ctx.admin.get(`/system/post/${p.id}`)).data;
  assert.equal(row2.postName, p.postName + '改');
  assert.equal(row2.deptId, d2.id, 'post can move to another dept');
  assert.equal(row2.orderNum, 9);
  fail(await ctx.admin.post('/system/post', { deptId: d.id, postName: '', orderNum: 1, status: 0 }), 400, /postName/);
  fail(await ctx.admin.post('/system/post', { deptId: 'x', postName: 'n', orderNum: 1, status: 0 }), 400, /deptId/);
  fail(await ctx.admin.post('/system/post', { postName: 'n', orderNum: 1, status: 0 }), 400, /deptId/);
  fail(await ctx.admin.post('/system/post', { deptId: 99999999, postName: 'n', orderNum: 1, status: 0 }), [400, 404]);
  const tag = uniq('岗筛');
  const q1 = await addPost(ctx.admin, d.id, { postName: tag + '1' });
  const q2 = await addPost(ctx.admin, d.id, { postName: tag + '2', status: 1 });
  const q3 = await addPost(ctx.admin, d2.id, { postName: tag + '3' });
  const ids = (r) => r.rows.map((x) => x.id).sort((x, y) => x - y);
  assert.equal((await ctx.admin.list('/system/post/list', { postName: tag })).total, 3);
  assert.deepEqual(ids(await ctx.admin.list('/system/post/list', { postName: tag, deptId: d2.id })), [q3.id]);
  assert.deepEqual(ids(await ctx.admin.list('/system/post/list', { postName: tag, status: 1 })), [q2.id]);
  const opts = ok(await ctx.admin.get('/system/post/options', { deptId: d.id })).data.map((o) => o.id);
  assert.ok(opts.includes(q1.id) && !opts.includes(q2.id) && !opts.includes(q3.id), `options ${opts}`);
  ok(await ctx.admin.del(`/system/post/${q1.id},${q2.id}`));
  fail(await ctx.admin.get(`/system/post/${q1.id}`), 404);
  assert.deepEqual(ids(await ctx.admin.list('/system/post/list', { postName: tag })), [q3.id]);
});

test('posts: delete refused while held; disabled or deleted posts cannot be assigned', async () => {
  const d = await addDept(ctx.admin, topA.id);
  const held = await addPost(ctx.admin, d.id);
  const u = await addUser(ctx.admin, propUser({ deptId: d.id, postId: held.id }));
  fail(await ctx.admin.del(`/system/post/${held.id}`), 409);
  const off = await addPost(ctx.admin, d.id, { status: 1 });
  const r = await ctx.admin.post('/system/user', { ...propUser({ deptId: d.id, postId: off.id }), nickName: 'x', phone: randPhone(), email: 'x@example.com', password: PASSWORD, roleIds: [] });
  assert.ok([400, 409].includes(r.status), `disabled post: ${r.status} ${r.text}`);
  const gone = await addPost(ctx.admin, d.id);
  ok(await ctx.admin.del(`/system/post/${gone.id}`));
  const e = await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'x@example.com', deptId: d.id, postId: gone.id, roleIds: [] });
  assert.ok([400, 404, 409].includes(e.status), `deleted post: ${e.status} ${e.text}`);
  const postB = await addPost(ctx.admin, topB.id);
  const x = await ctx.admin.put('/system/user', { id: u.id, nickName: 'x', email: 'x@example.com', deptId: d.id, postId: postB.id, roleIds: [] });
  assert.ok([400, 404, 409].includes(x.status), `post of another property: ${x.status} ${x.text}`);
  assert.equal(ok(await ctx.admin.get(`/system/user/${u.id}`)).data.postId, held.id, 'unchanged');
});
