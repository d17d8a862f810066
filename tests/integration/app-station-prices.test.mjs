// The driver app's station list (GET /app/stations; docs/api-app.md): each row's `priceNow` — the price in
// force now at the station's local time by the tariff engine (car: the tier of the version in force, energy
// + service per kWh; e-bike: the unit price its mode defines), the lowest of the station's areas with
// `varies` — agrees with the station detail's `current`; stations without a tariff in force, with a
// disabled one or without piles have none; rows are sorted by distance when the driver's position is
// given (stations without coordinates last), else by id, on every page.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, uniq } from './lib/client.mjs';
import { approvedStation, defaultArea, addArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addBikeArea, addDevice, addBikeTariff, DOC_TARIFFS } from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
const MARK = uniq('价');
const DAY = 86400000;
const HERE = { lat: 22.5405, lng: 113.9535 }; // the driver, in Shanghai's zone
const S = {}; // stations by role

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await propertyWithLogin(ctx.admin, P.id);
  const api = A.api;
  // Created far → near so that id order is not distance order.
  S.far = await approvedStation(api, ctx.admin, A.id, { name: `${MARK}广州站`, latitude: 23.12911, longitude: 113.264385 });
  S.tou = await approvedStation(api, ctx.admin, A.id, { name: `${MARK}峰谷站`, latitude: 22.5406, longitude: 113.9536 });
  S.mid = await approvedStation(api, ctx.admin, A.id, { name: `${MARK}东莞站`, latitude: 23.0205, longitude: 113.7518 });
  S.nowhere = await approvedStation(api, ctx.admin, A.id, { name: `${MARK}无坐标站`, latitude: null, longitude: null });
  S.empty = await approvedStation(api, ctx.admin, A.id, { name: `${MARK}无桩站`, latitude: 22.6, longitude: 113.9 });

  // far: unified 1.50 yuan/kWh. tou: 峰平谷. mid: two areas, 1.30 and 1.10 → the lowest, varies.
  // nowhere: a disabled tariff → none. empty: a tariff but no pile → none.
  const farArea = await defaultArea(api, S.far.id);
  await addPile(api, S.far.id, farArea.id, { protocol: 'ocpp16', gunCount: 1 });
  await addTariff(api, S.far.id, farArea.id);
  const touArea = await defaultArea(api, S.tou.id);
  await addPile(api, S.tou.id, touArea.id, { protocol: 'ocpp16', gunCount: 2 });
  await addTariff(api, S.tou.id, touArea.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS });
  const midA = await defaultArea(api, S.mid.id);
  const midB = await addArea(api, S.mid.id);
  await addPile(api, S.mid.id, midA.id, { protocol: 'ocpp16', gunCount: 1 });
  await addPile(api, S.mid.id, midB.id, { protocol: 'ocpp16', gunCount: 1 });
  await addTariff(api, S.mid.id, midA.id, { tiers: { flat: { energyPrice: 80000, servicePrice: 50000 } } });
  await addTariff(api, S.mid.id, midB.id, { tiers: { flat: { energyPrice: 80000, servicePrice: 30000 } } });
  const nwArea = await defaultArea(api, S.nowhere.id);
  await addPile(api, S.nowhere.id, nwArea.id, { protocol: 'ocpp16', gunCount: 1 });
  const off = await addTariff(api, S.nowhere.id, nwArea.id);
  ok(await api.put('/car/tariff/changeStatus', { id: off.id, status: 1 }));
  const emptyArea = await defaultArea(api, S.empty.id);
  await addTariff(api, S.empty.id, emptyArea.id);

  // E-bike: two areas with mode A at 1.00 and 0.80 yuan/h; one mode C station.
  S.bikeA = await addBikeStation(api, A.id, { name: `${MARK}单车按时`, latitude: 22.55, longitude: 113.95 });
  S.bikeC = await addBikeStation(api, A.id, { name: `${MARK}单车按电量`, latitude: 22.541, longitude: 113.954 });
  for (const s of [S.bikeA, S.bikeC]) ok(await ctx.admin.put('/bike/station/audit', { id: s.id, auditStatus: 1, auditRemark: 'ok' }));
  const ba1 = await bikeDefaultArea(api, S.bikeA.id);
  const ba2 = await addBikeArea(api, S.bikeA.id);
  await addDevice(api, S.bikeA.id, ba1.id, { socketCount: 2 });
  await addDevice(api, S.bikeA.id, ba2.id, { socketCount: 2 });
  await addBikeTariff(api, S.bikeA.id, ba1.id, {});
  await addBikeTariff(api, S.bikeA.id, ba2.id, { unitPrice: 8000 });
  const bc = await bikeDefaultArea(api, S.bikeC.id);
  await addDevice(api, S.bikeC.id, bc.id, { socketCount: 2 });
  await addBikeTariff(api, S.bikeC.id, bc.id, DOC_TARIFFS.C);

  // a later day (an area's first version is in force at once; edits wait for the next local midnight)
  ok(await ctx.admin.post('/test/clock', { offsetMs: DAY }));
});

