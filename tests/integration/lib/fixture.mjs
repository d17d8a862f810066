// Per-file server fixture and builders for the system-management rows.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, ADMIN_PASSWORD } from './server.mjs';
import { Api, ok, createdId, randPhone, uniq, walk } from './client.mjs';

export const PASSWORD = 'Passw0rd123';

/**
 * Starts a server before the file's tests and stops it after (asserting a graceful exit 0).
 * Returns a context filled in by `before`: { server, anon, admin }.
 */
export function useServer(opts) {
  let starting = null;
  const ctx = {
    // Node 20 may run a file's root-level `before` hooks concurrently: every hook that needs the
    // server awaits ctx.ready() first.
    ready: () => (starting ??= (async () => {
      ctx.server = await startServer(opts);
      ctx.anon = new Api(ctx.server.baseUrl);
      ctx.admin = await ctx.anon.session('admin', ADMIN_PASSWORD);
    })()),
  };
  before(() => ctx.ready());
  after(async () => {
    // a test that stopped the server itself has asserted the outcome already
    if (ctx.server && !ctx.server.stopCalled()) await ctx.server.stop();
  });
  return ctx;
}

export async function addProvider(api, fields = {}) {
  const body = { name: uniq('服务商'), contact: '张三', phone: randPhone(), email: `${uniq('p')}@example.com`, ...fields };
  const r = await api.post('/system/provider', body);
  const id = await createdId(r, async () => (await api.list('/system/provider/list', { phone: body.phone })).rows[0]?.id);
  return { ...body, id };
}

/** A provider that is added and approved; returns its row fields, login and a signed-in Api. */
export async function approvedProvider(api, fields = {}) {
  const p = await addProvider(api, fields);
  const r = ok(await api.put('/system/provider/audit', { id: p.id, auditStatus: 1, auditRemark: 'ok' }), 'audit approve');
  assert.equal(typeof r.data?.initialPassword, 'string', 'audit approve returns data.initialPassword');
  assert.equal(r.data.userName, p.phone, 'provider login name is its phone');
  const session = await api.session(r.data.userName, r.data.initialPassword);
  return { ...p, userName: r.data.userName, initialPassword: r.data.initialPassword, api: session };
}

export async function addProperty(api, providerId, fields = {}) {
  const body = {
    providerId, name: uniq('物业'), contact: '李四', phone: randPhone(), email: `${uniq('m')}@example.com`,
    province: '广东省', city: '深圳市', address: '南山区科技园 1 号', ...fields,
  };
  const r = await api.post('/system/property', body);
  const b = ok(r, 'add property');
  const id = await createdId(r);
  return { ...body, id, userName: b.data.userName, initialPassword: b.data.initialPassword };
}

/** A property whose admin account is signed in (`.api`). */
export async function propertyWithLogin(api, providerId, fields = {}) {
  const p = await addProperty(api, providerId, fields);
  assert.equal(typeof p.initialPassword, 'string', 'add property returns data.initialPassword');
  p.api = await api.session(p.userName, p.initialPassword);
  return p;
}

export async function findUserIdByPhone(api, phone) {
  const rows = (await api.list('/system/user/list', { phone })).rows;
  return rows.find((u) => u.phone === phone || u.userName === phone)?.id;
}

export async function addUser(api, fields = {}) {
  const body = {
    userType: 'system', nickName: uniq('用户'), phone: randPhone(), email: `${uniq('u')}@example.com`,
    password: PASSWORD, roleIds: [], ...fields,
  };
  const r = await api.post('/system/user', body);
  const id = await createdId(r, () => findUserIdByPhone(api, body.phone));
  return { ...body, id, userName: body.phone };
}

export async function addRole(api, fields = {}) {
  const body = { roleName: uniq('角色'), roleKey: uniq('k'), roleType: 'system', remark: 'it', status: 0, menuIds: [], ...fields };
  const r = await api.post('/system/role', body);
  const id = await createdId(r, async () => (await api.list('/system/role/list', { roleName: body.roleName })).rows.find((x) => x.roleName === body.roleName)?.id);
  return { ...body, id };
}

export async function deptList(api, query = {}) {
  const b = ok(await api.get('/system/dept/list', query), 'dept list');
  assert.ok(Array.isArray(b.data), 'dept list data must be an array');
  return b.data;
}

/** The top-level department of a provider or property. */
export async function topDept(api, { providerId, propertyId, name }) {
  const rows = await deptList(api, propertyId ? { propertyId } : { providerId });
  const d = rows.find((x) => x.deptName === name) || rows.find((x) => !x.parentId);
  assert.ok(d, `top-level dept of ${name} not found in ${JSON.stringify(rows).slice(0, 300)}`);
  return d;
}

