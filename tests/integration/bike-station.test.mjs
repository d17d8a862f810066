// BIKE-ST (incl. invoice/pay configuration, audit, status, history), BIKE-AREA, BIKE-FLOW first steps,
// user ↔ e-bike station binding.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, addUser, PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import {
  addBikeStation, bikeStationBody, bikeDefaultArea, addBikeArea, addDevice, deviceBody, addBikeTariff,
} from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });  // /test/clock
let P; let A;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
});

test('a property user adds an e-bike station: pending audit, default area, detail with counts and history', async () => {
  const s = await addBikeStation(A.api, A.id);
  const row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  for (const k of ['name', 'shortName', 'servicePhone', 'operationType', 'openingHours', 'province', 'city', 'district', 'address'])
    assert.equal(row[k], s[k], k);
  assert.equal(row.propertyId, A.id);
  assert.equal(row.providerId, P.id);
  assert.equal(row.propertyName, A.name);
  assert.equal(row.providerName, P.name);
  assert.equal(row.auditStatus, 0);
  assert.equal(row.status, 0);
  assert.equal(row.timezone, 'Asia/Shanghai');
  assert.equal(row.longitude, 113.95);
  assert.equal(row.latitude, 22.54);
  assert.equal(row.invoiceConfigured, false);
  assert.equal(row.payConfigured, false);
  assert.deepEqual(row.counts, { areas: 1, devices: 0, sockets: 0 });
  assert.equal(row.history[0].action, 'create');
  assert.equal(row.createBy, A.userName);
  const area = await bikeDefaultArea(A.api, s.id);
  assert.equal(area.name, '默认区域');
  assert.match(area.code, /^Q\d{6}$/);
  assert.equal(area.stationName, s.name);
  assert.deepEqual(area.counts, { devices: 0, sockets: 0, tariffs: 0 });
  // counts follow devices and sockets
  await addDevice(A.api, s.id, area.id, { socketCount: 3 });
  const after = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.deepEqual(after.counts, { areas: 1, devices: 1, sockets: 3 });
});

test('station list filters: name, auditStatus, status, propertyId; options', async () => {
  const s = await addBikeStation(A.api, A.id);
  let r = await A.api.list('/bike/station/list', { name: s.name });
  assert.equal(r.total, 1);
  assert.equal(r.rows[0].id, s.id);
  assert.equal((await A.api.list('/bike/station/list', { name: s.name, auditStatus: 1 })).total, 0);
  assert.equal((await A.api.list('/bike/station/list', { name: s.name, auditStatus: 0 })).total, 1);
  assert.equal((await A.api.list('/bike/station/list', { name: s.name, status: 1 })).total, 0);
  assert.equal((await A.api.list('/bike/station/list', { name: s.name, propertyId: A.id })).total, 1);
  fail(await A.api.get('/bike/station/list', { status: 'x' }), 400, /status/);
  fail(await A.api.get('/bike/station/list', { orderByColumn: 'password' }), 400, /orderByColumn/);
  const opts = ok(await A.api.get('/bike/station/options', { propertyId: A.id })).data;
  assert.ok(opts.some((o) => o.id === s.id && o.name === s.name));
  // the car module's stations are a different list
  assert.ok(!(await A.api.list('/car/station/list')).rows.some((x) => x.name === s.name));
});

test('station validation names the field', async () => {
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { name: '' })), 400, /name/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { operationType: 9 })), 400, /operationType/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { openingHours: '25:00-26:00' })), 400, /openingHours/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { longitude: 200 })), 400, /longitude/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { latitude: 95 })), 400, /latitude/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { timezone: 'Mars/Base' })), 400, /timezone/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { servicePhone: 'abc' })), 400, /servicePhone/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { shortName: '很'.repeat(21) })), 400, /shortName/);
  fail(await A.api.post('/bike/station', bikeStationBody(undefined)), 400, /propertyId/);
  fail(await A.api.post('/bike/station', bikeStationBody(A.id, { providerId: P.id + 999 })), 400, /providerId/);
});

