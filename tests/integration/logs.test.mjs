// Login log and operation log (/monitor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, addProvider, addRole, userWithPerms, PASSWORD } from './lib/fixture.mjs';
import { ok, fail, sleep, randPhone } from './lib/client.mjs';

const ctx = useServer();

test('login log: rows and filters userName, status, ipaddr, time range', async () => {
  const u = await addUser(ctx.admin);
  const t0 = Date.now() - 1;
  await ctx.anon.login(u.userName, 'Wrong12345');
  await ctx.anon.login(u.userName, PASSWORD);
  await sleep(5);
  const t1 = Date.now() + 1;
  const all = await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName });
  assert.equal(all.total, 2, `two attempts: ${JSON.stringify(all.rows)}`);
  for (const r of all.rows) {
    for (const k of ['id', 'userName', 'ipaddr', 'userAgent', 'status', 'msg', 'loginTime']) assert.ok(k in r, `row.${k}`);
    assert.equal(r.ipaddr, '127.0.0.1');
    assert.ok(r.loginTime >= t0 && r.loginTime <= t1, 'loginTime epoch ms');
  }
  const failed = await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, status: 1 });
  assert.equal(failed.total, 1);
  assert.match(failed.rows[0].msg, /密码|password/i);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, status: 0 })).total, 1);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, ipaddr: '127.0.0.1' })).total, 2);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, ipaddr: '10.9.8.7' })).total, 0);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, beginTime: t0, endTime: t1 })).total, 2);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, endTime: t0 - 1 })).total, 0);
  fail(await ctx.admin.get('/monitor/logininfor/list', { status: 'bad' }), 400, /status/);
});

test('operation log: writes are recorded with masked passwords; GET /{id}; filters', async () => {
  const t0 = Date.now() - 1;
  const u = await addUser(ctx.admin, { password: 'Secret98765' });
  ok(await ctx.admin.put('/system/user/resetPwd', { id: u.id, password: 'Secret12398' }));
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 1 }));
  await sleep(5);
  const rows = (await ctx.admin.list('/monitor/operlog/list', { operName: 'admin', beginTime: t0 })).rows;
  const mentions = rows.filter((r) => String(r.operParam ?? '').includes(u.phone) || String(r.operParam ?? '').includes(String(u.id)) || String(r.operUrl ?? '').includes(String(u.id)));
  assert.ok(rows.length >= 3, `three writes logged: ${JSON.stringify(rows).slice(0, 800)}`);
  for (const r of rows) {
    for (const k of ['id', 'title', 'businessType', 'method', 'requestMethod', 'operName', 'operUrl', 'operIp', 'operParam', 'jsonResult', 'status', 'errorMsg', 'operTime', 'costTime']) assert.ok(k in r, `row.${k}`);
    const text = JSON.stringify(r);
    assert.ok(!text.includes('Secret98765') && !text.includes('Secret12398'), `password must be masked: ${text}`);
  }
  const add = rows.find((r) => r.businessType === 1 && r.requestMethod === 'POST' && String(r.operParam).includes(u.phone));
  assert.ok(add, `the add-user write is logged with its params: ${JSON.stringify(mentions).slice(0, 800)}`);
  assert.equal(add.status, 0);
  assert.equal(add.operName, 'admin');
  assert.equal(add.operIp, '127.0.0.1');
  assert.ok(add.operTime >= t0);
  assert.ok(rows.some((r) => r.businessType === 4 && r.requestMethod === 'PUT'), 'status change logged as businessType 4');
  assert.ok(!rows.some((r) => r.requestMethod === 'GET'), 'reads are not logged');
  const one = ok(await ctx.admin.get(`/monitor/operlog/${add.id}`)).data;
  assert.equal(one.id, add.id);
  assert.ok(!JSON.stringify(one).includes('Secret98765'));
  fail(await ctx.admin.get('/monitor/operlog/99999999'), 404);
  const byType = (await ctx.admin.list('/monitor/operlog/list', { businessType: 4, beginTime: t0 })).rows;
  assert.ok(byType.length >= 1 && byType.every((r) => r.businessType === 4));
  const byTitle = (await ctx.admin.list('/monitor/operlog/list', { title: add.title, beginTime: t0 })).rows;
  assert.ok(byTitle.some((r) => r.id === add.id));
  assert.equal((await ctx.admin.list('/monitor/operlog/list', { operName: 'nobody-at-all' })).total, 0);
  fail(await ctx.admin.get('/monitor/operlog/list', { businessType: 'x' }), 400, /businessType/);
});

