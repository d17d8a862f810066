// CAR-AREA, CAR-SPOT, CAR-CAM, CAR-PILE, CAR-GUN: rules, codes, gun counts, device commands (offline),
// QR labels, the QR Excel export job, app visibility.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, Api } from './lib/client.mjs';
import {
  approvedStation, addStation, defaultArea, addArea, addPile, pileBody, pileCode, factoryNo, addTariff, getBinary,
  pngSize, waitExport, xlsxRows,
} from './lib/car.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1', ZHICHONG_APP_PUBLIC_URL: 'https://zc.example.com/' } });
let P; let A; let S; let AREA;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await approvedStation(A.api, P.api, A.id);
  AREA = await addArea(A.api, S.id, { name: 'A区' });
});

test('areas: add/edit/detail/filters/options; a disabled area blocks piles, tariffs, spots and cameras', async () => {
  const a = await addArea(A.api, S.id, { name: '二层', phone: '13800138000', power: 250 });
  let row = ok(await A.api.get(`/car/area/${a.id}`)).data;
  assert.match(row.code, /^Q\d{6}$/);
  assert.equal(row.power, 250);
  assert.equal(row.stationName, S.name);
  ok(await A.api.put('/car/area', { id: a.id, name: '二层东', phone: '0755-1234567', power: 300 }));
  row = ok(await A.api.get(`/car/area/${a.id}`)).data;
  assert.equal(row.name, '二层东');
  assert.equal((await A.api.list('/car/area/list', { stationId: S.id, code: row.code })).total, 1);
  assert.equal((await A.api.list('/car/area/list', { stationId: S.id, name: '二层东' })).total, 1);
  fail(await A.api.post('/car/area', { stationId: S.id, name: '' }), 400, /name/);
  fail(await A.api.post('/car/area', { stationId: S.id, name: 'x', power: -1 }), 400, /power/);
  ok(await A.api.put('/car/area/changeStatus', { id: a.id, status: 1 }));
  assert.equal((await A.api.list('/car/area/list', { stationId: S.id, status: 1 })).rows[0].id, a.id);
  fail(await A.api.post('/car/pile', pileBody(S.id, a.id)), 409, /区域已停用/);
  fail(await A.api.post('/car/tariff', { stationId: S.id, areaId: a.id, name: 't', mode: 'unified', tiers: { flat: { energyPrice: 1, servicePrice: 1 } } }), 409, /区域已停用/);
  fail(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 1 }), 409, /区域已停用/);
  const opts = ok(await A.api.get('/car/area/options', { stationId: S.id, enabledOnly: 1 })).data;
  assert.ok(!opts.some((o) => o.id === a.id));
  // an area of another station is refused
  const other = await addStation(A.api, A.id);
  const otherArea = await defaultArea(A.api, other.id);
  fail(await A.api.post('/car/pile', pileBody(S.id, otherArea.id)), 400, /areaId/);
});

test('spots: batch add numbered per area, edit, status, filters, lock commands answer offline', async () => {
  const a = await addArea(A.api, S.id);
  const r1 = ok(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 3, lockType: 1 })).data;
  assert.equal(r1.ids.length, 3);
  const r2 = ok(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 2, lockType: 0, namePrefix: 'B' })).data;
  const rows = (await A.api.list('/car/spot/list', { areaId: a.id, orderByColumn: 'id', isAsc: 'asc' })).rows;
  assert.deepEqual(rows.map((s) => s.name), ['车位001', '车位002', '车位003', 'B004', 'B005']);
  assert.ok(rows.every((s) => /^P\d{6}$/.test(s.code) && s.lockState === 'unknown' && s.areaName === a.name));
  assert.equal((await A.api.list('/car/spot/list', { areaId: a.id, lockType: 1 })).total, 3);
  fail(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 0 }), 400, /count/);
  fail(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 201 }), 400, /count/);
  fail(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 1, lockType: 7 }), 400, /lockType/);
  ok(await A.api.put('/car/spot', { id: r1.ids[0], name: 'VIP-1', lockType: 1 }));
  assert.equal(ok(await A.api.get(`/car/spot/${r1.ids[0]}`)).data.name, 'VIP-1');
  ok(await A.api.put('/car/spot/changeStatus', { id: r1.ids[1], status: 1 }));
  assert.equal((await A.api.list('/car/spot/list', { areaId: a.id, status: 1 })).total, 1);
  // a ground lock bound to no pile: nothing can drive it → 409 saying so (not "offline"), never a fake success
  fail(await A.api.put('/car/spot/lock', { id: r1.ids[0], action: 'open' }), 409, /地锁未绑定控制设备/);
  fail(await A.api.put('/car/spot/lock', { id: r2.ids[0], action: 'open' }), 409, /没有地锁/);
  fail(await A.api.put('/car/spot/lock', { id: r1.ids[0], action: 'jump' }), 400, /action/);
  assert.equal(ok(await A.api.get(`/car/spot/${r1.ids[0]}`)).data.lockState, 'unknown');
  const opts = ok(await A.api.get('/car/spot/options', { areaId: a.id })).data;
  assert.equal(opts.length, 5);
});

