// STAT-ONLINE: the online/offline log and its hourly chart (GET /stat/online/list, /stat/online/hourly)
// with real events — zhichong-sim connects piles of two providers for a moment — on both backends:
// rows carry device and station, the chart counts the same filtered events per hour, each property
// sees only its own devices, and bad ranges are refused naming the field.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin, userWithPerms } from './lib/fixture.mjs';
import { binaryPath } from './lib/server.mjs';
import { ok, fail, sleep } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const haveSim = existsSync(sim);
const ctx = useServer({ env: { ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' } });
const HOUR = 3600000;
const DAY = 24 * HOUR;
const sites = []; // {property, station, pile}

before(async () => {
  if (!haveSim) return;
  await ctx.ready();
  for (let i = 0; i < 2; i++) {
    const P = await approvedProvider(ctx.admin);
    const property = await propertyWithLogin(ctx.admin, P.id);
    const station = await approvedStation(ctx.admin, ctx.admin, property.id);
    const area = await defaultArea(ctx.admin, station.id);
    const p = await addPile(ctx.admin, station.id, area.id, { protocol: 'ocpp16', gunCount: 2 });
    sites.push({ property, station, pile: ok(await ctx.admin.get(`/car/pile/${p.id}`)).data });
  }
  // both piles connect, boot and disconnect when the simulator ends: one online and one offline row each
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', sites.map((s) => s.pile.code).join(','), '--connectors', '2',
    '--duration', '1.5', '--quiet'], { stdio: 'ignore' });
  assert.equal(await new Promise((res) => proc.on('exit', res)), 0, 'zhichong-sim exit code');
  for (const s of sites) {
    for (let i = 0; ; i++) {
      if ((await ctx.admin.list('/stat/online/list', { deviceId: s.pile.id, deviceType: 'car_pile' })).total === 2) break;
      if (i > 100) assert.fail(`online/offline rows of pile ${s.pile.code}`);
      await sleep(50);
    }
  }
});

const skip = !haveSim && `no ${sim}`;
const sum = (hours) => hours.reduce((t, h) => ({ online: t.online + h.online, offline: t.offline + h.offline }), { online: 0, offline: 0 });

test('the log lists the device, its station and both events, newest first', { skip }, async () => {
  const [{ pile, station }] = sites;
  const { rows } = await ctx.admin.list('/stat/online/list', { deviceCode: pile.code });
  assert.deepEqual(rows.map((r) => r.state), [0, 1]);
  for (const r of rows) {
    assert.equal(r.deviceType, 'car_pile');
    assert.equal(r.deviceId, pile.id);
    assert.equal(r.deviceName, pile.name);
    assert.equal(r.deviceSn, pile.factoryNo);
    assert.equal(r.protocol, 'ocpp16');
    assert.equal(r.carStationId, station.id);
    assert.equal(r.stationName, station.name);
  }
  assert.equal(rows[1].remoteIp, '127.0.0.1');
  assert.ok(rows[0].time >= rows[1].time);
  // filtered by state and station
  assert.equal((await ctx.admin.list('/stat/online/list', { deviceCode: pile.code, state: 0 })).total, 1);
  assert.equal((await ctx.admin.list('/stat/online/list', { carStationId: station.id })).total, 2);
});

test('the hourly chart counts the same filtered events in hour buckets', { skip }, async () => {
  const [{ pile }] = sites;
  const now = Date.now();
  const d = ok(await ctx.admin.get('/stat/online/hourly', { deviceCode: pile.code, beginTime: now - DAY, endTime: now + HOUR })).data;
  assert.equal(d.beginTime, now - DAY);
  assert.equal(d.endTime, now + HOUR);
  assert.deepEqual(sum(d.hours), { online: 1, offline: 1 });
  for (const h of d.hours) {
    assert.equal(h.time % HOUR, 0, 'a bucket starts on the hour');
    assert.ok(h.time <= now && h.time > now - 2 * HOUR);
  }
  // every event of both piles, and only the offline ones
  const all = ok(await ctx.admin.get('/stat/online/hourly', { deviceType: 'car_pile', beginTime: now - DAY, endTime: now + HOUR })).data;
  assert.ok(sum(all.hours).online >= 2 && sum(all.hours).offline >= 2);
  const off = ok(await ctx.admin.get('/stat/online/hourly', { deviceCode: pile.code, state: 0, beginTime: now - DAY, endTime: now + HOUR })).data;
  assert.deepEqual(sum(off.hours), { online: 0, offline: 1 });
  // outside the range: nothing
  const before = ok(await ctx.admin.get('/stat/online/hourly', { deviceCode: pile.code, beginTime: now - 3 * DAY, endTime: now - 2 * DAY })).data;
  assert.deepEqual(before.hours, []);
});

test('without a range the chart covers the last 7 days', { skip }, async () => {
  const d = ok(await ctx.admin.get('/stat/online/hourly')).data;
  assert.equal(d.endTime - d.beginTime, 7 * DAY);
  assert.ok(Math.abs(d.endTime - Date.now()) < 60000);
});

test('a property sees only its own devices in the log and the chart', { skip }, async () => {
  const [mine, other] = sites;
  const api = mine.property.api;
  const { rows } = await api.list('/stat/online/list', {});
  assert.ok(rows.length >= 2);
  assert.ok(rows.every((r) => r.carStationId === mine.station.id), 'only the own station');
  assert.equal((await api.list('/stat/online/list', { deviceCode: other.pile.code })).total, 0);
  const now = Date.now();
  assert.deepEqual(ok(await api.get('/stat/online/hourly', { deviceCode: other.pile.code, beginTime: now - DAY, endTime: now + HOUR })).data.hours, []);
  assert.deepEqual(sum(ok(await api.get('/stat/online/hourly', { beginTime: now - DAY, endTime: now + HOUR })).data.hours), { online: 1, offline: 1 });
  // online now: its one pile (offline again), no e-bike devices
  assert.deepEqual(ok(await api.get('/stat/online/now')).data, [
    { deviceType: 'car_pile', online: 0, total: 1 }, { deviceType: 'bike_device', online: 0, total: 0 }]);
});

test('online now counts the connected devices', { skip }, async () => {
  const [mine] = sites;
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', mine.pile.code, '--connectors', '2', '--duration', '3', '--quiet'], { stdio: 'ignore' });
  const exited = new Promise((res) => proc.on('exit', res));
  try {
    for (let i = 0; ; i++) {
      const car = ok(await mine.property.api.get('/stat/online/now')).data.find((k) => k.deviceType === 'car_pile');
      if (car.online === 1) { assert.equal(car.total, 1); break; }
      if (i > 100) assert.fail('the pile online now');
      await sleep(50);
    }
    const all = ok(await ctx.admin.get('/stat/online/now')).data.find((k) => k.deviceType === 'car_pile');
    assert.ok(all.total >= 2 && all.online >= 1);
  } finally {
    assert.equal(await exited, 0);
  }
});

test('bad ranges are refused naming the field', async () => {
  await ctx.ready();
  const now = Date.now();
  fail(await ctx.admin.get('/stat/online/hourly', { beginTime: now, endTime: now - 1 }), 400, /beginTime/);
  fail(await ctx.admin.get('/stat/online/hourly', { beginTime: now - 32 * DAY, endTime: now }), 400, /beginTime: .*31/);
  fail(await ctx.admin.get('/stat/online/hourly', { beginTime: 'yesterday' }), 400, /beginTime/);
  ok(await ctx.admin.get('/stat/online/hourly', { beginTime: now - 31 * DAY, endTime: now }));
});

test('the log and the chart need stat:online:list', async () => {
  await ctx.ready();
  assert.equal((await ctx.anon.get('/stat/online/hourly')).status, 401);
  const other = await userWithPerms(ctx.admin, ['system:user:list']);
  fail(await other.api.get('/stat/online/hourly'), 403);
  fail(await other.api.get('/stat/online/list'), 403);
  fail(await other.api.get('/stat/online/now'), 403);
  const viewer = await userWithPerms(ctx.admin, ['stat:online:list']);
  ok(await viewer.api.get('/stat/online/hourly'));
});
