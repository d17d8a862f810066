// 403 for a missing permission on every SYS module (the server checks each route's permission).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, userWithPerms, PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';

const ctx = useServer();
let none; // a signed-in system user without any role

before(async () => {
  await ctx.ready();
  const u = await addUser(ctx.admin);
  none = await ctx.anon.session(u.userName, PASSWORD);
});

// [method, path, permission]
const ROUTES = {
  provider: [
    ['GET', '/system/provider/list', 'system:provider:list'], ['GET', '/system/provider/1', 'system:provider:query'],
    ['POST', '/system/provider', 'system:provider:add'], ['PUT', '/system/provider', 'system:provider:edit'],
    ['PUT', '/system/provider/audit', 'system:provider:audit'], ['PUT', '/system/provider/changeStatus', 'system:provider:status'],
  ],
  property: [
    ['GET', '/system/property/list', 'system:property:list'], ['GET', '/system/property/1', 'system:property:query'],
    ['POST', '/system/property', 'system:property:add'], ['PUT', '/system/property', 'system:property:edit'],
    ['PUT', '/system/property/changeStatus', 'system:property:status'],
  ],
  user: [
    ['GET', '/system/user/list', 'system:user:list'], ['GET', '/system/user/1', 'system:user:query'],
    ['POST', '/system/user', 'system:user:add'], ['PUT', '/system/user', 'system:user:edit'],
    ['DELETE', '/system/user/999999', 'system:user:remove'], ['PUT', '/system/user/changeStatus', 'system:user:status'],
    ['PUT', '/system/user/resetPwd', 'system:user:resetPwd'], ['PUT', '/system/user/stations', 'system:user:bind'],
  ],
  role: [
    ['GET', '/system/role/list', 'system:role:list'], ['GET', '/system/role/1', 'system:role:query'],
    ['POST', '/system/role', 'system:role:add'], ['PUT', '/system/role', 'system:role:edit'],
    ['DELETE', '/system/role/999999', 'system:role:remove'], ['PUT', '/system/role/changeStatus', 'system:role:status'],
    ['PUT', '/system/role/authUser/select', 'system:role:auth'], ['PUT', '/system/role/authUser/cancel', 'system:role:auth'],
    ['GET', '/system/role/1/users', 'system:role:auth|query|list'],
  ],
  dept: [
    ['GET', '/system/dept/list', 'system:dept:list'], ['GET', '/system/dept/1', 'system:dept:query'],
    ['POST', '/system/dept', 'system:dept:add'], ['PUT', '/system/dept', 'system:dept:edit'],
    ['DELETE', '/system/dept/999999', 'system:dept:remove'],
  ],
  post: [
    ['GET', '/system/post/list', 'system:post:list'], ['GET', '/system/post/1', 'system:post:query'],
    ['POST', '/system/post', 'system:post:add'], ['PUT', '/system/post', 'system:post:edit'],
    ['DELETE', '/system/post/999999', 'system:post:remove'],
  ],
  logs: [
    ['GET', '/monitor/logininfor/list', 'monitor:logininfor:list'], ['GET', '/monitor/operlog/list', 'monitor:operlog:list'],
    ['GET', '/monitor/operlog/1', 'monitor:operlog:query'],
    ['POST', '/monitor/logininfor/export', 'monitor:logininfor:export'], ['POST', '/monitor/operlog/export', 'monitor:operlog:export'],
    ['DELETE', '/monitor/logininfor/clean', 'monitor:logininfor:remove'], ['DELETE', '/monitor/operlog/clean', 'monitor:operlog:remove'],
    ['PUT', '/monitor/logininfor/unlock/admin', 'monitor:logininfor:unlock'],
  ],
};

test('a user without roles still reaches getInfo, getRouters and the profile', async () => {
  const info = ok(await none.get('/getInfo')).data;
  assert.deepEqual(info.permissions, []);
  const routers = ok(await none.get('/getRouters')).data;
  for (const p of ['/system', '/car', '/bike', '/order', '/member', '/stat']) assert.ok(!routers.some((m) => m.path === p), `${p} hidden`);
  ok(await none.get('/system/user/profile'));
});

for (const [mod, routes] of Object.entries(ROUTES)) {
  test(`403 without permission: ${mod}`, async () => {
    for (const [m, p, perm] of routes) {
      const r = await none.req(m, p, m === 'GET' || m === 'DELETE' ? {} : { body: {} });
      fail(r, 403, null, `${m} ${p} (${perm})`);
    }
  });
}

// A user holding only the module's list permission is still refused the writes.
const LIST_ONLY = {
  provider: 'system:provider:list', property: 'system:property:list', user: 'system:user:list',
  role: 'system:role:list', dept: 'system:dept:list', post: 'system:post:list',
};
for (const [mod, listPerm] of Object.entries(LIST_ONLY)) {
  test(`403 for a missing action permission with only ${listPerm}`, async () => {
    const { api } = await userWithPerms(ctx.admin, [listPerm]);
    const info = ok(await api.get('/getInfo')).data;
    assert.ok(info.permissions.includes(listPerm), `granted ${listPerm}: ${info.permissions}`);
    const r = await api.get(ROUTES[mod][0][1]);
    assert.equal(r.status, 200, `${listPerm} lets the list through: ${r.text.slice(0, 200)}`);
    for (const [m, p, perm] of ROUTES[mod].slice(1)) {
      if (perm.includes('|') || perm === listPerm || info.permissions.includes(perm)) continue;
      const w = await api.req(m, p, m === 'GET' || m === 'DELETE' ? {} : { body: {} });
      fail(w, 403, null, `${m} ${p} needs ${perm}`);
    }
  });
}

test('a missing permission is 403 even for rows that do not exist and bodies that are invalid', async () => {
  fail(await none.get('/system/user/99999999'), 403);
  fail(await none.req('POST', '/system/post', { raw: '{"broken' }), [400, 403]);
  fail(await none.post('/system/user', { phone: 'x' }), 403);
});