test('audit: property users cannot, provider users can (pending only); edits are recorded in the history', async () => {
  const s = await addBikeStation(A.api, A.id);
  fail(await A.api.put('/bike/station/audit', { id: s.id, auditStatus: 1 }), 403);
  fail(await P.api.put('/bike/station/audit', { id: s.id, auditStatus: 3 }), 400, /auditStatus/);
  ok(await P.api.put('/bike/station/audit', { id: s.id, auditStatus: 2, auditRemark: '资料不全' }));
  let row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 2);
  assert.equal(row.auditRemark, '资料不全');
  assert.equal(row.auditBy, P.userName);
  fail(await P.api.put('/bike/station/audit', { id: s.id, auditStatus: 1 }), 409, /待审核/);
  ok(await A.api.put('/bike/station', { ...bikeStationBody(A.id), id: s.id, name: s.name + '改', servicePhone: '400-800-9999' }));
  row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 0, 'editing a rejected station resubmits it');
  assert.equal(row.name, s.name + '改');
  assert.equal(row.servicePhone, '400-800-9999');
  const edit = row.history.find((h) => h.action === 'edit');
  assert.match(edit.detail, /name: .* → .*改/);
  assert.ok(row.history.some((h) => h.action === 'reject'));
  assert.ok(row.history.some((h) => h.action === 'resubmit'));
  ok(await ctx.admin.put('/bike/station/audit', { id: s.id, auditStatus: 1, auditRemark: 'ok' }));
  row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.equal(row.auditStatus, 1);
  assert.ok(row.history.some((h) => h.action === 'approve'));
});

test('a disabled station: no areas, devices or tariffs added; re-enabled it works again', async () => {
  const s = await addBikeStation(A.api, A.id);
  const area = await bikeDefaultArea(A.api, s.id);
  ok(await A.api.put('/bike/station/changeStatus', { id: s.id, status: 1 }));
  assert.equal(ok(await A.api.get(`/bike/station/${s.id}`)).data.status, 1);
  fail(await A.api.put('/bike/station/changeStatus', { id: s.id, status: 5 }), 400, /status/);
  fail(await A.api.post('/bike/area', { stationId: s.id, name: '新区域', phone: '' }), 409, /电站已停用/);
  fail(await A.api.post('/bike/device', deviceBody(s.id, area.id)), 409, /电站已停用/);
  fail(await A.api.post('/bike/tariff', { stationId: s.id, areaId: area.id, name: 't', mode: 'A', maxDurationMinutes: 60, autoStopAmount: 100, unitPrice: 100 }), 409, /电站已停用/);
  const opts = ok(await A.api.get('/bike/station/options', { enabledOnly: 1 })).data;
  assert.ok(!opts.some((o) => o.id === s.id), 'enabledOnly options hide the disabled station');
  const hist = ok(await A.api.get(`/bike/station/${s.id}`)).data.history;
  assert.ok(hist.some((h) => h.action === 'disable'));
  ok(await A.api.put('/bike/station/changeStatus', { id: s.id, status: 0 }));
  await addBikeArea(A.api, s.id);
});

test('a disabled property: no e-bike stations added under it', async () => {
  const B = await propertyWithLogin(ctx.admin, P.id);
  ok(await ctx.admin.put('/system/property/changeStatus', { id: B.id, status: 1 }));
  fail(await ctx.admin.post('/bike/station', bikeStationBody(B.id)), 409, /物业已停用/);
});

test('invoice configuration: validation, stored, flag on the row, masked nothing', async () => {
  const s = await addBikeStation(A.api, A.id);
  assert.equal(ok(await A.api.get(`/bike/station/${s.id}/invoiceConfig`)).data, null);
  const inv = {
    stationId: s.id, merchantNo: 'M001', sellerAddress: '深圳', bankAccount: '6222000011112222', bankName: '招商银行',
    drawer: '张三', companyName: '智充科技', payee: '李四', reviewer: '王五', taxpayerId: '91440300MA5EXAMPLE',
    electricityTaxRate: 1300, electricityTaxCode: '1100101', serviceTaxRate: 600, serviceTaxCode: '3040201', phone: '0755-88889999',
  };
  fail(await A.api.put('/bike/station/invoiceConfig', { ...inv, taxpayerId: 'abc' }), 400, /taxpayerId/);
  fail(await A.api.put('/bike/station/invoiceConfig', { ...inv, electricityTaxRate: 10001 }), 400, /electricityTaxRate/);
  fail(await A.api.put('/bike/station/invoiceConfig', { ...inv, merchantNo: '' }), 400, /merchantNo/);
  fail(await A.api.put('/bike/station/invoiceConfig', { ...inv, companyName: '' }), 400, /companyName/);
  fail(await A.api.put('/bike/station/invoiceConfig', { ...inv, phone: 'x' }), 400, /phone/);
  ok(await A.api.put('/bike/station/invoiceConfig', inv));
  const got = ok(await A.api.get(`/bike/station/${s.id}/invoiceConfig`)).data;
  for (const [k, v] of Object.entries(inv)) assert.equal(got[k], v, k);
  const row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.equal(row.invoiceConfigured, true);
  assert.ok(row.history.some((h) => h.action === 'invoice'));
  assert.equal((await A.api.list('/bike/station/list', { name: s.name })).rows[0].invoiceConfigured, true);
});

