// Login log and operation log actions (docs/api-system.md "Logs"; issue 15): browser and OS read from the
// user agent, Excel exports of both logs, clearing (system users only, the clear itself logged) and
// unlocking an account locked by failed sign-ins (inside the caller's data scope). Its own server: the
// clears empty the logs of every other test.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, addRole, approvedProvider, propertyWithLogin, PASSWORD } from './lib/fixture.mjs';
import { ok, fail, sleep } from './lib/client.mjs';
import { waitExport, getBinary, xlsxRows, unzip } from './lib/car.mjs';

const ctx = useServer({ env: { ZHICHONG_AUTH_MAX_FAILED_LOGINS: '3' } });
let P; // an approved provider with a property A and B under it (their logins)
let A;
let B;

const CHROME_WIN = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
const WECHAT_IOS = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.47(0x18002f2c) NetType/WIFI Language/zh_CN';

const loginAs = (userName, password, ua) =>
  ctx.anon.req('POST', '/login', { body: { username: userName, password }, token: null, headers: { 'User-Agent': ua } });

async function exported(api, path, body) {
  const job = ok(await api.post(path, body)).data.jobId;
  assert.equal(typeof job, 'string', `${path}: data.jobId`);
  const st = await waitExport(api, job);
  assert.equal(st.status, 'done', JSON.stringify(st));
  const file = await getBinary(api, `/export/${job}/download`);
  assert.equal(file.status, 200);
  const sheet = unzip(file.buf)['xl/worksheets/sheet1.xml'].toString('utf8');
  return { rows: xlsxRows(file.buf).rows, sheet };
}

// The raw <c> of a cell ("B2") of the sheet: a number is <v>n</v> without t="s"/t="str".
function rawCell(sheet, ref) {
  const m = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>([\\s\\S]*?)</c>)`).exec(sheet);
  assert.ok(m, `cell ${ref} in the sheet`);
  return { attrs: m[1], value: /<v>([\s\S]*?)<\/v>/.exec(m[2] ?? '')?.[1] };
}
const col = (rows, header) => rows[0].indexOf(header);
const letter = (i) => String.fromCharCode(65 + i);

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
});

test('login log rows carry the browser and OS read from the user agent; the raw agent stays', async () => {
  const u = await addUser(ctx.admin);
  ok(await loginAs(u.userName, PASSWORD, CHROME_WIN));
  assert.equal((await loginAs(u.userName, 'Wrong12345', WECHAT_IOS)).status, 400);
  const rows = (await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName })).rows;
  assert.equal(rows.length, 2);
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r]));
  assert.equal(byStatus[0].browser, 'Chrome 120');
  assert.equal(byStatus[0].os, 'Windows 10/11');
  assert.equal(byStatus[0].userAgent, CHROME_WIN);
  assert.equal(byStatus[1].browser, 'WeChat 8');
  assert.equal(byStatus[1].os, 'iOS 17.2');
});

test('login log export: the list filters, 浏览器/操作系统 columns, numbers as numbers, local times', async () => {
  const u = await addUser(ctx.admin);
  ok(await loginAs(u.userName, PASSWORD, CHROME_WIN));
  const row = (await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName })).rows[0];
  const { rows, sheet } = await exported(ctx.admin, '/monitor/logininfor/export', { userName: u.userName, pageSize: 1 });
  assert.equal(rows.length, 2, `header + the one matching row: ${JSON.stringify(rows)}`);
  for (const h of ['用户名称', '登录地址', '浏览器', '操作系统', '登录状态', '访问时间']) assert.ok(rows[0].includes(h), `header ${h}: ${rows[0]}`);
  assert.equal(rows[1][col(rows, '用户名称')], u.userName);
  assert.equal(rows[1][col(rows, '浏览器')], 'Chrome 120');
  assert.equal(rows[1][col(rows, '操作系统')], 'Windows 10/11');
  assert.equal(rows[1][col(rows, '登录状态')], '成功');
  const id = rawCell(sheet, `${letter(col(rows, '访问编号'))}2`);
  assert.ok(!/t="/.test(id.attrs), `the id is a number cell: ${id.attrs}`);
  assert.equal(Number(id.value), row.id);
  const time = rawCell(sheet, `${letter(col(rows, '访问时间'))}2`);
  assert.ok(!/t="/.test(time.attrs) && /s="\d+"/.test(time.attrs), `the time is a formatted number: ${time.attrs}`);
  // an Excel date serial of China time (UTC+8)
  const expected = (row.loginTime + 8 * 3600 * 1000) / 86400000 + 25569;
  assert.ok(Math.abs(Number(time.value) - expected) < 2 / 86400, `time ${time.value} ≈ ${expected}`);
  // a filter the list refuses is refused the same way (the full table is export-filters.test.mjs)
  fail(await ctx.admin.post('/monitor/logininfor/export', { status: 'x' }), 400, /^status: /);
});

test('operation log export: the list filters; 操作类型 and 操作状态 as words', async () => {
  const u = await addUser(ctx.admin);
  ok(await ctx.admin.put('/system/user/changeStatus', { id: u.id, status: 1 }));
  await sleep(5);
  const listed = (await ctx.admin.list('/monitor/operlog/list', { businessType: 4, operName: 'admin' })).rows;
  const { rows } = await exported(ctx.admin, '/monitor/operlog/export', { businessType: 4, operName: 'admin' });
  assert.equal(rows.length, listed.length + 1);
  for (const h of ['日志编号', '系统模块', '操作类型', '操作人员', '操作地址', '操作状态', '操作时间', '耗时(毫秒)']) assert.ok(rows[0].includes(h), `header ${h}`);
  assert.equal(rows[1][col(rows, '操作类型')], '状态');
  assert.equal(rows[1][col(rows, '操作状态')], '成功');
  assert.equal(rows[1][col(rows, '操作人员')], 'admin');
  assert.equal(Number(rows[1][col(rows, '日志编号')]), listed[0].id);
  fail(await ctx.admin.post('/monitor/operlog/export', { businessType: 'x' }), 400, /^businessType: /);
});

test('exports are scoped: a property admin exports its own logins only', async () => {
  ok(await loginAs(A.userName, A.initialPassword, CHROME_WIN));
  ok(await loginAs(B.userName, B.initialPassword, CHROME_WIN));
  const { rows } = await exported(A.api, '/monitor/logininfor/export', {});
  const names = new Set(rows.slice(1).map((r) => r[col(rows, '用户名称')]));
  assert.ok(names.has(A.userName), 'its own logins');
  assert.ok(!names.has(B.userName) && !names.has('admin'), `no other account's logins: ${[...names]}`);
});

