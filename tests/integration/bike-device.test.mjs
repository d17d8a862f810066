// BIKE-DEV and BIKE-SOCK: codes, uniqueness, sockets from the socket count, edit, enable/disable,
// delete (refused while charging), device commands (offline until a protocol connects), QR labels
// (3 templates) and the QR Excel exports end to end.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import {
  addBikeStation, bikeDefaultArea, addDevice, deviceBody, waitExport, getBinary, pngSize, xlsxRows,
} from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1', ZHICHONG_APP_PUBLIC_URL: 'https://zc.example.com/' } });
let P; let A; let S; let AREA;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await addBikeStation(A.api, A.id);
  AREA = await bikeDefaultArea(A.api, S.id);
});

test('add a device: every field stored, 12-digit code assigned, sockets created with stable codes', async () => {
  const d = await addDevice(A.api, S.id, AREA.id, { socketCount: 10, deviceType: 3 });
  const row = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  for (const k of ['factoryNo', 'name', 'deviceType', 'location', 'ratedPower', 'ratedVoltage', 'ratedCurrent',
    'currentUpperLimit', 'currentLowerLimit', 'socketCount', 'productionDate', 'deploymentDate', 'protocol'])
    assert.equal(row[k], d[k], k);
  assert.match(row.code, /^\d{12}$/);
  assert.equal(row.stationId, S.id);
  assert.equal(row.stationName, S.name);
  assert.equal(row.areaId, AREA.id);
  assert.equal(row.areaName, '默认区域');
  assert.equal(row.online, false);
  assert.equal(row.lastSeen, null);
  assert.equal(row.status, 0);
  assert.equal(row.sockets.length, 10);
  row.sockets.forEach((s, i) => {
    assert.equal(s.socketNo, i + 1);
    assert.equal(s.code, row.code + String(i + 1).padStart(2, '0'));
    assert.equal(s.state, 'offline', 'a device that never connected: its sockets offline, as the guns of a new pile');
    assert.equal(s.qrUrl, `https://zc.example.com/app/socket/${s.code}`);
  });
  const socks = await A.api.list('/bike/socket/list', { deviceCode: row.code });
  assert.equal(socks.total, 10);
  const s1 = socks.rows.find((s) => s.socketNo === 1);
  for (const [k, v] of Object.entries({ stationId: S.id, areaId: AREA.id, areaName: '默认区域', deviceId: d.id, deviceCode: row.code, deviceName: d.name, factoryNo: d.factoryNo, state: 'offline', status: 0 }))
    assert.equal(s1[k], v, k);
});

test('a given device code must be 12 digits and unique; factory numbers unique', async () => {
  const code = String(Date.now()).slice(-12).padStart(12, '7');
  const d = await addDevice(A.api, S.id, AREA.id, { code });
  assert.equal(ok(await A.api.get(`/bike/device/${d.id}`)).data.code, code);
  fail(await A.api.post('/bike/device', deviceBody(S.id, AREA.id, { code })), 409, /code/);
  fail(await A.api.post('/bike/device', deviceBody(S.id, AREA.id, { code: '123' })), 400, /code/);
  fail(await A.api.post('/bike/device', deviceBody(S.id, AREA.id, { code: 'abcdefghijkl' })), 400, /code/);
  fail(await A.api.post('/bike/device', deviceBody(S.id, AREA.id, { factoryNo: d.factoryNo })), 409, /factoryNo/);
  // sockets of the new device continue the code
  const socks = (await A.api.list('/bike/socket/list', { deviceCode: code })).rows.map((s) => s.code).sort();
  assert.deepEqual(socks, [code + '01', code + '02']);
});

test('device validation names the field', async () => {
  const bad = async (fields, re) => fail(await A.api.post('/bike/device', deviceBody(S.id, AREA.id, fields)), 400, re);
  await bad({ socketCount: 0 }, /socketCount/);
  await bad({ socketCount: 21 }, /socketCount/);
  await bad({ deviceType: 6 }, /deviceType/);
  await bad({ currentLowerLimit: 200, currentUpperLimit: 100 }, /currentLowerLimit/);
  await bad({ productionDate: '2024-02-30' }, /productionDate/);
  await bad({ deploymentDate: '2024/03/01' }, /deploymentDate/);
  await bad({ protocol: 'ykc' }, /protocol/);
  await bad({ factoryNo: 'has space' }, /factoryNo/);
  await bad({ name: '' }, /name/);
  await bad({ ratedPower: -1 }, /ratedPower/);
  await bad({ ratedVoltage: 'x' }, /ratedVoltage/);
});

