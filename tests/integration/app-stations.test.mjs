// Driver app stations and scan (APP-2, APP-3; docs/api-app.md): stations sorted by distance with free/total
// guns and sockets of real (simulated OCPP) devices, hidden stations/areas never shown, disabled piles shown
// stopped and disabled guns unavailable; scanning gun/socket/pile codes and QR URLs gives the station, the
// tariff in force with its current tier, the prepay values and whether a session can start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { binaryPath } from './lib/server.mjs';
import { ok, fail, until, randPhone, uniq } from './lib/client.mjs';
import { approvedStation, addStation, defaultArea, addArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff } from './lib/bike.mjs';
import { AppApi } from './lib/app.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const haveSim = existsSync(sim);
const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1', ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' } });
const MARK = uniq('近');
let A; let app; let near; let far; let nowhere; let area; let pile; let stopped; let hiddenPile; let bike; let dev;
let sims = [];
const DAY = 86400000;

function haversine(lat1, lng1, lat2, lng2) {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lng2 - lng1) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

function runSim(codes, connectors) {
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', codes.join(','), '--connectors', String(connectors),
    '--heartbeat', '1', '--reconnect', '0.3', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  sims.push(proc);
  return proc;
}

const pileRow = async (id) => ok(await A.api.get(`/car/pile/${id}`)).data;
const deviceRow = async (id) => ok(await A.api.get(`/bike/device/${id}`)).data;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  app = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  // Shenzhen (near the driver), Guangzhou (far), one without coordinates; one not approved, one disabled.
  near = await approvedStation(A.api, ctx.admin, A.id, { name: `${MARK}深圳站`, latitude: 22.540503, longitude: 113.953512 });
  far = await approvedStation(A.api, ctx.admin, A.id, { name: `${MARK}广州站`, latitude: 23.129110, longitude: 113.264385 });
  nowhere = await approvedStation(A.api, ctx.admin, A.id, { name: `${MARK}无坐标站`, latitude: null, longitude: null });
  await addStation(A.api, A.id, { name: `${MARK}待审核站` });
  const disabled = await approvedStation(A.api, ctx.admin, A.id, { name: `${MARK}停用站` });
  ok(await A.api.put('/car/station/changeStatus', { id: disabled.id, status: 1 }));

  area = await defaultArea(A.api, near.id);
  pile = await addPile(A.api, near.id, area.id, { protocol: 'ocpp16', gunCount: 2 });
  stopped = await addPile(A.api, near.id, area.id, { protocol: 'ocpp16', gunCount: 2 });
  const closed = await addArea(A.api, near.id);
  hiddenPile = await addPile(A.api, near.id, closed.id, { protocol: 'ocpp16', gunCount: 1 });
  ok(await A.api.put('/car/area/changeStatus', { id: closed.id, status: 1 }));
  pile = { ...pile, ...(await pileRow(pile.id)) };
  stopped = { ...stopped, ...(await pileRow(stopped.id)) };
  hiddenPile = { ...hiddenPile, ...(await pileRow(hiddenPile.id)) };
  ok(await A.api.put('/car/pile/changeStatus', { id: stopped.id, status: 1 }));
  ok(await A.api.put('/car/gun/changeStatus', { id: pile.guns[1].id, status: 1 }));

  bike = await addBikeStation(A.api, A.id, { name: `${MARK}单车站`, latitude: 22.55, longitude: 113.95 });
  ok(await ctx.admin.put('/bike/station/audit', { id: bike.id, auditStatus: 1, auditRemark: 'ok' }));
  const barea = await bikeDefaultArea(A.api, bike.id);
  dev = await addDevice(A.api, bike.id, barea.id, { socketCount: 2 });
  dev = { ...dev, ...(await deviceRow(dev.id)) };
  bike.area = barea;  // its tariff is added by the first test

  if (haveSim) {
    runSim([pile.code], 2);
    runSim([dev.code], 2);
    await until(async () => (await pileRow(pile.id)).online && (await deviceRow(dev.id)).online, 'devices online', 15000);
    await until(async () => (await pileRow(pile.id)).guns[0].state === 'idle', 'gun 1 idle', 15000);
  }
});

after(() => { for (const p of sims) if (p.exitCode === null) p.kill('SIGTERM'); });