test('operation log: a failed write is recorded with status 1', async () => {
  const t0 = Date.now() - 1;
  const p = await addProvider(ctx.admin);
  const r = await ctx.admin.post('/system/provider', { name: 'dup', contact: 'c', phone: p.phone, email: 'd@example.com' });
  assert.equal(r.status, 409);
  await sleep(5);
  const failed = (await ctx.admin.list('/monitor/operlog/list', { status: 1, beginTime: t0 })).rows;
  assert.ok(failed.some((x) => x.requestMethod === 'POST' && String(x.operParam).includes(p.phone)), `failed write logged: ${JSON.stringify(failed).slice(0, 500)}`);
  assert.ok(failed.every((x) => x.status === 1));
});

test('operation log: businessType of add/edit/delete/status/audit/grant', async () => {
  const t0 = Date.now() - 1;
  const p = await addProvider(ctx.admin);                                                       // 1 add
  ok(await ctx.admin.put('/system/provider', { id: p.id, name: p.name, contact: 'x', email: p.email })); // 2 edit
  ok(await ctx.admin.put('/system/provider/audit', { id: p.id, auditStatus: 2, auditRemark: 'no' }));   // 5 audit
  ok(await ctx.admin.put('/system/provider/changeStatus', { id: p.id, status: 1 }));             // 4 status
  const role = await addRole(ctx.admin);
  const u = await addUser(ctx.admin);
  ok(await ctx.admin.put('/system/role/authUser/select', { roleId: role.id, userIds: [u.id] })); // 6 grant
  ok(await ctx.admin.put('/system/role/authUser/cancel', { roleId: role.id, userIds: [u.id] }));
  ok(await ctx.admin.del(`/system/role/${role.id}`));                                            // 3 delete
  await sleep(5);
  const rows = (await ctx.admin.list('/monitor/operlog/list', { beginTime: t0 })).rows;
  const types = (pred) => rows.filter(pred).map((r) => r.businessType);
  const url = (r) => String(r.operUrl);
  assert.ok(types((r) => r.requestMethod === 'POST' && url(r).includes('/system/provider')).includes(1), 'add = 1');
  assert.ok(types((r) => r.requestMethod === 'PUT' && /\/system\/provider$/.test(url(r).split('?')[0])).includes(2), 'edit = 2');
  assert.ok(types((r) => url(r).includes('/system/provider/audit')).includes(5), 'audit = 5');
  assert.ok(types((r) => url(r).includes('/system/provider/changeStatus')).includes(4), 'status = 4');
  assert.ok(types((r) => url(r).includes('/authUser/')).every((t) => t === 6) && types((r) => url(r).includes('/authUser/')).length >= 2, 'grant = 6');
  assert.ok(types((r) => r.requestMethod === 'DELETE' && url(r).includes(`/system/role/${role.id}`)).includes(3), 'delete = 3');
  for (const r of rows) {
    assert.equal(typeof r.costTime, 'number');
    assert.equal(typeof r.operTime, 'number');
    assert.ok(typeof r.title === 'string' && r.title.length > 0, 'title');
  }
});

test('password changes through profile are masked too', async () => {
  const u = await addUser(ctx.admin);
  const s = await ctx.anon.session(u.userName, PASSWORD);
  ok(await s.put('/system/user/profile/updatePwd', { oldPassword: PASSWORD, newPassword: 'Zz9876543210' }));
  await sleep(5);
  const rows = (await ctx.admin.list('/monitor/operlog/list', { operName: u.userName })).rows;
  assert.ok(rows.length >= 1, 'the profile password change is logged');
  for (const r of rows) {
    const text = JSON.stringify(r);
    assert.ok(!text.includes('Zz9876543210') && !text.includes(PASSWORD), `masked: ${text}`);
  }
});

test('log lists need their permissions', async () => {
  const { api } = await userWithPerms(ctx.admin, ['system:post:list']);
  fail(await api.get('/monitor/logininfor/list'), 403);
  fail(await api.get('/monitor/operlog/list'), 403);
  const { api: ok2 } = await userWithPerms(ctx.admin, ['monitor:logininfor:list', 'monitor:operlog:list']);
  ok(await ok2.get('/monitor/logininfor/list'));
  ok(await ok2.get('/monitor/operlog/list'));
});
