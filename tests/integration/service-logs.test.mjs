// The customer-service call log (STAT-CALL) and the fault log (STAT-FAULT) (issue 19; docs/api-stat.md):
// add, edit, the spec's filters, Excel export, the fault's state and device link, and data scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, denied } from './lib/client.mjs';
import { addStation, defaultArea, addPile, waitExport, getBinary, xlsxRows } from './lib/car.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
let P1; let A; let B; let pile; let otherPile;

before(async () => {
  await ctx.ready();
  P1 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P1.id);
  B = await propertyWithLogin(ctx.admin, P1.id);
  const s = await addStation(A.api, A.id);
  const added = await addPile(A.api, s.id, (await defaultArea(A.api, s.id)).id);
  pile = ok(await A.api.get(`/car/pile/${added.id}`)).data;
  const sb = await addStation(B.api, B.id);
  otherPile = await addPile(B.api, sb.id, (await defaultArea(B.api, sb.id)).id);
});

async function exported(api, path, body) {
  const job = ok(await api.post(path, body)).data.jobId;
  const st = await waitExport(api, job);
  assert.equal(st.status, 'done', JSON.stringify(st));
  const file = await getBinary(api, `/export/${job}/download`);
  assert.equal(file.status, 200);
  return xlsxRows(file.buf).rows;
}

test('call log: add, edit, filters, export; another property sees nothing of it', async () => {
  const t0 = Date.UTC(2026, 10, 3, 2, 30);
  fail(await A.api.post('/stat/call', { callerName: '王', callerPhone: 'abc', callTime: t0 }), 400, /callerPhone/);
  fail(await A.api.post('/stat/call', { callerName: '王' }), 400, /callTime/);
  const id = ok(await A.api.post('/stat/call', { callerName: '王先生', callerPhone: '13800138000', agentName: '客服小周',
    agentPhone: '400-800-1234', callTime: t0, content: '2号枪无法启动，已远程重启' })).data.id;
  ok(await A.api.post('/stat/call', { callerName: '李女士', callerPhone: '13900139000', agentName: '客服小王',
    agentPhone: '400-800-1234', callTime: t0 + 3600_000, content: '咨询发票' }));
  let rows = (await A.api.list('/stat/call/list', { callerName: '王先生' })).rows;
  assert.deepEqual(rows.map((r) => r.id), [id]);
  assert.equal(rows[0].propertyName, A.name);
  assert.equal((await A.api.list('/stat/call/list', { agentName: '小王' })).total, 1);
  assert.equal((await A.api.list('/stat/call/list', { beginTime: t0 + 1, endTime: t0 + 7200_000 })).total, 1);
  ok(await A.api.put('/stat/call', { id, callerName: '王先生', callerPhone: '13800138000', agentName: '客服小周',
    agentPhone: '400-800-1234', callTime: t0, content: '已解决' }));
  assert.equal(ok(await A.api.get(`/stat/call/${id}`)).data.content, '已解决');
  // scope
  denied(await B.api.get(`/stat/call/${id}`));
  denied(await B.api.put('/stat/call', { id, callTime: t0 }));
  assert.equal((await B.api.list('/stat/call/list')).total, 0);
  assert.equal((await P1.api.list('/stat/call/list', { propertyId: A.id })).total, 2);
  // a provider adds a record for one of its properties
  ok(await P1.api.post('/stat/call', { propertyId: A.id, callerName: '赵', callTime: t0 }));
  fail(await P1.api.post('/stat/call', { callerName: '赵', callTime: t0 }), 400, /propertyId/);
  // export: the spec's columns, the filter applied
  const sheet = await exported(A.api, '/stat/call/export', { callerName: '王先生' });
  assert.deepEqual(sheet[0], ['物业', '用户姓名', '电话', '客服姓名', '客服电话', '通话时间', '通话内容']);
  assert.equal(sheet.length, 2);
  assert.equal(sheet[1][1], '王先生');
  assert.equal(sheet[1][6], '已解决');
});

test('fault log: add with a device, repair and solve (solution required, solved time kept), filters, export, scope', async () => {
  fail(await A.api.post('/stat/fault', { reporterName: '王' }), 400, /summary/);
  fail(await A.api.post('/stat/fault', { summary: 'x', deviceType: 'car_pile', deviceId: otherPile.id }), 400, /deviceId/);
  fail(await A.api.post('/stat/fault', { summary: 'x', deviceType: 'car_pile' }), 400, /deviceType/);
  fail(await A.api.post('/stat/fault', { summary: 'x', state: 'done' }), 400, /state/);
  const id = ok(await A.api.post('/stat/fault', { reporterName: '王先生', reporterPhone: '13800138000', summary: '枪头发热',
    detail: '充电20分钟后枪头温度高', deviceType: 'car_pile', deviceId: pile.id, orderNo: 'C2026110300001' })).data.id;
  let f = ok(await A.api.get(`/stat/fault/${id}`)).data;
  assert.equal(f.state, 'open');
  assert.equal(f.source, 'manual');
  assert.equal(f.deviceCode, pile.code);
  assert.equal(f.solvedTime, null);
  const body = { id, reporterName: '王先生', reporterPhone: '13800138000', repairerName: '李师傅', repairerPhone: '13700137000',
    summary: '枪头发热', detail: '充电20分钟后枪头温度高', deviceType: 'car_pile', deviceId: pile.id };
  ok(await A.api.put('/stat/fault', { ...body, state: 'repairing' }));
  fail(await A.api.put('/stat/fault', { ...body, state: 'solved' }), 400, /solution/);
  ok(await A.api.put('/stat/fault', { ...body, state: 'solved', solution: '更换枪线' }));
  f = ok(await A.api.get(`/stat/fault/${id}`)).data;
  assert.equal(f.state, 'solved');
  assert.ok(f.solvedTime > 0);
  const solvedAt = f.solvedTime;
  ok(await A.api.put('/stat/fault', { ...body, state: 'solved', solution: '更换枪线并紧固' }));
  assert.equal(ok(await A.api.get(`/stat/fault/${id}`)).data.solvedTime, solvedAt, 'an edit of a solved fault keeps its time');
  // filters of the spec
  assert.deepEqual((await A.api.list('/stat/fault/list', { repairerName: '李师傅' })).rows.map((r) => r.id), [id]);
  assert.equal((await A.api.list('/stat/fault/list', { summary: '发热', state: 'solved' })).total, 1);
  assert.equal((await A.api.list('/stat/fault/list', { state: 'open' })).total, 0);
  assert.equal((await A.api.list('/stat/fault/list', { deviceCode: pile.code })).total, 1);
  // scope
  denied(await B.api.get(`/stat/fault/${id}`));
  denied(await B.api.put('/stat/fault', { ...body, state: 'open' }));
  assert.equal((await B.api.list('/stat/fault/list')).total, 0);
  const sheet = await exported(A.api, '/stat/fault/export', {});
  assert.deepEqual(sheet[0].slice(0, 8), ['物业', '用户姓名', '电话', '维修员姓名', '维修员电话', '故障简介', '故障详情', '解决方案']);
  assert.equal(sheet[1][8], '已解决');
  assert.equal(sheet[1][9], pile.code);
});

test('the logs need their permissions', async () => {
  assert.equal((await ctx.anon.get('/stat/call/list')).status, 401);
  assert.equal((await ctx.anon.get('/stat/fault/list')).status, 401);
});