// Issue 13 item 10: an idle gun or socket whose area has no tariff in force cannot start — it is not free,
// and the app says why instead of showing an idle, unusable gun. The area's first tariff is in force at once.
test('no tariff in force: idle guns and sockets are not free and show the reason; the first tariff frees them at once', { skip: !haveSim && `no ${sim}` }, async () => {
  const NO_TARIFF = '没有生效的计费规则';
  const carRow = async () => ok(await ctx.anon.get('/app/stations', { type: 'car', keyword: near.name })).rows[0];
  const bikeRow = async () => ok(await ctx.anon.get('/app/stations', { type: 'bike', keyword: bike.name })).rows[0];
  const gun1 = async () => ok(await ctx.anon.get(`/app/stations/car/${near.id}`)).data.piles.find((p) => p.id === pile.id).guns[0];
  const sockets = async () => ok(await ctx.anon.get(`/app/stations/bike/${bike.id}`)).data.devices[0].sockets;

  await until(async () => (await sockets()).every((x) => x.state === 'idle'), 'sockets idle', 15000);
  assert.deepEqual([(await carRow()).total, (await carRow()).free], [4, 0], 'gun 1 is idle, but nothing can be billed');
  let g = await gun1();
  assert.deepEqual([g.state, g.available, g.reason], ['idle', false, NO_TARIFF]);
  const disabledGun = ok(await ctx.anon.get(`/app/stations/car/${near.id}`)).data.piles.find((p) => p.id === pile.id).guns[1];
  assert.deepEqual([disabledGun.available, disabledGun.reason], [false, '充电枪已停用'], 'its own state comes first');
  let s = ok(await app.get('/app/scan', { code: pile.guns[0].code })).data;
  assert.deepEqual([s.gun.available, s.gun.reason, s.canStart, s.reason, s.tariff], [false, NO_TARIFF, false, NO_TARIFF, null]);
  assert.deepEqual([(await bikeRow()).total, (await bikeRow()).free], [2, 0]);
  assert.deepEqual((await sockets()).map((x) => [x.available, x.reason]), [[false, NO_TARIFF], [false, NO_TARIFF]]);
  s = ok(await app.get('/app/scan', { code: dev.sockets[0].code })).data;
  assert.deepEqual([s.canStart, s.reason], [false, NO_TARIFF]);

  await addTariff(A.api, near.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: [3000, 5000] });
  await addBikeTariff(A.api, bike.id, bike.area.id, { prepayValues: [100, 300] });
  assert.equal((await carRow()).free, 1, 'in force at once: gun 1 is free');
  g = await gun1();
  assert.deepEqual([g.available, g.reason], [true, '']);
  s = ok(await app.get('/app/scan', { code: pile.guns[0].code })).data;
  assert.equal(s.tariff.mode, 'tou');
  assert.deepEqual([s.canStart, s.reason], [false, '该电站未配置支付，不能在线支付'], 'the next reason: payment');
  assert.equal((await bikeRow()).free, 2);
  assert.deepEqual((await sockets()).map((x) => [x.available, x.reason]), [[true, ''], [true, '']]);
});