test('device edit (code, factory no. and socket count fixed), filters, enable/disable', async () => {
  const d = await addDevice(A.api, S.id, AREA.id);
  const row = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  const upd = { ...deviceBody(S.id, AREA.id), id: d.id, factoryNo: d.factoryNo, name: d.name + '改', location: '西侧', ratedPower: 1200, deviceType: 4 };
  ok(await A.api.put('/bike/device', upd));
  const after = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  assert.equal(after.name, d.name + '改');
  assert.equal(after.location, '西侧');
  assert.equal(after.ratedPower, 1200);
  assert.equal(after.deviceType, 4);
  assert.equal(after.code, row.code);
  fail(await A.api.put('/bike/device', { ...upd, factoryNo: 'OTHER1' }), 400, /factoryNo/);
  fail(await A.api.put('/bike/device', { ...upd, socketCount: 5 }), 400, /socketCount/);
  fail(await A.api.put('/bike/device', { ...upd, code: '999999999999' }), 400, /code/);
  // filters
  assert.equal((await A.api.list('/bike/device/list', { code: row.code })).total, 1);
  assert.equal((await A.api.list('/bike/device/list', { factoryNo: d.factoryNo })).total, 1);
  assert.equal((await A.api.list('/bike/device/list', { name: d.name + '改' })).total, 1);
  assert.equal((await A.api.list('/bike/device/list', { stationId: S.id, areaId: AREA.id, code: row.code })).total, 1);
  assert.equal((await A.api.list('/bike/device/list', { code: row.code, online: 1 })).total, 0);
  ok(await A.api.put('/bike/device/changeStatus', { id: d.id, status: 1 }));
  assert.equal((await A.api.list('/bike/device/list', { code: row.code, status: 1 })).total, 1);
  assert.equal((await A.api.list('/bike/device/list', { code: row.code, status: 0 })).total, 0);
  fail(await A.api.post(`/bike/device/${d.id}/command`, { command: 'reboot' }), 409, /停用/);
  ok(await A.api.put('/bike/device/changeStatus', { id: d.id, status: 0 }));
});

test('device commands go through the gateway: offline until a protocol connects, never faked', async () => {
  const d = await addDevice(A.api, S.id, AREA.id);
  fail(await A.api.post(`/bike/device/${d.id}/command`, { command: 'refresh' }), 409, /设备不在线/);
  fail(await A.api.post(`/bike/device/${d.id}/command`, { command: 'reboot' }), 409, /设备不在线/);
  fail(await A.api.post(`/bike/device/${d.id}/command`, { command: 'explode' }), 400, /command/);
  assert.equal(ok(await A.api.get(`/bike/device/${d.id}`)).data.online, false);
});

test('sockets: edit name, enable/disable, filters by device/factory no./name/state/status', async () => {
  const d = await addDevice(A.api, S.id, AREA.id, { socketCount: 3 });
  const code = ok(await A.api.get(`/bike/device/${d.id}`)).data.code;
  const socks = (await A.api.list('/bike/socket/list', { deviceCode: code })).rows;
  const s = socks.find((x) => x.socketNo === 2);
  ok(await A.api.put('/bike/socket', { id: s.id, name: '二号插座' }));
  fail(await A.api.put('/bike/socket', { id: s.id, name: '' }), 400, /name/);
  const got = ok(await A.api.get(`/bike/socket/${s.id}`)).data;
  assert.equal(got.name, '二号插座');
  assert.equal(got.qrUrl, `https://zc.example.com/app/socket/${s.code}`);
  ok(await A.api.put('/bike/socket/changeStatus', { id: s.id, status: 1 }));
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code, status: 1 })).total, 1);
  assert.equal((await A.api.list('/bike/socket/list', { factoryNo: d.factoryNo })).total, 3);
  assert.equal((await A.api.list('/bike/socket/list', { deviceName: d.name })).total, 3);
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code, state: 'offline' })).total, 3);
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code, state: 'idle' })).total, 0);
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code, state: 'charging' })).total, 0);
  ok(await ctx.admin.put('/test/bike/socket/state', { id: s.id, state: 'charging' }));
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code, state: 'charging' })).total, 1);
  fail(await A.api.put('/test/bike/socket/state', { id: s.id, state: 'idle' }), 403);
  ok(await ctx.admin.put('/test/bike/socket/state', { id: s.id, state: 'idle' }));
});

test('device delete: with its sockets; refused while a socket is charging; several ids at once', async () => {
  const d1 = await addDevice(A.api, S.id, AREA.id);
  const d2 = await addDevice(A.api, S.id, AREA.id);
  const code1 = ok(await A.api.get(`/bike/device/${d1.id}`)).data.code;
  const s = (await A.api.list('/bike/socket/list', { deviceCode: code1 })).rows[0];
  ok(await ctx.admin.put('/test/bike/socket/state', { id: s.id, state: 'charging' }));
  fail(await A.api.del(`/bike/device/${d1.id},${d2.id}`), 409, /正在充电/);
  assert.equal(ok(await A.api.get(`/bike/device/${d2.id}`)).data.id, d2.id, 'nothing deleted (one transaction)');
  ok(await ctx.admin.put('/test/bike/socket/state', { id: s.id, state: 'idle' }));
  ok(await A.api.del(`/bike/device/${d1.id},${d2.id}`));
  fail(await A.api.get(`/bike/device/${d1.id}`), 404);
  fail(await A.api.get(`/bike/socket/${s.id}`), 404);
  assert.equal((await A.api.list('/bike/socket/list', { deviceCode: code1 })).total, 0);
  fail(await A.api.del(`/bike/device/${d1.id}`), 404);
});