test('cameras: unique factory no., left/right spots of the same area bound once, commands 409', async () => {
  const a = await addArea(A.api, S.id);
  const { ids } = ok(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: a.id, count: 3, lockType: 2 })).data;
  const fno = factoryNo('CAM');
  const body = { stationId: S.id, areaId: a.id, factoryNo: fno, ip: '192.168.1.20', name: '入口相机', sim: '1440000000', leftSpotId: ids[0], rightSpotId: ids[1] };
  fail(await A.api.post('/car/camera', { ...body, ip: '300.1.1.1' }), 400, /ip/);
  fail(await A.api.post('/car/camera', { ...body, rightSpotId: ids[0] }), 400, /rightSpotId/);
  const id = ok(await A.api.post('/car/camera', body)).data.id;
  fail(await A.api.post('/car/camera', { ...body, leftSpotId: null, rightSpotId: null }), 409, /factoryNo/);
  fail(await A.api.post('/car/camera', { ...body, factoryNo: factoryNo('CAM'), leftSpotId: ids[1], rightSpotId: null }), 409, /leftSpotId: 车位已绑定其他相机/);
  const other = await addArea(A.api, S.id);
  const { ids: otherIds } = ok(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: other.id, count: 1 })).data;
  fail(await A.api.post('/car/camera', { ...body, factoryNo: factoryNo('CAM'), leftSpotId: otherIds[0], rightSpotId: null }), 400, /leftSpotId/);
  let row = ok(await A.api.get(`/car/camera/${id}`)).data;
  assert.match(row.code, /^C\d{6}$/);
  assert.equal(row.online, false);
  assert.equal(row.leftSpotId, ids[0]);
  assert.ok(row.leftSpotCode && row.rightSpotCode);
  const spot = ok(await A.api.get(`/car/spot/${ids[0]}`)).data;
  assert.equal(spot.cameraId, id);
  assert.equal((await A.api.list('/car/camera/list', { spotCode: row.rightSpotCode })).rows[0].id, id);
  assert.equal((await A.api.list('/car/camera/list', { factoryNo: fno })).total, 1);
  assert.equal((await A.api.list('/car/camera/list', { ip: '192.168.1.20', stationId: S.id })).total >= 1, true);
  // rebinding moves the spots
  ok(await A.api.put('/car/camera', { id, factoryNo: fno, ip: '192.168.1.21', name: '入口相机2', sim: '', leftSpotId: ids[2], rightSpotId: null }));
  row = ok(await A.api.get(`/car/camera/${id}`)).data;
  assert.equal(row.leftSpotId, ids[2]);
  assert.equal(row.rightSpotId, null);
  assert.equal(ok(await A.api.get(`/car/spot/${ids[0]}`)).data.cameraId, null);
  // commands: offline; camera-locked spot goes through the camera; disabled camera refuses
  for (const command of ['reboot', 'clockSync', 'capture', 'syncLock', 'refresh']) {
    fail(await A.api.post(`/car/camera/${id}/command`, { command }), 409, /^设备不在线，无法执行$/, command);
  }
  fail(await A.api.post(`/car/camera/${id}/command`, { command: 'lockOpen', side: 'left' }), 409, /设备不在线/);
  fail(await A.api.post(`/car/camera/${id}/command`, { command: 'lockOpen', side: 'right' }), 400, /side/);
  fail(await A.api.post(`/car/camera/${id}/command`, { command: 'selfDestruct' }), 400, /command/);
  fail(await A.api.put('/car/spot/lock', { id: ids[2], action: 'close' }), 409, /^设备不在线，无法执行$/);
  fail(await A.api.put('/car/spot/lock', { id: ids[0], action: 'close' }), 409, /未绑定相机/);
  ok(await A.api.put('/car/camera/changeStatus', { id, status: 1 }));
  fail(await A.api.post(`/car/camera/${id}/command`, { command: 'capture' }), 409, /相机已停用/);
  fail(await A.api.put('/car/spot/lock', { id: ids[2], action: 'open' }), 409, /相机已停用/);
});