test('payment configuration: split ratios ≤ 100 %, write-only WeChat key, payConfigured', async () => {
  const s = await addBikeStation(A.api, A.id);
  let cfg = ok(await A.api.get(`/bike/station/${s.id}/payConfig`)).data;
  assert.equal(cfg.payConfigured, false);
  assert.equal(cfg.leshua.enabled, false);
  const key = 'k'.repeat(32);
  const body = {
    stationId: s.id,
    leshua: { enabled: true, merchantNo: 'LS001', profitSharing: true, splitAccounts: [{ account: 'a1', name: '物业', ratio: 6000 }, { account: 'a2', name: '运营', ratio: 4001 }] },
    suixingpay: { enabled: false, merchantNo: '', orgId: '' },
    wechat: { enabled: true, mchId: '1900000109', appId: 'wx123', serialNo: 'S1', apiV3Key: key },
  };
  fail(await A.api.put('/bike/station/payConfig', body), 400, /splitAccounts: 分账比例合计不能超过100%/);
  body.leshua.splitAccounts[1].ratio = 4000;
  fail(await A.api.put('/bike/station/payConfig', { ...body, wechat: { ...body.wechat, apiV3Key: 'short' } }), 400, /apiV3Key/);
  fail(await A.api.put('/bike/station/payConfig', { ...body, leshua: { ...body.leshua, merchantNo: '' } }), 400, /leshua.merchantNo/);
  ok(await A.api.put('/bike/station/payConfig', body));
  cfg = ok(await A.api.get(`/bike/station/${s.id}/payConfig`)).data;
  assert.equal(cfg.payConfigured, true);
  assert.equal(cfg.wechat.apiV3Key, '******', 'the secret is masked');
  assert.equal(cfg.leshua.splitAccounts.length, 2);
  assert.ok(!JSON.stringify(cfg).includes(key));
  // sending the mask keeps the stored key
  ok(await A.api.put('/bike/station/payConfig', { ...body, wechat: { ...body.wechat, apiV3Key: '******' } }));
  assert.equal(ok(await A.api.get(`/bike/station/${s.id}/payConfig`)).data.wechat.apiV3Key, '******');
  assert.equal((await A.api.list('/bike/station/list', { name: s.name })).rows[0].payConfigured, true);
  const log = (await ctx.admin.list('/monitor/operlog/list', { title: '单车电站-支付配置' })).rows;
  assert.ok(log.length >= 2, 'pay config writes are logged');
  assert.ok(log.every((l) => !String(l.operParam).includes(key)), 'the API v3 key never reaches the operation log');
  // the operation log never holds the key either… but the station's own config is per type
  const s2 = await addBikeStation(A.api, A.id);
  assert.equal(ok(await A.api.get(`/bike/station/${s2.id}/payConfig`)).data.payConfigured, false);
  fail(await A.api.put('/bike/station/payConfig', { ...body, stationId: s2.id, wechat: { ...body.wechat, apiV3Key: '******' } }), 400, /apiV3Key/);
});

test('areas: add, edit, filters, detail, disable blocks devices and tariffs', async () => {
  const s = await addBikeStation(A.api, A.id);
  const a = await addBikeArea(A.api, s.id, { phone: '0755-12345678' });
  let row = ok(await A.api.get(`/bike/area/${a.id}`)).data;
  assert.equal(row.name, a.name);
  assert.equal(row.phone, '0755-12345678');
  assert.equal(row.isDefault, false);
  assert.equal(row.stationId, s.id);
  assert.match(row.code, /^Q\d{6}$/);
  ok(await A.api.put('/bike/area', { id: a.id, name: a.name + '改', phone: '' }));
  row = ok(await A.api.get(`/bike/area/${a.id}`)).data;
  assert.equal(row.name, a.name + '改');
  assert.equal((await A.api.list('/bike/area/list', { stationId: s.id })).total, 2);
  assert.equal((await A.api.list('/bike/area/list', { stationId: s.id, name: '改' })).total, 1);
  assert.equal((await A.api.list('/bike/area/list', { code: row.code })).total, 1);
  fail(await A.api.post('/bike/area', { stationId: s.id, name: '', phone: '' }), 400, /name/);
  fail(await A.api.post('/bike/area', { stationId: s.id, name: 'x', phone: 'bad' }), 400, /phone/);
  ok(await A.api.put('/bike/area/changeStatus', { id: a.id, status: 1 }));
  assert.equal((await A.api.list('/bike/area/list', { stationId: s.id, status: 1 })).total, 1);
  fail(await A.api.post('/bike/device', deviceBody(s.id, a.id)), 409, /区域已停用/);
  fail(await A.api.post('/bike/tariff', { stationId: s.id, areaId: a.id, name: 't', mode: 'A', maxDurationMinutes: 60, autoStopAmount: 100, unitPrice: 100 }), 409, /区域已停用/);
  const opts = ok(await A.api.get('/bike/area/options', { stationId: s.id, enabledOnly: 1 })).data;
  assert.ok(!opts.some((o) => o.id === a.id));
  ok(await A.api.put('/bike/area/changeStatus', { id: a.id, status: 0 }));
  await addDevice(A.api, s.id, a.id);
  // an area of another station is refused
  const other = await addBikeStation(A.api, A.id);
  fail(await A.api.post('/bike/device', deviceBody(other.id, a.id)), 400, /areaId/);
});