test('QR labels of devices and sockets: 3 templates, PNG sizes, unknown template 400', async () => {
  const d = await addDevice(A.api, S.id, AREA.id);
  const s = ok(await A.api.get(`/bike/device/${d.id}`)).data.sockets[0];
  const sizes = { plain: [600, 600], labelled: [600, 760], card: [640, 880] };
  for (const [tmpl, [w, h]] of Object.entries(sizes)) {
    for (const path of [`/bike/device/${d.id}/qr`, `/bike/socket/${s.id}/qr`]) {
      const r = await getBinary(A.api, path, { template: tmpl });
      assert.equal(r.status, 200, `${path} ${tmpl}`);
      assert.equal(r.headers.get('content-type'), 'image/png');
      assert.deepEqual(pngSize(r.buf), { width: w, height: h }, `${path} ${tmpl}`);
    }
  }
  const plain = await getBinary(A.api, `/bike/socket/${s.id}/qr`);
  assert.deepEqual(pngSize(plain.buf), { width: 600, height: 600 });
  fail(await A.api.get(`/bike/socket/${s.id}/qr`, { template: 'fancy' }), 400, /template/);
  fail(await A.api.get(`/bike/device/${d.id}/qr`, { template: 'fancy' }), 400, /template/);
});

test('QR export of sockets and devices: job, progress, xlsx rows with station, image, URL, factory no., codes', async () => {
  const st = await addBikeStation(A.api, A.id);
  const area = await bikeDefaultArea(A.api, st.id);
  const d1 = await addDevice(A.api, st.id, area.id, { socketCount: 2 });
  const d2 = await addDevice(A.api, st.id, area.id, { socketCount: 3 });
  const code1 = ok(await A.api.get(`/bike/device/${d1.id}`)).data.code;
  const code2 = ok(await A.api.get(`/bike/device/${d2.id}`)).data.code;
  // sockets of the station
  let job = ok(await A.api.post('/bike/socket/qrExport', { stationId: st.id })).data.jobId;
  assert.equal(typeof job, 'string');
  let st1 = await waitExport(A.api, job);
  assert.equal(st1.status, 'done', JSON.stringify(st1));
  assert.equal(st1.total, 5);
  assert.equal(st1.written, 5);
  let file = await getBinary(A.api, `/export/${job}/download`);
  assert.equal(file.status, 200);
  let { rows, images } = xlsxRows(file.buf);
  assert.deepEqual(rows[0], ['电站', '二维码', '二维码URL', '出厂标识', '设备编号', '插座编号']);
  assert.equal(rows.length, 6);
  assert.equal(images.length, 5, 'one QR image per socket');
  const byCode = new Map(rows.slice(1).map((r) => [r[5], r]));
  for (const [code, d, n] of [[code1, d1, 2], [code2, d2, 3]]) {
    for (let i = 1; i <= n; i++) {
      const sc = code + String(i).padStart(2, '0');
      const r = byCode.get(sc);
      assert.ok(r, `row of socket ${sc}`);
      assert.equal(r[0], st.name);
      assert.equal(r[2], `https://zc.example.com/app/socket/${sc}`);
      assert.equal(r[3], d.factoryNo);
      assert.equal(r[4], code);
    }
  }
  // filters apply: one device's sockets only
  job = ok(await A.api.post('/bike/socket/qrExport', { deviceCode: code2 })).data.jobId;
  st1 = await waitExport(A.api, job);
  assert.equal(st1.total, 3);
  // devices
  job = ok(await A.api.post('/bike/device/qrExport', { stationId: st.id })).data.jobId;
  st1 = await waitExport(A.api, job);
  assert.equal(st1.status, 'done');
  file = await getBinary(A.api, `/export/${job}/download`);
  ({ rows, images } = xlsxRows(file.buf));
  assert.deepEqual(rows[0], ['电站', '二维码', '二维码URL', '出厂标识', '设备编号']);
  assert.equal(rows.length, 3);
  assert.equal(images.length, 2);
  const dev = rows.find((r) => r[4] === code1);
  assert.equal(dev[2], `https://zc.example.com/app/device/${code1}`);
  assert.equal(dev[3], d1.factoryNo);
  // only the user who started it may read it; a bad filter is a 400 of the request
  const other = await propertyWithLogin(ctx.admin, P.id);
  fail(await other.api.get(`/export/${job}`), 404);
  fail(await A.api.post('/bike/socket/qrExport', { status: 'x' }), 400, /status/);
});
