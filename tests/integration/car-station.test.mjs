// CAR-ST, CAR-ST-INV, CAR-ST-PAY, CAR-ST-PRIV, CAR-ST-STATUS, CAR-FLOW (first steps), station binding.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, addUser, addRole, menuIds, PASSWORD } from './lib/fixture.mjs';
import { ok, fail, randPhone } from './lib/client.mjs';
import {
  addStation, approvedStation, stationBody, defaultArea, addArea, pileBody, addTariff, getBinary, pngSize,
} from './lib/car.mjs';

const ctx = useServer();
let P; let A;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
});

test('a property user adds a station: pending audit, default area 默认区域, detail with counts and history', async () => {
  const s = await addStation(A.api, A.id);
  const row = ok(await A.api.get(`/car/station/${s.id}`)).data;
  assert.equal(row.name, s.name);
  assert.equal(row.propertyId, A.id);
  assert.equal(row.providerId, P.id);
  assert.equal(row.propertyName, A.name);
  assert.equal(row.providerName, P.name);
  assert.equal(row.auditStatus, 0);
  assert.equal(row.status, 0);
  assert.equal(row.timezone, 'Asia/Shanghai');
  assert.equal(row.longitude, 113.953512);
  assert.equal(row.latitude, 22.540503);
  assert.equal(row.invoiceConfigured, false);
  assert.equal(row.payConfigured, false);
  assert.deepEqual(row.counts, { areas: 1, piles: 0, guns: 0, spots: 0 });
  assert.equal(row.history[0].action, 'create');
  assert.equal(typeof row.createTime, 'number');
  const area = await defaultArea(A.api, s.id);
  assert.equal(area.name, '默认区域');
  assert.match(area.code, /^Q\d{6}$/);
  assert.deepEqual(area.counts, { spots: 0, piles: 0, guns: 0 });
});

test('list filters: name, auditStatus, status; options in scope', async () => {
  const s = await addStation(A.api, A.id);
  let r = await A.api.list('/car/station/list', { name: s.name });
  assert.equal(r.total, 1);
  r = await A.api.list('/car/station/list', { name: s.name, auditStatus: 1 });
  assert.equal(r.total, 0);
  r = await A.api.list('/car/station/list', { name: s.name, status: 0 });
  assert.equal(r.total, 1);
  fail(await A.api.get('/car/station/list', { status: 'x' }), 400, /status/);
  const opts = ok(await A.api.get('/car/station/options', { propertyId: A.id })).data;
  assert.ok(opts.some((o) => o.id === s.id && o.name === s.name));
});

test('station validation names the field', async () => {
  fail(await A.api.post('/car/station', stationBody(A.id, { name: '' })), 400, /name/);
  fail(await A.api.post('/car/station', stationBody(A.id, { operationType: 9 })), 400, /operationType/);
  fail(await A.api.post('/car/station', stationBody(A.id, { openingHours: '25:00-26:00' })), 400, /openingHours/);
  fail(await A.api.post('/car/station', stationBody(A.id, { longitude: 200 })), 400, /longitude/);
  fail(await A.api.post('/car/station', stationBody(A.id, { timezone: 'Mars/Base' })), 400, /timezone/);
  fail(await A.api.post('/car/station', stationBody(A.id, { hotline: 'abc' })), 400, /hotline/);
  fail(await A.api.post('/car/station', stationBody(undefined)), 400, /propertyId/);
});