const list = async (query) => ok(await ctx.anon.get('/app/stations', { keyword: MARK, ...query }));
const byName = (rows) => Object.fromEntries(rows.map((r) => [r.name, r]));

test('car: the price in force now, the lowest of the areas, none without a tariff in force or piles', async () => {
  const { rows } = await list({ type: 'car', ...HERE, pageSize: 20 });
  const r = byName(rows);
  const far = r[S.far.name].priceNow;
  assert.deepEqual({ ...far, start: undefined, end: undefined },
    { tier: 'flat', label: far.label, energyPrice: 100000, servicePrice: 50000, unitPrice: 150000, varies: false, start: undefined, end: undefined });
  assert.equal(far.start, '00:00');
  assert.equal(far.end, '24:00');

  // TOU: the tier of the station's local time now, as the station detail (the same engine) says
  const tou = r[S.tou.name].priceNow;
  const detail = ok(await ctx.anon.get(`/app/stations/car/${S.tou.id}`)).data;
  const current = detail.tariffs[0].current;
  assert.equal(tou.tier, current.tier);
  assert.equal(tou.unitPrice, current.unitPrice);
  assert.equal(tou.unitPrice, TOU_TIERS[tou.tier].energyPrice + TOU_TIERS[tou.tier].servicePrice);
  const now = ok(await ctx.admin.get('/test/clock')).data.now;
  const local = new Date(now + 8 * 3600000); // Asia/Shanghai, no DST
  const hhmm = `${String(local.getUTCHours()).padStart(2, '0')}:${String(local.getUTCMinutes()).padStart(2, '0')}`;
  assert.ok(tou.start <= hhmm && hhmm < tou.end, `${hhmm} within ${tou.start}–${tou.end}`);

  const mid = r[S.mid.name].priceNow;
  assert.equal(mid.unitPrice, 110000);
  assert.equal(mid.servicePrice, 30000);
  assert.equal(mid.varies, true);

  assert.equal(r[S.nowhere.name].priceNow, null, 'a disabled tariff is not in force');
  assert.equal(r[S.empty.name].priceNow, null, 'a station without piles shows no price');
});

test('car: an area\'s first version is priced at once, the moment it is saved (no 24:00 wait)', async () => {
  ok(await ctx.admin.post('/test/clock', { offsetMs: 0 }));
  try {
    const r = Object.fromEntries((await list({ type: 'car' })).rows.map((x) => [x.name, x]));
    assert.ok(r[S.tou.name].priceNow, 'a first tariff is in force at once');
    assert.equal(r[S.nowhere.name].priceNow, null, 'a disabled tariff is not in force');
  } finally {
    ok(await ctx.admin.post('/test/clock', { offsetMs: DAY }));
  }
});

test('nearest first with distances, stations without coordinates last; by id without a position', async () => {
  const { rows, total } = await list({ type: 'car', ...HERE });
  assert.equal(total, 5);
  assert.deepEqual(rows.map((x) => x.name), [S.tou.name, S.empty.name, S.mid.name, S.far.name, S.nowhere.name]);
  const d = rows.map((x) => x.distanceM);
  assert.ok(d[0] < 50, `the near one: ${d[0]} m`);
  for (let i = 1; i < 4; i += 1) assert.ok(d[i] > d[i - 1], `ascending: ${d}`);
  assert.equal(d[4], null);

  // paging keeps the order and carries prices on later pages
  const p2 = await list({ type: 'car', ...HERE, pageNum: 2, pageSize: 2 });
  assert.deepEqual(p2.rows.map((x) => x.name), [S.mid.name, S.far.name]);
  assert.equal(p2.rows[0].priceNow.unitPrice, 110000);
  assert.equal(p2.rows[1].priceNow.unitPrice, 150000);

  const plain = await list({ type: 'car' });
  assert.deepEqual(plain.rows.map((x) => x.id), [...plain.rows.map((x) => x.id)].sort((a, b) => a - b));
  assert.ok(plain.rows.every((x) => x.distanceM === null));
});

test('e-bike: the unit price its mode defines, the lowest of the areas; sorted by distance', async () => {
  const { rows } = await list({ type: 'bike', ...HERE });
  assert.deepEqual(rows.map((x) => x.name), [S.bikeC.name, S.bikeA.name]);
  const [c, a] = rows;
  assert.deepEqual(a.priceNow, { mode: 'A', unitMinutes: 60, unitPrice: 8000, banded: false, varies: true });
  assert.deepEqual(c.priceNow, { mode: 'C', kwhPrice: 150000, banded: false, varies: false });
  assert.ok(c.distanceM < a.distanceM);
});