test('stations: nearest first, hidden ones never listed, free/total guns, keyword and paging', { skip: !haveSim && `no ${sim}` }, async () => {
  const list = ok(await ctx.anon.get('/app/stations', { type: 'car', lat: 22.5405, lng: 113.9535, keyword: MARK }));
  assert.deepEqual(list.rows.map((r) => r.name), [near.name, far.name, nowhere.name]);
  assert.equal(list.total, 3);
  const [n, f, x] = list.rows;
  assert.ok(n.distanceM >= 0 && n.distanceM < 50, `near: ${n.distanceM} m`);
  // Nanshan → Guangzhou centre, great circle ≈ 96 km (checked against an independent haversine).
  assert.ok(Math.abs(f.distanceM - haversine(22.5405, 113.9535, 23.12911, 113.264385)) <= 1, `${f.distanceM} m`);
  assert.ok(f.distanceM > 90000 && f.distanceM < 100000, `${f.distanceM} m`);
  assert.equal(x.distanceM, null);
  // guns of the shown piles: the online pile's 2 + the stopped pile's 2 (the closed area's pile is hidden);
  // free: gun 1 of the online pile (gun 2 disabled, the stopped pile offline and disabled).
  assert.deepEqual([n.total, n.free], [4, 1]);
  assert.equal(n.type, 'car');
  assert.equal(n.lat, 22.540503);
  assert.equal(n.payable, false);
  // paging and keyword; no location → by id; lat without lng → 400.
  const p2 = ok(await ctx.anon.get('/app/stations', { type: 'car', lat: 22.5405, lng: 113.9535, keyword: MARK, pageNum: 2, pageSize: 1 }));
  assert.deepEqual([p2.rows.map((r) => r.name), p2.total], [[far.name], 3]);
  assert.deepEqual(ok(await ctx.anon.get('/app/stations', { keyword: `${MARK}广州` })).rows.map((r) => r.id), [far.id]);
  assert.equal(ok(await ctx.anon.get('/app/stations', { keyword: '%' })).total, 0, 'LIKE wildcards are literal');
  fail(await ctx.anon.get('/app/stations', { lat: 22.5 }), 400, /lng/);
  fail(await ctx.anon.get('/app/stations', { lat: 91, lng: 113 }), 400, /lat/);
  fail(await ctx.anon.get('/app/stations', { lat: 'x', lng: 113 }), 400, /lat/);
  fail(await ctx.anon.get('/app/stations', { type: 'boat' }), 400, /type/);
  fail(await ctx.anon.get('/app/stations', { pageSize: 1000 }), 400, /pageSize/);
  // e-bike stations with sockets
  const b = ok(await ctx.anon.get('/app/stations', { type: 'bike', keyword: MARK })).rows;
  assert.deepEqual(b.map((r) => [r.name, r.total, r.free]), [[bike.name, 2, 2]]);
});

test('station detail: piles with guns (stopped pile, disabled gun), tariffs; hidden stations are 404', { skip: !haveSim && `no ${sim}` }, async () => {
  const d = ok(await ctx.anon.get(`/app/stations/car/${near.id}`)).data;
  assert.equal(d.name, near.name);
  assert.deepEqual(d.piles.map((p) => p.id).sort(), [pile.id, stopped.id].sort());
  const online = d.piles.find((p) => p.id === pile.id);
  assert.equal(online.online, true);
  assert.equal(online.stopped, false);
  assert.deepEqual(online.guns.map((g) => [g.gunNo, g.available]), [[1, true], [2, false]]);
  assert.equal(d.piles.find((p) => p.id === stopped.id).stopped, true);
  assert.deepEqual(d.tariffs.map((x) => [x.areaId, x.mode]), [[area.id, 'tou']], 'the first car tariff is in force at once');
  fail(await ctx.anon.get(`/app/stations/car/${far.id + 100000}`), 404);
  const hidden = ok(await A.api.get('/car/station/list', { name: `${MARK}待审核站` })).rows[0];
  fail(await ctx.anon.get(`/app/stations/car/${hidden.id}`), 404);
  fail(await ctx.anon.get(`/app/stations/bike/${near.id + 100000}`), 404);
  const bd = ok(await ctx.anon.get(`/app/stations/bike/${bike.id}`)).data;
  assert.deepEqual(bd.devices[0].sockets.map((s) => [s.socketNo, s.available]), [[1, true], [2, true]]);
  assert.equal(bd.tariffs[0].mode, 'A');
  assert.deepEqual(bd.tariffs[0].prepayValues, [100, 300]);
});