test('piles: 14-digit unique codes (given or assigned), unique factory ids, guns created with codes', async () => {
  const code = pileCode();
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { code: '123' })), 400, /code: 电桩编号必须是14位数字/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { code: '1234567890123a' })), 400, /code/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { gunCount: 0 })), 400, /gunCount/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { gunCount: 9 })), 400, /gunCount/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { currentType: 'XX' })), 400, /currentType/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { protectionClass: 'IP99' })), 400, /protectionClass/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { speed: 4 })), 400, /speed/);
  const p1 = await addPile(A.api, S.id, AREA.id, { code, gunCount: 2 });
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { code })), 409, /code: 电桩编号已存在/);
  fail(await A.api.post('/car/pile', pileBody(S.id, AREA.id, { factoryNo: p1.factoryNo })), 409, /factoryNo/);
  const p2 = await addPile(A.api, S.id, AREA.id, { gunCount: 3 });
  const d1 = ok(await A.api.get(`/car/pile/${p1.id}`)).data;
  const d2 = ok(await A.api.get(`/car/pile/${p2.id}`)).data;
  assert.equal(d1.code, code);
  assert.match(d2.code, /^\d{14}$/);
  assert.notEqual(d2.code, code);
  for (const k of ['name', 'model', 'version', 'gunCount', 'sim', 'operationType', 'occupancyFee', 'reservable', 'outputCurrent', 'outputPower', 'outputVoltage', 'currentType', 'chargingType', 'speed', 'installMethod', 'protectionClass', 'commMethod', 'protocol']) {
    assert.deepEqual(d1[k], p1[k], k);
  }
  assert.equal(d1.online, false);
  assert.equal(d1.status, 0);
  assert.equal(d1.qrUrl, `https://zc.example.com/app/pile/${code}`);
  assert.deepEqual(d1.guns.map((g) => g.code), [`${code}01`, `${code}02`]);
  assert.deepEqual(d2.guns.map((g) => g.gunNo), [1, 2, 3]);
  assert.ok(d1.guns.every((g) => g.state === 'offline' && g.qrUrl === `https://zc.example.com/app/gun/${g.code}`));
  // filters
  assert.equal((await A.api.list('/car/pile/list', { code })).total, 1);
  assert.equal((await A.api.list('/car/pile/list', { factoryNo: p2.factoryNo })).total, 1);
  assert.equal((await A.api.list('/car/pile/list', { stationId: S.id, online: 1 })).total, 0);
  assert.ok((await A.api.list('/car/pile/list', { stationId: S.id, speed: 2 })).total >= 2);
  assert.equal((await A.api.list('/car/pile/list', { name: p1.name })).rows[0].areaName, AREA.name);
  // edit: code and factory id are immutable
  const edit = { ...p1, id: p1.id, name: p1.name + '改', reservable: false };
  fail(await A.api.put('/car/pile', { ...edit, code: pileCode() }), 400, /code: 电桩编号不可修改/);
  fail(await A.api.put('/car/pile', { ...edit, factoryNo: factoryNo() }), 400, /factoryNo/);
  ok(await A.api.put('/car/pile', edit));
  const d1b = ok(await A.api.get(`/car/pile/${p1.id}`)).data;
  assert.equal(d1b.name, p1.name + '改');
  assert.equal(d1b.reservable, false);
});

