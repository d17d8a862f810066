// CAR-TARIFF: validation messages, the first version in force at once and later ones at 24:00 station time
// (injectable clock), prepay values, the billing test on the domain engine, the pile's tariff and tariff sync (CAR-FLOW end).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import { approvedStation, addArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from './lib/car.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
let P; let A; let S;
const HOUR = 3600000;
const DAY = 24 * HOUR;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await approvedStation(A.api, P.api, A.id);
});

const setNow = async (now) => ok(await ctx.admin.post('/test/clock', { now })).data;

test('validation: gaps, overlaps, 30-minute steps, missing tier prices, mode, prices, prepay values', async () => {
  const area = await addArea(A.api, S.id);
  const base = { stationId: S.id, areaId: area.id, name: '峰谷', mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: [] };
  const gap = TOU_PERIODS.map((p) => (p.start === '10:00' ? { ...p, start: '10:30' } : p));
  fail(await A.api.post('/car/tariff', { ...base, periods: gap }), 400, /periods: 10:00–10:30 未覆盖/);
  const overlap = TOU_PERIODS.map((p) => (p.start === '10:00' ? { ...p, start: '09:00' } : p));
  fail(await A.api.post('/car/tariff', { ...base, periods: overlap }), 400, /重叠/);
  const misaligned = TOU_PERIODS.map((p) => (p.end === '10:00' ? { ...p, end: '10:15' } : p.start === '10:00' ? { ...p, start: '10:15' } : p));
  fail(await A.api.post('/car/tariff', { ...base, periods: misaligned }), 400, /30分钟/);
  const { peak, ...noPeak } = TOU_TIERS;
  assert.ok(peak);
  fail(await A.api.post('/car/tariff', { ...base, tiers: noPeak }), 400, /tiers\.peak/);
  fail(await A.api.post('/car/tariff', { ...base, periods: [] }), 400, /periods/);
  fail(await A.api.post('/car/tariff', { ...base, mode: 'cheap' }), 400, /mode/);
  fail(await A.api.post('/car/tariff', { ...base, mode: 'unified', tiers: { peak: TOU_TIERS.peak } }), 400, /tiers\.flat/);
  fail(await A.api.post('/car/tariff', { ...base, mode: 'unified', tiers: { flat: { energyPrice: -1, servicePrice: 0 } } }), 400, /tiers\.flat\.energyPrice/);
  fail(await A.api.post('/car/tariff', { ...base, mode: 'unified', tiers: { flat: { energyPrice: 100000 } } }), 400, /tiers\.flat\.servicePrice/);
  fail(await A.api.post('/car/tariff', { ...base, tiers: { ...TOU_TIERS, night: TOU_TIERS.flat } }), 400, /tiers\.night/);
  fail(await A.api.post('/car/tariff', { ...base, prepayValues: Array.from({ length: 13 }, (_, i) => (i + 1) * 100) }), 400, /prepayValues/);
  fail(await A.api.post('/car/tariff', { ...base, prepayValues: [0] }), 400, /prepayValues\[0\]/);
  fail(await A.api.post('/car/tariff', { ...base, prepayValues: [500, 500] }), 400, /prepayValues\[1\].*重复/);
  fail(await A.api.post('/car/tariff', { ...base, name: '' }), 400, /name/);
  fail(await A.api.post('/car/tariff', { ...base, effectiveDate: '2001-01-01' }), 400, /effectiveDate/);
  fail(await A.api.post('/car/tariff', { ...base, effectiveDate: '2030-02-30' }), 400, /effectiveDate/);
  const id = ok(await A.api.post('/car/tariff', base)).data.id;
  fail(await A.api.post('/car/tariff', base), 409, /已有计费规则/);
  const row = ok(await A.api.get(`/car/tariff/${id}`)).data;
  assert.equal(row.mode, 'tou');
  assert.equal(row.areaName, area.name);
  assert.deepEqual(row.versions[0].periods, TOU_PERIODS);
  assert.deepEqual(row.versions[0].tiers, TOU_TIERS);
  assert.equal(row.versions[0].ykcModelNo > 0, true);
  // list filters
  assert.equal((await A.api.list('/car/tariff/list', { areaId: area.id, mode: 'tou' })).total, 1);
  assert.equal((await A.api.list('/car/tariff/list', { areaId: area.id, mode: 'unified' })).total, 0);
  ok(await A.api.put('/car/tariff/changeStatus', { id, status: 1 }));
  assert.equal((await A.api.list('/car/tariff/list', { areaId: area.id, status: 1 })).total, 1);
});