export async function addDept(api, parentId, fields = {}) {
  const body = { parentId, deptName: uniq('部门'), orderNum: 1, leader: '王五', phone: randPhone(), email: `${uniq('d')}@example.com`, status: 0, ...fields };
  const r = await api.post('/system/dept', body);
  const id = await createdId(r, async () => (await deptList(api, { deptName: body.deptName })).find((x) => x.deptName === body.deptName)?.id);
  return { ...body, id };
}

export async function addPost(api, deptId, fields = {}) {
  const body = { deptId, postCode: uniq('P'), postName: uniq('岗位'), orderNum: 1, status: 0, remark: 'it', ...fields };
  const r = await api.post('/system/post', body);
  const id = await createdId(r, async () => (await api.list('/system/post/list', { postName: body.postName })).rows.find((x) => x.postName === body.postName)?.id);
  return { ...body, id };
}

// ---- menus ---------------------------------------------------------------------------------
const RES = {
  provider: /服务商/, property: /物业/, user: /用户/, role: /角色/, dept: /部门/, post: /岗位/,
  logininfor: /登录日志/, operlog: /操作日志/,
};
const RES_EN = {
  provider: /provider/i, property: /propert/i, user: /user/i, role: /role/i, dept: /dep/i, post: /post/i,
  logininfor: /login/i, operlog: /operation|oper/i,
};
const ACT = {
  query: [/查询|详情|查看/, /query|detail|view/i], add: [/新增|添加|增加/, /add|create|new/i],
  edit: [/修改|编辑/, /edit|modify|update/i], remove: [/删除/, /delete|remove/i],
  status: [/状态|启用|停用|禁用/, /status|enable|disable/i], audit: [/审核/, /audit|review/i],
  resetPwd: [/重置/, /reset/i], auth: [/分配|授权/, /assign|auth|grant/i], bind: [/绑定/, /bind/i],
};

/**
 * Finds the menu ids that grant `perm` (e.g. "system:post:add") in a `/system/role/menuTree` tree,
 * including the ancestors (a checked button implies its menu and module, as the web sends them).
 * Uses a `perms` field when the tree has one, labels otherwise.
 */
export function menuIdsFor(tree, perm) {
  const all = [...walk(tree)];
  const withAncestors = ([n, ps]) => [...ps.map((p) => p.id), n.id];
  const exact = all.find(([n]) => n.perms === perm || n.perm === perm || n.permission === perm);
  if (exact) return withAncestors(exact);
  const [mod, res, act] = perm.split(':');
  const inSystem = ([, ps]) => ps.some((p) => /系统管理/.test(p.label ?? '') || /^system/i.test(p.labelEn ?? ''));
  let pool = all;
  if (mod === 'system' && all.some(inSystem)) pool = all.filter(inSystem);
  const menu = pool.find(([n]) => RES[res]?.test(n.label ?? '') && /管理|日志/.test(n.label ?? ''))
    || pool.find(([n]) => (RES[res]?.test(n.label ?? '') || RES_EN[res]?.test(n.labelEn ?? '')) && n.children?.length)
    || all.find(([n]) => RES[res]?.test(n.label ?? ''));
  assert.ok(menu, `no menu for ${perm} in menuTree ${JSON.stringify(tree).slice(0, 500)}`);
  if (act === 'list') return withAncestors(menu);
  const [zh, en] = ACT[act] || [];
  const child = (menu[0].children || []).find((c) => zh?.test(c.label ?? '') || en?.test(c.labelEn ?? ''));
  assert.ok(child, `no button for ${perm} under menu ${JSON.stringify(menu[0]).slice(0, 500)}`);
  return [...withAncestors(menu), child.id];
}

export async function menuTree(api) {
  const b = ok(await api.get('/system/role/menuTree'), 'menuTree');
  assert.ok(Array.isArray(b.data), 'menuTree data must be an array');
  return b.data;
}

export async function menuIds(api, perms) {
  const tree = await menuTree(api);
  return [...new Set(perms.flatMap((p) => menuIdsFor(tree, p)))];
}

/** A system-type user holding one new system role with `perms`; returns { user, role, api }. */
export async function userWithPerms(admin, perms, userFields = {}) {
  const role = await addRole(admin, { menuIds: await menuIds(admin, perms) });
  const user = await addUser(admin, { roleIds: [role.id], ...userFields });
  const api = await admin.session(user.userName, user.password);
  return { user, role, api };
}

export { ok, randPhone, uniq, ADMIN_PASSWORD };