test('gunCount up adds guns (not while disabled), down removes the highest; guns edit/status/filters', async () => {
  const p = await addPile(A.api, S.id, AREA.id, { gunCount: 2 });
  ok(await A.api.put('/car/pile', { ...p, id: p.id, gunCount: 4 }));
  let d = ok(await A.api.get(`/car/pile/${p.id}`)).data;
  assert.deepEqual(d.guns.map((g) => g.gunNo), [1, 2, 3, 4]);
  assert.equal(d.guns[3].code, `${d.code}04`);
  ok(await A.api.put('/car/pile', { ...p, id: p.id, gunCount: 1 }));
  d = ok(await A.api.get(`/car/pile/${p.id}`)).data;
  assert.deepEqual(d.guns.map((g) => g.code), [`${d.code}01`]);
  assert.equal(d.gunCount, 1);
  ok(await A.api.put('/car/pile/changeStatus', { id: p.id, status: 1 }));
  fail(await A.api.put('/car/pile', { ...p, id: p.id, gunCount: 2 }), 409, /电桩已停用，不能添加充电枪/);
  ok(await A.api.put('/car/pile/changeStatus', { id: p.id, status: 0 }));
  const gun = d.guns[0];
  ok(await A.api.put('/car/gun', { id: gun.id, name: '快充A' }));
  const g = ok(await A.api.get(`/car/gun/${gun.id}`)).data;
  assert.equal(g.name, '快充A');
  assert.equal(g.pileCode, d.code);
  assert.equal(g.factoryNo, p.factoryNo);
  assert.equal(g.stationName, S.name);
  ok(await A.api.put('/car/gun/changeStatus', { id: gun.id, status: 1 }));
  assert.equal((await A.api.list('/car/gun/list', { pileCode: d.code, status: 1 })).total, 1);
  assert.equal((await A.api.list('/car/gun/list', { factoryNo: p.factoryNo })).total, 1);
  assert.equal((await A.api.list('/car/gun/list', { stationId: S.id, areaId: AREA.id, state: 'offline' })).total >= 1, true);
});

test('pile commands go through the gateway: offline → 409; disabled pile refuses; tariff sync needs a tariff in force', async () => {
  const p = await addPile(A.api, S.id, AREA.id);
  for (const command of ['reboot', 'clockSync', 'qrSync', 'hotlineSync', 'refresh']) {
    const r = await A.api.post(`/car/pile/${p.id}/command`, { command });
    fail(r, 409, /^设备不在线，无法执行$/, command);
    assert.deepEqual(r.body.data, { reason: 'offline', detail: r.body.data.detail }, 'the stable reason code');
  }
  fail(await A.api.post(`/car/pile/${p.id}/command`, { command: 'tariffSync' }), 409, /没有生效的计费规则/);
  fail(await A.api.post(`/car/pile/${p.id}/command`, { command: 'format' }), 400, /command/);
  ok(await A.api.put('/car/pile/changeStatus', { id: p.id, status: 1 }));
  fail(await A.api.post(`/car/pile/${p.id}/command`, { command: 'reboot' }), 409, /电桩已停用/);
  ok(await A.api.put('/car/pile/changeStatus', { id: p.id, status: 0 }));
  assert.equal(ok(await A.api.get(`/car/pile/${p.id}`)).data.online, false);
});

test('QR labels: pile and gun PNGs in 3 templates', async () => {
  const p = await addPile(A.api, S.id, AREA.id, { gunCount: 1 });
  const d = ok(await A.api.get(`/car/pile/${p.id}`)).data;
  const sizes = {};
  for (const template of ['plain', 'labelled', 'card']) {
    for (const path of [`/car/pile/${p.id}/qr`, `/car/gun/${d.guns[0].id}/qr`]) {
      const r = await getBinary(A.api, path, { template });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers.get('content-type'), 'image/png');
      sizes[template] = pngSize(r.buf);
    }
  }
  assert.deepEqual(sizes.plain, { width: 600, height: 600 });
  assert.deepEqual(sizes.labelled, { width: 600, height: 760 });
  assert.equal(sizes.card.width, 640);
  const r = await getBinary(A.api, `/car/gun/${d.guns[0].id}/qr`);
  assert.equal(r.status, 200, 'template defaults to plain');
  fail(await A.api.get(`/car/gun/${d.guns[0].id}/qr`, { template: 'huge' }), 400, /template/);
});

