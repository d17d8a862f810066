// SYS-SCOPE on every e-bike endpoint: two properties (of two providers) never see or touch each other's
// stations, areas, devices, sockets and tariffs; a provider sees its properties' rows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, addUser, PASSWORD } from './lib/fixture.mjs';
import { ok, fail, denied } from './lib/client.mjs';
import {
  addBikeStation, bikeStationBody, bikeDefaultArea, addBikeArea, addDevice, deviceBody, addBikeTariff, DOC_TARIFFS,
  waitExport, getBinary, xlsxRows,
} from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
let P1; let P2; let A; let B;
let mine; // A's rows

before(async () => {
  await ctx.ready();
  P1 = await approvedProvider(ctx.admin);
  P2 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P1.id);
  B = await propertyWithLogin(ctx.admin, P2.id);
  const s = await addBikeStation(A.api, A.id);
  const area = await addBikeArea(A.api, s.id);
  const d = await addDevice(A.api, s.id, area.id);
  const dev = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  const t = await addBikeTariff(A.api, s.id, area.id);
  mine = { s, area, d, dev, socket: dev.sockets[0], t };
  // B has its own station so its lists are not empty
  const sb = await addBikeStation(B.api, B.id);
  await addDevice(B.api, sb.id, (await bikeDefaultArea(B.api, sb.id)).id);
});

test('lists and options of another property hold none of its rows', async () => {
  const { s, area, dev, t } = mine;
  for (const [path, id] of [['/bike/station/list', s.id], ['/bike/area/list', area.id], ['/bike/device/list', dev.id],
    ['/bike/socket/list', mine.socket.id], ['/bike/tariff/list', t.id]]) {
    const rows = (await B.api.list(path)).rows;
    assert.ok(rows.length > 0 || path === '/bike/tariff/list', `${path}: B sees its own rows`);
    assert.ok(!rows.some((r) => r.id === id), `${path}: B must not see A's row`);
    assert.ok((await A.api.list(path)).rows.some((r) => r.id === id), `${path}: A sees its row`);
    assert.ok((await P1.api.list(path)).rows.some((r) => r.id === id), `${path}: A's provider sees it`);
    assert.ok(!(await P2.api.list(path)).rows.some((r) => r.id === id), `${path}: another provider does not`);
  }
  // filtering by A's ids gives nothing either
  assert.equal((await B.api.list('/bike/device/list', { stationId: s.id })).total, 0);
  assert.equal((await B.api.list('/bike/socket/list', { deviceCode: dev.code })).total, 0);
  assert.ok(!ok(await B.api.get('/bike/station/options')).data.some((o) => o.id === s.id));
  assert.ok(!ok(await B.api.get('/bike/area/options', { stationId: s.id })).data.some((o) => o.id === area.id));
  assert.ok(!ok(await B.api.get('/system/user/stationOptions', { stationType: 'bike' })).data.some((o) => o.id === s.id));
});

test('reads of another property\'s rows are 404 (stations, configs, areas, devices, sockets, tariffs, QR)', async () => {
  const { s, area, dev, socket, t } = mine;
  for (const path of [`/bike/station/${s.id}`, `/bike/station/${s.id}/invoiceConfig`, `/bike/station/${s.id}/payConfig`,
    `/bike/area/${area.id}`, `/bike/device/${dev.id}`, `/bike/device/${dev.id}/qr`, `/bike/socket/${socket.id}`,
    `/bike/socket/${socket.id}/qr`, `/bike/tariff/${t.id}`])
    denied(await B.api.get(path), path);
  const r = await getBinary(B.api, `/bike/socket/${socket.id}/qr`);
  assert.equal(r.status, 404);
});