// Issue 13 item 10: a new station charges on the day it is built. The 24:00 rule protects the sessions
// running under a version in force; an area with none in force has nothing to protect, so its first tariff
// takes effect at once — and with it the pile sync, the pile list's mark and the app.
test('the first tariff of an area is in force at once; the pile is marked until then; later edits wait for 24:00', async () => {
  await setNow(Date.now());
  const area = await addArea(A.api, S.id);
  const pile = await addPile(A.api, S.id, area.id);
  const listed = async () => (await A.api.list('/car/pile/list', { areaId: area.id })).rows[0];
  const gunListed = async () => (await A.api.list('/car/gun/list', { areaId: area.id })).rows[0];
  assert.equal((await listed()).tariffInForce, false, 'no tariff: the pile list marks the pile');
  assert.equal(ok(await A.api.get(`/car/pile/${pile.id}`)).data.tariffInForce, false);
  assert.equal((await gunListed()).tariffInForce, false, 'and its guns');
  fail(await A.api.post(`/car/pile/${pile.id}/command`, { command: 'tariffSync' }), 409, /没有生效的计费规则/);

  const before = ok(await ctx.admin.get('/test/clock')).data.now;
  const t = await addTariff(A.api, S.id, area.id, { tiers: { flat: { energyPrice: 100000, servicePrice: 50000 } } });
  const after = ok(await ctx.admin.get('/test/clock')).data.now;
  let row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.ok(row.currentVersion, 'in force at once');
  assert.equal(row.currentVersion.version, 1);
  assert.ok(row.currentVersion.effectiveFrom >= before && row.currentVersion.effectiveFrom <= after, 'from the moment it was saved');
  assert.equal(row.pendingVersion, null);
  assert.equal((await listed()).tariffInForce, true);
  assert.equal((await gunListed()).tariffInForce, true);
  assert.equal(ok(await A.api.get(`/car/pile/${pile.id}/tariff`)).data.currentVersion.version, 1);
  // the sync now fails only because the pile is offline (the server says so truthfully)
  fail(await A.api.post(`/car/pile/${pile.id}/command`, { command: 'tariffSync' }), 409, /^设备不在线，无法执行$/);
  // the billing test uses it, no preview
  const bill = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 100000, durationMinutes: 60 })).data;
  assert.deepEqual([bill.version, bill.preview, bill.total], [1, false, 1500]);

  // an edit of a tariff in force waits for 24:00 (sessions running now keep their price)
  ok(await A.api.put('/car/tariff', { id: t.id, name: t.name, mode: 'unified', tiers: { flat: { energyPrice: 200000, servicePrice: 50000 } } }));
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 1);
  assert.equal(row.pendingVersion.version, 2);
  assert.equal((row.pendingVersion.effectiveFrom + 8 * HOUR) % DAY, 0, '24:00 in Asia/Shanghai');
  assert.ok(row.pendingVersion.effectiveFrom > after && row.pendingVersion.effectiveFrom - after <= DAY);

  // a disabled tariff is not in force: the pile is marked again
  ok(await A.api.put('/car/tariff/changeStatus', { id: t.id, status: 1 }));
  assert.equal((await listed()).tariffInForce, false);
  ok(await A.api.put('/car/tariff/changeStatus', { id: t.id, status: 0 }));
  assert.equal((await listed()).tariffInForce, true);
});