test('area delete: refused with devices, with tariffs, for the default area; allowed when empty', async () => {
  const s = await addBikeStation(A.api, A.id);
  const def = await bikeDefaultArea(A.api, s.id);
  fail(await A.api.del(`/bike/area/${def.id}`), 409, /默认区域/);
  const a = await addBikeArea(A.api, s.id);
  const d = await addDevice(A.api, s.id, a.id);
  const t = await addBikeTariff(A.api, s.id, a.id);
  const counts = ok(await A.api.get(`/bike/area/${a.id}`)).data.counts;
  assert.deepEqual(counts, { devices: 1, sockets: 2, tariffs: 1 });
  fail(await A.api.del(`/bike/area/${a.id}`), 409, /^区域下存在充电设备，请先删除设备$/);
  ok(await A.api.del(`/bike/device/${d.id}`));
  fail(await A.api.del(`/bike/area/${a.id}`), 409, /^区域下存在计费规则，请先删除计费规则$/);
  ok(await A.api.del(`/bike/tariff/${t.id}`));
  ok(await A.api.del(`/bike/area/${a.id}`));
  fail(await A.api.get(`/bike/area/${a.id}`), 404);
});

test('user ↔ e-bike station binding uses the bike stations; a bound user sees only those', async () => {
  const s1 = await addBikeStation(A.api, A.id);
  const s2 = await addBikeStation(A.api, A.id);
  const opts = ok(await A.api.get('/system/user/stationOptions', { stationType: 'bike' })).data;
  assert.ok(opts.some((o) => o.id === s1.id) && opts.some((o) => o.id === s2.id));
  const u = await addUser(A.api, { userType: 'property', propertyId: A.id, roleIds: [] });
  ok(await A.api.put('/system/user/stations', { id: u.id, stationType: 'bike', stationIds: [s1.id] }));
  fail(await A.api.put('/system/user/stations', { id: u.id, stationType: 'bike', stationIds: [999999] }), [400, 404]);
  const detail = ok(await A.api.get(`/system/user/${u.id}`)).data;
  assert.ok(detail.stations.some((x) => x.stationType === 'bike' && x.stationId === s1.id));
  // give the user the property admin's pages: use the admin role of the property via role options
  const roles = ok(await A.api.get('/system/role/options', { roleType: 'property', propertyId: A.id })).data;
  const admin = roles.find((r) => r.roleKey === 'property_admin') || roles[0];
  assert.ok(admin, 'property_admin role offered');
  {
    ok(await A.api.put('/system/user', { id: u.id, nickName: u.nickName, email: u.email, roleIds: [admin.id] }));
    const api = await ctx.anon.session(u.userName, PASSWORD);
    const rows = (await api.list('/bike/station/list')).rows;
    assert.deepEqual(rows.map((r) => r.id), [s1.id]);
    fail(await api.get(`/bike/station/${s2.id}`), 404);
    const areas = (await api.list('/bike/area/list')).rows;
    assert.ok(areas.every((x) => x.stationId === s1.id));
  }
});

test('the e-bike side follows the business clock that /test/clock moves (as the car side does)', async () => {
  const moved = Date.UTC(2031, 4, 6, 7, 8, 9);
  ok(await ctx.admin.post('/test/clock', { now: moved }));
  try {
    const near = (t, what) => assert.ok(t >= moved && t < moved + 60000, `${what}: ${t} is not the moved clock`);
    const s = await addBikeStation(A.api, A.id);
    const row = ok(await A.api.get(`/bike/station/${s.id}`)).data;
    near(row.createTime, 'station createTime');
    near(row.history[0].time, 'station history');
    const area = await addBikeArea(A.api, s.id);
    near((await A.api.list('/bike/area/list', { stationId: s.id, name: area.name })).rows[0].createTime, 'area');
    const d = await addDevice(A.api, s.id, area.id, { socketCount: 1 });
    near(ok(await A.api.get(`/bike/device/${d.id}`)).data.createTime, 'device');
    const t = await addBikeTariff(A.api, s.id, area.id);
    near(ok(await A.api.get(`/bike/tariff/${t.id}`)).data.createTime, 'tariff');
  } finally {
    ok(await ctx.admin.post('/test/clock', { offsetMs: 0 }));
  }
});