test('writes to another property\'s rows are 404 and change nothing', async () => {
  const { s, area, dev, socket, t } = mine;
  const inv = { stationId: s.id, merchantNo: 'M', companyName: 'C', taxpayerId: '91440300MA5EXAMPLE' };
  const writes = [
    B.api.put('/bike/station', { ...bikeStationBody(A.id), id: s.id }),
    B.api.put('/bike/station/changeStatus', { id: s.id, status: 1 }),
    B.api.put('/bike/station/invoiceConfig', inv),
    B.api.put('/bike/station/payConfig', { stationId: s.id }),
    B.api.post('/bike/station', bikeStationBody(A.id)),
    B.api.post('/bike/area', { stationId: s.id, name: 'x', phone: '' }),
    B.api.put('/bike/area', { id: area.id, name: 'x', phone: '' }),
    B.api.put('/bike/area/changeStatus', { id: area.id, status: 1 }),
    B.api.del(`/bike/area/${area.id}`),
    B.api.post('/bike/device', deviceBody(s.id, area.id)),
    B.api.put('/bike/device', { ...deviceBody(s.id, area.id), id: dev.id, factoryNo: dev.factoryNo }),
    B.api.put('/bike/device/changeStatus', { id: dev.id, status: 1 }),
    B.api.del(`/bike/device/${dev.id}`),
    B.api.post(`/bike/device/${dev.id}/command`, { command: 'refresh' }),
    B.api.put('/bike/socket', { id: socket.id, name: 'x' }),
    B.api.put('/bike/socket/changeStatus', { id: socket.id, status: 1 }),
    B.api.post('/bike/tariff', { stationId: s.id, areaId: area.id, name: 'x', ...DOC_TARIFFS.A }),
    B.api.put('/bike/tariff', { id: t.id, name: 'x', ...DOC_TARIFFS.A }),
    B.api.put('/bike/tariff/prepay', { id: t.id, prepayValues: [100] }),
    B.api.put('/bike/tariff/changeStatus', { id: t.id, status: 1 }),
    B.api.del(`/bike/tariff/${t.id}`),
    B.api.post('/bike/tariff/billingTest', { id: t.id, durationMinutes: 60 }),
    B.api.post('/bike/tariff/prepayDuration', { id: t.id, amount: 100 }),
  ];
  for (const r of await Promise.all(writes)) denied(r, `${r.method} ${r.path}`);
  // nothing changed
  const st = ok(await A.api.get(`/bike/station/${s.id}`)).data;
  assert.equal(st.status, 0);
  assert.equal(st.name, s.name);
  assert.equal(st.invoiceConfigured, false);
  assert.equal(ok(await A.api.get(`/bike/area/${area.id}`)).data.status, 0);
  assert.equal(ok(await A.api.get(`/bike/device/${dev.id}`)).data.status, 0);
  assert.equal(ok(await A.api.get(`/bike/socket/${socket.id}`)).data.name, socket.name);
  assert.equal(ok(await A.api.get(`/bike/tariff/${t.id}`)).data.status, 0);
});

test('QR exports only hold rows in the caller\'s scope', async () => {
  const job = ok(await B.api.post('/bike/socket/qrExport', {})).data.jobId;
  const st = await waitExport(B.api, job);
  assert.equal(st.status, 'done');
  const { rows } = xlsxRows((await getBinary(B.api, `/export/${job}/download`)).buf);
  assert.ok(!rows.some((r) => r.includes(mine.socket.code)), 'A\'s socket is not in B\'s export');
  assert.ok(rows.length >= 2);
  const jobD = ok(await B.api.post('/bike/device/qrExport', { code: mine.dev.code })).data.jobId;
  assert.equal((await waitExport(B.api, jobD)).total, 0);
});

test('permissions: the property admin has the e-bike buttons but not auditing; a user without them gets 403', async () => {
  const info = ok(await A.api.get('/getInfo')).data;
  for (const p of ['bike:station:add', 'bike:station:invoice', 'bike:station:pay', 'bike:area:remove', 'bike:device:command',
    'bike:device:qr', 'bike:device:export', 'bike:socket:export', 'bike:tariff:test', 'bike:tariff:prepay', 'bike:tariff:remove'])
    assert.ok(info.permissions.includes(p), p);
  assert.ok(!info.permissions.includes('bike:station:audit'));
  const pinfo = ok(await P1.api.get('/getInfo')).data;
  assert.ok(pinfo.permissions.includes('bike:station:audit'));
  const routers = ok(await A.api.get('/getRouters')).data;
  const bike = routers.find((m) => m.path === '/bike');
  assert.ok(bike && bike.children.length === 5, 'the five e-bike pages');
  const u = await addUser(A.api, { userType: 'property', propertyId: A.id, roleIds: [] });
  const bare = await ctx.anon.session(u.userName, PASSWORD);
  fail(await bare.get('/bike/station/list'), 403);
  fail(await bare.post('/bike/tariff/billingTest', { id: mine.t.id, durationMinutes: 10 }), 403);
  fail(await bare.del(`/bike/device/${mine.dev.id}`), 403);
});