test('a first tariff for a later date is pending until 00:00 of it; saved again meanwhile, it is in force at once', async () => {
  await setNow(Date.now());
  const area = await addArea(A.api, S.id);
  const pile = await addPile(A.api, S.id, area.id);
  const now = ok(await ctx.admin.get('/test/clock')).data.now;
  const later = new Date(now + 8 * HOUR + 2 * DAY).toISOString().slice(0, 10);
  const t = await addTariff(A.api, S.id, area.id, { effectiveDate: later });
  let row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion, null);
  assert.equal(row.pendingVersion.effectiveFrom, Date.parse(`${later}T00:00:00+08:00`));
  assert.equal((await A.api.list('/car/pile/list', { areaId: area.id })).rows[0].tariffInForce, false);
  fail(await A.api.post(`/car/pile/${pile.id}/command`, { command: 'tariffSync' }), 409, /没有生效的计费规则/);
  // today's date = as soon as the rule allows: nothing is in force, so at once
  const today = new Date(now + 8 * HOUR).toISOString().slice(0, 10);
  ok(await A.api.put('/car/tariff', { id: t.id, name: t.name, mode: 'unified', effectiveDate: today, tiers: { flat: { energyPrice: 90000, servicePrice: 10000 } } }));
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 2);
  assert.equal(row.currentVersion.tiers.flat.energyPrice, 90000);
  assert.equal(row.pendingVersion.version, 1, 'the version for the later date still takes effect then');
  assert.equal((await A.api.list('/car/pile/list', { areaId: area.id })).rows[0].tariffInForce, true);
  await ctx.admin.post('/test/clock', { offsetMs: 0 });
});

test('versions take effect at 24:00 station time once one is in force; the previous stays in force; a session is billed by the version at its start', async () => {
  await setNow(Date.now());
  const area = await addArea(A.api, S.id);
  const pile = await addPile(A.api, S.id, area.id);
  assert.equal(ok(await A.api.get(`/car/pile/${pile.id}/tariff`)).data, null);
  const t = await addTariff(A.api, S.id, area.id, { tiers: { flat: { energyPrice: 100000, servicePrice: 50000 } } });
  let row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 1, 'the first version is in force at once');
  const now = ok(await ctx.admin.get('/test/clock')).data.now;
  // E: the next 24:00 in Asia/Shanghai (16:00 UTC)
  const E = Math.floor((now + 8 * HOUR) / DAY) * DAY + DAY - 8 * HOUR;
  assert.ok(E > now && E - now <= DAY, 'within a day');

  // past midnight: v1 still in force, nothing pending
  await setNow(E + 60000);
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 1);
  assert.equal(row.pendingVersion, null);
  fail(await A.api.post(`/car/pile/${pile.id}/command`, { command: 'tariffSync' }), 409, /^设备不在线，无法执行$/);
  const pileTariff = ok(await A.api.get(`/car/pile/${pile.id}/tariff`)).data;
  assert.equal(pileTariff.id, t.id);
  assert.equal(pileTariff.currentVersion.version, 1);

  // edit mid-day: v2 from the next midnight, v1 stays in force until then
  await setNow(E + 10 * HOUR);
  ok(await A.api.put('/car/tariff', { id: t.id, name: t.name, mode: 'unified', tiers: { flat: { energyPrice: 200000, servicePrice: 50000 } } }));
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 1);
  assert.equal(row.pendingVersion.version, 2);
  assert.equal(row.pendingVersion.effectiveFrom, E + DAY);
  assert.equal(row.versions.length, 2);
  assert.equal(row.versions[0].effectiveTo, E + DAY);
  assert.equal(row.versions[1].effectiveTo, null);
  assert.equal(row.versions[1].tiers.flat.energyPrice, 200000);
  // a session that starts at 23:00 and crosses midnight is billed entirely by v1
  let bill = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 100000, startTime: E + 23 * HOUR, durationMinutes: 120 })).data;
  assert.equal(bill.version, 1);
  assert.equal(bill.preview, false);
  assert.equal(bill.total, 1500);
  bill = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 100000, startTime: E + DAY, durationMinutes: 60 })).data;
  assert.equal(bill.version, 2);
  assert.equal(bill.total, 2500);
  // before the first version: the billing test previews it
  bill = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 100000, startTime: now - DAY, durationMinutes: 60 })).data;
  assert.deepEqual([bill.version, bill.preview], [1, true]);

  // a later effectiveDate: 00:00 of that date
  const later = new Date(E + 3 * DAY + 8 * HOUR).toISOString().slice(0, 10);
  ok(await A.api.put('/car/tariff', { id: t.id, name: t.name, mode: 'unified', effectiveDate: later, tiers: { flat: { energyPrice: 300000, servicePrice: 0 } } }));
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.versions.length, 3);
  assert.equal(row.versions.find((v) => v.version === 3).effectiveFrom, E + 3 * DAY);
  assert.equal(row.pendingVersion.version, 2, 'the next to take effect');
  const yesterday = new Date(E + 10 * HOUR + 8 * HOUR - DAY).toISOString().slice(0, 10);
  fail(await A.api.put('/car/tariff', { id: t.id, name: t.name, mode: 'unified', effectiveDate: yesterday, tiers: { flat: { energyPrice: 1, servicePrice: 1 } } }), 400, /effectiveDate/);

  // next midnight: v2 in force
  await setNow(E + DAY + 1000);
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 2);
  await setNow(E + 3 * DAY + 1000);
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.equal(row.currentVersion.version, 3);
  assert.equal(row.pendingVersion, null);
  await ctx.admin.post('/test/clock', { offsetMs: 0 });
});