test('scan: car gun codes, QR URLs and pile codes → tariff with the current tier, prepay values, canStart', { skip: !haveSim && `no ${sim}` }, async () => {
  const gun1 = pile.guns[0];
  fail(await ctx.anon.get('/app/scan', { code: gun1.code }), 401);
  fail(await ctx.admin.get('/app/scan', { code: gun1.code }), 401);
  let s = ok(await app.get('/app/scan', { code: gun1.code })).data;
  assert.equal(s.type, 'car');
  assert.deepEqual([s.station.id, s.pile.id, s.gun.id, s.gun.gunNo, s.gun.available], [near.id, pile.id, gun1.id, 1, true]);
  assert.equal(s.tariff.mode, 'tou');

  // A day later the tariff is still in force: the current tier follows the station's local time.
  ok(await ctx.admin.post('/test/clock', { offsetMs: DAY }));
  try {
    s = ok(await app.get('/app/scan', { code: gun1.code })).data;
    assert.equal(s.tariff.mode, 'tou');
    assert.deepEqual(s.prepayValues, [3000, 5000]);
    const now = ok(await ctx.admin.get('/test/clock')).data.now;
    const local = new Date(now + 8 * 3600000);
    const minute = local.getUTCHours() * 60 + local.getUTCMinutes();
    const hhmm = (t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const period = TOU_PERIODS.find((p) => hhmm(p.start) <= minute && minute < hhmm(p.end));
    assert.equal(s.tariff.current.tier, period.tier);
    assert.equal(s.tariff.current.energyPrice, TOU_TIERS[period.tier].energyPrice);
    assert.equal(s.tariff.current.servicePrice, TOU_TIERS[period.tier].servicePrice);
    assert.equal(s.tariff.tiers.length, 4);
    assert.equal(s.tariff.periods.length, 7);
    assert.deepEqual([s.canStart, s.reason], [false, '该电站未配置支付，不能在线支付']);
    ok(await A.api.put('/car/station/payConfig', {
      stationId: near.id, wechat: { enabled: true, mchId: '1900000109', appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) },
    }));
    s = ok(await app.get('/app/scan', { code: gun1.code })).data;
    assert.deepEqual([s.canStart, s.reason], [true, '']);
    // The QR URL that carries the code.
    s = ok(await app.get('/app/scan', { code: `http://example.com/app/gun/${gun1.code}` })).data;
    assert.equal(s.gun.id, gun1.id);
    // Disabled gun, stopped pile.
    s = ok(await app.get('/app/scan', { code: pile.guns[1].code })).data;
    assert.deepEqual([s.canStart, s.reason], [false, '充电枪已停用']);
    s = ok(await app.get('/app/scan', { code: stopped.guns[0].code })).data;
    assert.deepEqual([s.canStart, s.reason, s.pile.stopped], [false, '电桩已停用', true]);
    // A pile code: choose the gun (or gunNo).
    s = ok(await app.get('/app/scan', { code: pile.code })).data;
    assert.equal(s.gun, null);
    assert.deepEqual(s.pile.guns.map((g) => g.gunNo), [1, 2]);
    assert.deepEqual([s.canStart, s.reason], [false, '请选择充电枪']);
    s = ok(await app.get('/app/scan', { code: `https://x.cn/app/pile/${pile.code}`, gunNo: 1 })).data;
    assert.deepEqual([s.gun.id, s.canStart], [gun1.id, true]);
    fail(await app.get('/app/scan', { code: pile.code, gunNo: 9 }), 404, /gunNo/);
  } finally {
    ok(await ctx.admin.post('/test/clock', { offsetMs: 0 }));
  }
  // Hidden (closed area), unknown, malformed.
  fail(await app.get('/app/scan', { code: hiddenPile.guns[0].code }), 404, /code/);
  fail(await app.get('/app/scan', { code: '99999999999999' }), 404, /code/);
  fail(await app.get('/app/scan', { code: "1' OR '1'='1" }), 400, /code/);
  fail(await app.get('/app/scan', {}), 400, /code/);
});

test('scan: e-bike socket and device codes with the e-bike tariff', { skip: !haveSim && `no ${sim}` }, async () => {
  const sock = dev.sockets[0];
  let s = ok(await app.get('/app/scan', { code: sock.code })).data;
  assert.equal(s.type, 'bike');
  assert.deepEqual([s.station.id, s.device.id, s.socket.socketNo, s.socket.available], [bike.id, dev.id, 1, true]);
  assert.deepEqual([s.tariff.mode, s.tariff.unitMinutes, s.tariff.unitPrice, s.tariff.freeMinutes], ['A', 60, 10000, 5]);
  assert.deepEqual(s.prepayValues, [100, 300]);
  assert.deepEqual([s.canStart, s.reason], [false, '该电站未配置支付，不能在线支付']);
  s = ok(await app.get('/app/scan', { code: `http://h/app/device/${dev.code}`, socketNo: 2 })).data;
  assert.equal(s.socket.socketNo, 2);
  ok(await A.api.put('/bike/socket/changeStatus', { id: dev.sockets[1].id, status: 1 }));
  s = ok(await app.get('/app/scan', { code: dev.sockets[1].code })).data;
  assert.deepEqual([s.canStart, s.reason], [false, '插座已停用']);
});