test('audit: property users cannot, provider users can (only pending ones); edits recorded in history', async () => {
  const s = await addStation(A.api, A.id);
  fail(await A.api.put('/car/station/audit', { id: s.id, auditStatus: 1 }), 403);
  fail(await P.api.put('/car/station/audit', { id: s.id, auditStatus: 3 }), 400, /auditStatus/);
  ok(await P.api.put('/car/station/audit', { id: s.id, auditStatus: 2, auditRemark: '资料不全' }));
  let row = ok(await A.api.get(`/car/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 2);
  assert.equal(row.auditRemark, '资料不全');
  fail(await P.api.put('/car/station/audit', { id: s.id, auditStatus: 1 }), 409, /待审核/);
  // editing a rejected station resubmits it
  ok(await A.api.put('/car/station', { ...stationBody(A.id), id: s.id, name: s.name + '改', hotline: '400-800-9999' }));
  row = ok(await A.api.get(`/car/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 0);
  assert.equal(row.name, s.name + '改');
  const edit = row.history.find((h) => h.action === 'edit');
  assert.match(edit.detail, /name: .* → .*改/);
  assert.match(edit.detail, /hotline/);
  ok(await ctx.admin.put('/car/station/audit', { id: s.id, auditStatus: 1, auditRemark: 'ok' }));
  row = ok(await A.api.get(`/car/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 1);
  assert.ok(row.history.some((h) => h.action === 'reject'));
  assert.ok(row.history.some((h) => h.action === 'approve'));
});

test('CAR-ST-STATUS: a disabled station blocks areas, spots, cameras, piles and tariffs', async () => {
  const s = await addStation(A.api, A.id);
  const area = await defaultArea(A.api, s.id);
  ok(await A.api.put('/car/station/changeStatus', { id: s.id, status: 1 }));
  fail(await A.api.post('/car/area', { stationId: s.id, name: '新区域' }), 409, /电站已停用/);
  fail(await A.api.post('/car/pile', pileBody(s.id, area.id)), 409, /电站已停用/);
  fail(await A.api.post('/car/spot/batch', { stationId: s.id, areaId: area.id, count: 2, lockType: 0 }), 409, /电站已停用/);
  fail(await A.api.post('/car/camera', { stationId: s.id, areaId: area.id, factoryNo: 'CAMX' + Date.now(), name: 'c' }), 409, /电站已停用/);
  fail(await A.api.post('/car/tariff', { stationId: s.id, areaId: area.id, name: 't', mode: 'unified', tiers: { flat: { energyPrice: 1, servicePrice: 1 } } }), 409, /电站已停用/);
  const hist = ok(await A.api.get(`/car/station/${s.id}`)).data.history;
  assert.ok(hist.some((h) => h.action === 'disable'));
  const enabledOnly = ok(await A.api.get('/car/station/options', { enabledOnly: 1 })).data;
  assert.ok(!enabledOnly.some((o) => o.id === s.id), 'disabled stations are not in enabledOnly options');
  ok(await A.api.put('/car/station/changeStatus', { id: s.id, status: 0 }));
  await addArea(A.api, s.id);
  fail(await A.api.put('/car/station/changeStatus', { id: s.id, status: 5 }), 400, /status/);
});

test('a disabled property blocks adding stations', async () => {
  const B = await propertyWithLogin(ctx.admin, P.id);
  ok(await P.api.put('/system/property/changeStatus', { id: B.id, status: 1 }));
  fail(await P.api.post('/car/station', stationBody(B.id)), 409, /物业已停用/);
});

test('CAR-ST-INV invoice configuration', async () => {
  const s = await addStation(A.api, A.id);
  assert.equal(ok(await A.api.get(`/car/station/${s.id}/invoiceConfig`)).data, null);
  const cfg = {
    stationId: s.id, merchantNo: 'M123456', sellerAddress: '深圳市南山区', bankAccount: '6222000011112222', bankName: '招商银行',
    drawer: '张三', companyName: '智充科技有限公司', payee: '李四', reviewer: '王五', taxpayerId: '91440300MA5ABCDE1X',
    electricityTaxRate: 1300, electricityTaxCode: '1100101020000000000', serviceTaxRate: 600, serviceTaxCode: '3040201000000000000', phone: '0755-12345678',
  };
  fail(await A.api.put('/car/station/invoiceConfig', { ...cfg, taxpayerId: '123' }), 400, /taxpayerId/);
  fail(await A.api.put('/car/station/invoiceConfig', { ...cfg, electricityTaxRate: 10001 }), 400, /electricityTaxRate/);
  fail(await A.api.put('/car/station/invoiceConfig', { ...cfg, merchantNo: '' }), 400, /merchantNo/);
  ok(await A.api.put('/car/station/invoiceConfig', cfg));
  const got = ok(await A.api.get(`/car/station/${s.id}/invoiceConfig`)).data;
  for (const k of Object.keys(cfg)) assert.equal(got[k], cfg[k], k);
  assert.equal(ok(await A.api.get(`/car/station/${s.id}`)).data.invoiceConfigured, true);
});

test('CAR-ST-PAY payment configuration: ratios ≤ 100 %, secrets write-only', async () => {
  const s = await addStation(A.api, A.id);
  let got = ok(await A.api.get(`/car/station/${s.id}/payConfig`)).data;
  assert.equal(got.payConfigured, false);
  assert.equal(got.leshua.enabled, false);
  const key = 'abcdefghijklmnopqrstuvwxyz012345';
  const cfg = {
    stationId: s.id,
    leshua: { enabled: true, merchantNo: 'LS001', profitSharing: true, splitAccounts: [{ account: 'A1', name: '物业', ratio: 6000 }, { account: 'A2', name: '运营', ratio: 4000 }] },
    suixingpay: { enabled: false, merchantNo: '', orgId: '' },
    wechat: { enabled: true, mchId: '1900000109', appId: 'wx8888888888888888', serialNo: 'SER1', apiV3Key: key },
  };
  fail(await A.api.put('/car/station/payConfig', { ...cfg, leshua: { ...cfg.leshua, splitAccounts: [{ account: 'A1', ratio: 6000 }, { account: 'A2', ratio: 4001 }] } }), 400, /splitAccounts: 分账比例合计不能超过100%/);
  fail(await A.api.put('/car/station/payConfig', { ...cfg, leshua: { ...cfg.leshua, merchantNo: '' } }), 400, /leshua.merchantNo/);
  fail(await A.api.put('/car/station/payConfig', { ...cfg, wechat: { ...cfg.wechat, apiV3Key: 'short' } }), 400, /apiV3Key/);
  fail(await A.api.put('/car/station/payConfig', { ...cfg, wechat: { ...cfg.wechat, apiV3Key: '******' } }), 400, /apiV3Key/);
  ok(await A.api.put('/car/station/payConfig', cfg));
  got = ok(await A.api.get(`/car/station/${s.id}/payConfig`)).data;
  assert.equal(got.payConfigured, true);
  assert.equal(got.wechat.apiV3Key, '******', 'the secret is masked');
  assert.ok(!JSON.stringify(got).includes(key), 'the secret never comes back');
  assert.deepEqual(got.leshua.splitAccounts.map((a) => a.ratio), [6000, 4000]);
  // sending the mask keeps the stored key; the station row says configured
  ok(await A.api.put('/car/station/payConfig', { ...cfg, wechat: { ...cfg.wechat, apiV3Key: '******', serialNo: 'SER2' } }));
  got = ok(await A.api.get(`/car/station/${s.id}/payConfig`)).data;
  assert.equal(got.wechat.serialNo, 'SER2');
  assert.equal(got.wechat.apiV3Key, '******');
  assert.equal(ok(await A.api.get(`/car/station/${s.id}`)).data.payConfigured, true);
  // the operation log has the write, without the key
  const logs = await ctx.admin.list('/monitor/operlog/list', { title: '支付配置' });
  assert.ok(logs.total >= 1, 'payment configuration writes are logged');
  assert.ok(!JSON.stringify(logs.rows).includes(key), 'the API v3 key is not in the operation log');
  // all methods off → not configured
  ok(await A.api.put('/car/station/payConfig', { stationId: s.id, leshua: { enabled: false }, wechat: { enabled: false } }));
  assert.equal(ok(await A.api.get(`/car/station/${s.id}`)).data.payConfigured, false);
});

test('CAR-ST-PRIV: public form of an approved station, submissions limited per phone per day, staff list + handle, QR PNG', async () => {
  const pending = await addStation(A.api, A.id);
  fail(await ctx.anon.get(`/public/car/privateApply/${pending.id}`), 404);
  const s = await approvedStation(A.api, P.api, A.id);
  const info = ok(await ctx.anon.get(`/public/car/privateApply/${s.id}`)).data;
  assert.equal(info.stationName, s.name);
  assert.equal(info.address, s.address);
  const phone = randPhone();
  const body = { stationId: s.id, name: '车主甲', phone, plate: '粤B12345', community: '阳光小区', parkingSpot: 'B2-018', remark: '想装私桩' };
  fail(await ctx.anon.post('/public/car/privateApply', { ...body, phone: '123' }), 400, /phone/);
  fail(await ctx.anon.post('/public/car/privateApply', { ...body, name: '' }), 400, /name/);
  fail(await ctx.anon.post('/public/car/privateApply', { ...body, stationId: pending.id }), 404);
  const ids = [];
  for (let i = 0; i < 5; i++) ids.push(ok(await ctx.anon.post('/public/car/privateApply', body)).data.id);
  fail(await ctx.anon.post('/public/car/privateApply', body), 409, /提交过于频繁/);
  ok(await ctx.anon.post('/public/car/privateApply', { ...body, phone: randPhone() }));
  const list = await A.api.list('/car/privateApply/list', { stationId: s.id, phone });
  assert.equal(list.total, 5);
  assert.equal(list.rows[0].stationName, s.name);
  assert.equal(list.rows[0].status, 0);
  ok(await A.api.put('/car/privateApply/handle', { id: ids[0], status: 1, remark: '已联系' }));
  fail(await A.api.put('/car/privateApply/handle', { id: ids[0], status: 2 }), 409);
  fail(await A.api.put('/car/privateApply/handle', { id: ids[1], status: 0 }), 400, /status/);
  assert.equal((await A.api.list('/car/privateApply/list', { stationId: s.id, status: 1 })).total, 1);
  // disabled station: the form is gone
  ok(await A.api.put('/car/station/changeStatus', { id: s.id, status: 1 }));
  fail(await ctx.anon.get(`/public/car/privateApply/${s.id}`), 404);
  // the QR of the public link
  for (const [template, size] of [['plain', [600, 600]], ['labelled', [600, 760]], ['card', [640, 880]]]) {
    const r = await getBinary(A.api, `/car/station/${s.id}/privateApplyQr`, { template });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('content-type'), 'image/png');
    assert.deepEqual(Object.values(pngSize(r.buf)), size);
  }
  fail(await A.api.get(`/car/station/${s.id}/privateApplyQr`, { template: 'fancy' }), 400, /template/);
});

test('SYS-USER station binding uses the car stations (stationOptions, bind, scope narrows lists)', async () => {
  const s1 = await addStation(A.api, A.id);
  const s2 = await addStation(A.api, A.id);
  const roleIds = [];
  const role = await addRole(ctx.admin, { roleType: 'property', providerId: P.id, propertyId: A.id, menuIds: await menuIds(ctx.admin, ['car:station:list']) });
  roleIds.push(role.id);
  const u = await addUser(ctx.admin, { userType: 'property', providerId: P.id, propertyId: A.id, roleIds });
  const opts = ok(await A.api.get('/system/user/stationOptions', { stationType: 'car', userId: u.id })).data;
  assert.ok(opts.some((o) => o.id === s1.id) && opts.some((o) => o.id === s2.id));
  // a station of another property cannot be bound
  const B = await propertyWithLogin(ctx.admin, P.id);
  const sb = await addStation(B.api, B.id);
  fail(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: [sb.id] }), 400, /stationIds/);
  ok(await ctx.admin.put('/system/user/stations', { id: u.id, stationType: 'car', stationIds: [s1.id] }));
  const api = await ctx.anon.session(u.userName, PASSWORD);
  const rows = (await api.list('/car/station/list')).rows;
  assert.deepEqual(rows.map((r) => r.id), [s1.id]);
});

test('CAR-FLOW start: station → default area → areas → tariff under the area', async () => {
  const s = await approvedStation(A.api, P.api, A.id);
  const area = await addArea(A.api, s.id, { name: '地下一层' });
  const row = ok(await A.api.get(`/car/area/${area.id}`)).data;
  assert.equal(row.stationName, s.name);
  assert.equal(row.isDefault, false);
  const t = await addTariff(A.api, s.id, area.id);
  assert.ok(t.id > 0);
  assert.equal(ok(await A.api.get(`/car/station/${s.id}`)).data.counts.areas, 2);
});