test('QR Excel export: job → progress → download (owner only) → rows and embedded images', async () => {
  const st = await approvedStation(A.api, P.api, A.id);
  const area = await defaultArea(A.api, st.id);
  const piles = [];
  for (let i = 0; i < 3; i++) piles.push(await addPile(A.api, st.id, area.id, { gunCount: 2 }));
  // piles of the filtered list
  let job = ok(await A.api.post('/car/pile/qrExport', { stationId: st.id })).data.jobId;
  assert.equal(typeof job, 'string');
  let status = await waitExport(A.api, job);
  assert.equal(status.status, 'done', JSON.stringify(status));
  assert.equal(status.total, 3);
  assert.equal(status.written, 3);
  assert.match(status.fileName, /\.xlsx$/);
  // only the owner sees or downloads it
  denied404(await P.api.get(`/export/${job}`));
  denied404(await P.api.get(`/export/${job}/download`));
  let file = await getBinary(A.api, `/export/${job}/download`);
  assert.equal(file.status, 200);
  assert.match(file.headers.get('content-type'), /spreadsheetml/);
  let x = xlsxRows(file.buf);
  assert.equal(x.rows.length, 4, 'header + 3 rows');
  assert.deepEqual(x.rows[0].slice(0, 4), ['电站', '二维码', '二维码URL', '出厂标识']);
  assert.equal(x.images.length, 3, 'one QR image per row');
  const codes = [];
  for (const row of x.rows.slice(1)) {
    assert.equal(row[0], st.name);
    assert.match(row[2], /^https:\/\/zc\.example\.com\/app\/pile\/\d{14}$/);
    codes.push(row[2].slice(-14));
  }
  assert.ok(piles.every((p) => x.rows.slice(1).some((r) => r.includes(p.factoryNo))));
  // guns of the filtered list
  job = ok(await A.api.post('/car/gun/qrExport', { stationId: st.id, pileCode: codes[0] })).data.jobId;
  status = await waitExport(A.api, job);
  assert.equal(status.status, 'done');
  file = await getBinary(A.api, `/export/${job}/download`);
  x = xlsxRows(file.buf);
  assert.equal(x.rows.length, 3, 'header + 2 guns');
  assert.equal(x.images.length, 2);
  assert.ok(x.rows.slice(1).every((r) => /\/app\/gun\/\d{16}$/.test(r[2])));
  // a bad filter is a 400 of the request, not a failed job
  fail(await A.api.post('/car/pile/qrExport', { stationId: 'abc' }), 400, /stationId/);
  denied404(await A.api.get('/export/nope'));
});

function denied404(r) {
  assert.equal(r.status, 404, `${r.method} ${r.path}: ${r.text.slice(0, 200)}`);
}

test('CarVisibility: only approved + enabled stations; disabled areas hide piles; disabled piles stopped; disabled guns unavailable', async () => {
  const pending = await addStation(A.api, A.id);
  const st = await approvedStation(A.api, P.api, A.id);
  const a1 = await defaultArea(A.api, st.id);
  const a2 = await addArea(A.api, st.id);
  const p1 = await addPile(A.api, st.id, a1.id, { gunCount: 2 });
  const p2 = await addPile(A.api, st.id, a2.id, { gunCount: 1 });
  const vis = async (stationId) => ok(await ctx.admin.get('/test/car/visibility', { stationId })).data;
  assert.deepEqual(await vis(pending.id), []);
  let v = (await vis(st.id))[0];
  assert.equal(v.areas.length, 2);
  ok(await A.api.put('/car/area/changeStatus', { id: a2.id, status: 1 }));
  ok(await A.api.put('/car/pile/changeStatus', { id: p1.id, status: 1 }));
  v = (await vis(st.id))[0];
  assert.deepEqual(v.areas.map((a) => a.id), [a1.id]);
  const pile = v.areas[0].piles.find((p) => p.id === p1.id);
  assert.equal(pile.stopped, true);
  assert.ok(pile.guns.every((g) => g.available === false));
  assert.ok(!v.areas.some((a) => a.piles.some((p) => p.id === p2.id)));
  ok(await A.api.put('/car/pile/changeStatus', { id: p1.id, status: 0 }));
  const gunId = ok(await A.api.get(`/car/pile/${p1.id}`)).data.guns[0].id;
  ok(await A.api.put('/car/gun/changeStatus', { id: gunId, status: 1 }));
  v = (await vis(st.id))[0];
  const guns = v.areas[0].piles.find((p) => p.id === p1.id).guns;
  assert.deepEqual(guns.map((g) => g.available), [false, true]);
  ok(await A.api.put('/car/station/changeStatus', { id: st.id, status: 1 }));
  assert.deepEqual(await vis(st.id), []);
});

test('permissions: a user without car permissions is refused', async () => {
  const api = new Api(ctx.server.baseUrl, null);
  fail(await api.get('/car/pile/list'), 401);
  fail(await api.post('/car/pile/qrExport', {}), 401);
});