test('billing test numbers: TOU across peak → sharp, per-tier fen and milli, totals add up', async () => {
  await ctx.admin.post('/test/clock', { offsetMs: 0 });
  const area = await addArea(A.api, S.id);
  const t = await addTariff(A.api, S.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS });
  // E: the next 24:00 in Asia/Shanghai (the version, in force since it was saved, is in force then)
  const now = ok(await ctx.admin.get('/test/clock')).data.now;
  const E = Math.floor((now + 8 * HOUR) / DAY) * DAY + DAY - 8 * HOUR;
  // 11:00–13:00 local: 1 h peak + 1 h sharp, 12.3456 kWh spread evenly
  const bill = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 123456, startTime: E + 11 * HOUR, durationMinutes: 120 })).data;
  assert.equal(bill.version, 1);
  assert.equal(bill.energy, 123456);
  assert.equal(bill.total, 2531);
  assert.equal(bill.energyFee, 1667);
  assert.equal(bill.serviceFee, 864);
  assert.equal(bill.totalMilli, 253085);
  assert.equal(bill.energyFeeMilli, 166666);
  assert.equal(bill.serviceFeeMilli, 86419);
  const byTier = Object.fromEntries(bill.tiers.map((x) => [x.tier, x]));
  assert.deepEqual(Object.keys(byTier).sort(), ['peak', 'sharp']);
  assert.equal(byTier.peak.energy, 61728);
  assert.equal(byTier.sharp.energy, 61728);
  assert.equal(byTier.peak.energyFee, 741);
  assert.equal(byTier.sharp.energyFee, 926);
  assert.equal(byTier.peak.serviceFee, 370);
  assert.equal(byTier.sharp.serviceFee, 494);
  assert.equal(bill.tiers.reduce((s, x) => s + x.energyFee + x.serviceFee, 0), bill.total);
  // zero energy
  const zero = ok(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 0, startTime: E, durationMinutes: 30 })).data;
  assert.equal(zero.total, 0);
  // bad input
  fail(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: -1, startTime: E }), 400, /energy/);
  fail(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 1, startTime: E, durationMinutes: 99999 }), 400, /durationMinutes/);
  fail(await A.api.post('/car/tariff/billingTest', { id: t.id, energy: 'x' }), 400, /energy/);
});

test('prepay values: set immediately, ≤ 12, positive, distinct', async () => {
  const area = await addArea(A.api, S.id);
  const t = await addTariff(A.api, S.id, area.id, { prepayValues: [1000] });
  let row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.deepEqual(row.prepayValues, [1000]);
  const twelve = Array.from({ length: 12 }, (_, i) => (i + 1) * 500);
  ok(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: twelve }));
  row = ok(await A.api.get(`/car/tariff/${t.id}`)).data;
  assert.deepEqual(row.prepayValues, twelve);
  assert.deepEqual((await A.api.list('/car/tariff/list', { areaId: area.id })).rows[0].prepayValues, twelve);
  fail(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: [...twelve, 99999] }), 400, /prepayValues/);
  fail(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: [-5] }), 400, /prepayValues\[0\]/);
  fail(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: [100, 200, 100] }), 400, /prepayValues\[2\]/);
  fail(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: ['a'] }), 400, /prepayValues/);
  ok(await A.api.put('/car/tariff/prepay', { id: t.id, prepayValues: [] }));
  assert.deepEqual(ok(await A.api.get(`/car/tariff/${t.id}`)).data.prepayValues, []);
});

test('test-only clock route needs testing.enabled and the super admin', async () => {
  fail(await A.api.post('/test/clock', { offsetMs: 1 }), 403);
});