test('clearing is for system users: a property account is refused, even holding the permission', async () => {
  fail(await A.api.del('/monitor/operlog/clean'), 403);
  fail(await A.api.del('/monitor/logininfor/clean'), 403);
  const role = await addRole(ctx.admin, { roleType: 'property', propertyId: A.id, menuIds: [700, 707, 70702, 708, 70803] });
  const u = await addUser(ctx.admin, { userType: 'property', propertyId: A.id, roleIds: [role.id] });
  const api = await ctx.anon.session(u.userName, PASSWORD);
  const before = (await ctx.admin.list('/monitor/operlog/list', { pageSize: 1 })).total;
  fail(await api.del('/monitor/operlog/clean'), 403, /系统管理员/);
  fail(await api.del('/monitor/logininfor/clean'), 403, /系统管理员/);
  await sleep(5);
  assert.ok((await ctx.admin.list('/monitor/operlog/list', { pageSize: 1 })).total > before, 'nothing removed (the refusals are logged)');
  assert.ok((await ctx.admin.list('/monitor/logininfor/list', { pageSize: 1 })).total > 0, 'login log kept');
});

test('unlock: a locked account signs in at once after 解锁; logged', async () => {
  const u = await addUser(ctx.admin);
  for (let i = 0; i < 3; i++) assert.equal((await ctx.anon.login(u.userName, 'Wrong12345')).status, 400);
  fail(await ctx.anon.login(u.userName, PASSWORD), 400, /锁定/);
  const t0 = Date.now() - 1;
  ok(await ctx.admin.put(`/monitor/logininfor/unlock/${u.userName}`));
  ok(await ctx.anon.login(u.userName, PASSWORD), 'signs in after unlock');
  // the failure count starts again: two wrong passwords do not lock it
  for (let i = 0; i < 2; i++) assert.equal((await ctx.anon.login(u.userName, 'Wrong12345')).status, 400);
  ok(await ctx.anon.login(u.userName, PASSWORD));
  await sleep(5);
  const logged = (await ctx.admin.list('/monitor/operlog/list', { beginTime: t0, title: '账户解锁' })).rows;
  assert.equal(logged.length, 1);
  assert.ok(logged[0].operUrl.includes(u.userName));
});

test('unlock answers an account outside the scope exactly like a missing one', async () => {
  for (let i = 0; i < 3; i++) await ctx.anon.login(B.userName, 'Wrong12345');
  fail(await ctx.anon.login(B.userName, B.initialPassword), 400, /锁定/);
  const missing = await A.api.put('/monitor/logininfor/unlock/19999999999');
  const foreign = await A.api.put(`/monitor/logininfor/unlock/${B.userName}`);
  assert.equal(missing.status, 404);
  assert.deepEqual([foreign.status, foreign.body.msg], [missing.status, missing.body.msg]);
  fail(await ctx.anon.login(B.userName, B.initialPassword), 400, /锁定/, 'still locked');
  // its own provider reaches it
  ok(await P.api.put(`/monitor/logininfor/unlock/${B.userName}`));
  ok(await ctx.anon.login(B.userName, B.initialPassword));
  // without the permission: 403
  const plain = await addUser(ctx.admin);
  const api = await ctx.anon.session(plain.userName, PASSWORD);
  fail(await api.put(`/monitor/logininfor/unlock/${B.userName}`), 403);
});

test('a system administrator clears the operation log: the clear is then its only row', async () => {
  const r = ok(await ctx.admin.del('/monitor/operlog/clean'));
  assert.ok(r.data.removed > 0);
  await sleep(5);
  const rows = (await ctx.admin.list('/monitor/operlog/list')).rows;
  assert.equal(rows.length, 1, JSON.stringify(rows));
  assert.equal(rows[0].title, '操作日志-清空');
  assert.equal(rows[0].requestMethod, 'DELETE');
  assert.equal(rows[0].operName, 'admin');
  assert.equal(rows[0].businessType, 3);
  assert.equal(rows[0].status, 0);
});

test('a system administrator clears the login log; the clear is in the operation log', async () => {
  assert.ok((await ctx.admin.list('/monitor/logininfor/list')).total > 0);
  ok(await ctx.admin.del('/monitor/logininfor/clean'));
  await sleep(5);
  assert.equal((await ctx.admin.list('/monitor/logininfor/list')).total, 0);
  const rows = (await ctx.admin.list('/monitor/operlog/list', { title: '登录日志-清空' })).rows;
  assert.equal(rows.length, 1);
  // signing in again is logged as before
  ok(await loginAs('admin', 'Admin12345', CHROME_WIN));
  assert.equal((await ctx.admin.list('/monitor/logininfor/list')).total, 1);
});
