// BIKE-TARIFF: the five modes with the engine's validation messages, row fields, filters, prepay values,
// enable/disable, delete, the billing test and prepay → duration (numbers of docs/billing.md).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, createdId } from './lib/client.mjs';
import { addBikeStation, bikeDefaultArea, addBikeArea, addBikeTariff, addDevice, DOC_TARIFFS } from './lib/bike.mjs';

const ctx = useServer();
let A; let S; let AREA;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await addBikeStation(A.api, A.id);
  AREA = await bikeDefaultArea(A.api, S.id);
});

const post = (fields) => A.api.post('/bike/tariff', { stationId: S.id, areaId: AREA.id, name: '规则', ...fields });
const test_ = async (id, durationMinutes, powerW) =>
  ok(await A.api.post('/bike/tariff/billingTest', { id, durationMinutes, ...(powerW !== undefined ? { powerW } : {}) })).data;
const prepay = async (id, amount, powerW) =>
  ok(await A.api.post('/bike/tariff/prepayDuration', { id, amount, ...(powerW !== undefined ? { powerW } : {}) })).data;

test('each mode is stored with its fields; row shape; several tariffs per area', async () => {
  for (const mode of ['A', 'B', 'C', 'D', 'E']) {
    const t = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS[mode], prepayValues: [200, 500] });
    const row = ok(await A.api.get(`/bike/tariff/${t.id}`)).data;
    assert.equal(row.mode, mode);
    assert.equal(row.stationId, S.id);
    assert.equal(row.areaId, AREA.id);
    assert.equal(row.areaName, '默认区域');
    assert.equal(row.status, 0);
    assert.deepEqual(row.prepayValues, [200, 500]);
    for (const k of ['maxDurationMinutes', 'autoStopAmount', 'freeMinutes']) assert.equal(row[k], DOC_TARIFFS[mode][k], `${mode} ${k}`);
    if (DOC_TARIFFS[mode].bands) assert.deepEqual(row.bands, DOC_TARIFFS[mode].bands);
    for (const k of ['unitMinutes', 'unitPrice', 'energyPrice', 'servicePrice', 'referencePowerW'])
      if (DOC_TARIFFS[mode][k] !== undefined) assert.equal(row[k], DOC_TARIFFS[mode][k], `${mode} ${k}`);
    assert.equal(typeof row.referencePowerW, 'number');
  }
  assert.ok((await A.api.list('/bike/tariff/list', { areaId: AREA.id })).total >= 5);
});

test('bands are stored sorted whatever the order sent', async () => {
  const bands = [...DOC_TARIFFS.B.bands].reverse();
  const t = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS.B, bands });
  assert.deepEqual(ok(await A.api.get(`/bike/tariff/${t.id}`)).data.bands.map((b) => b.minW), [0, 200, 400, 700]);
});

test('validation messages of the engine, naming the field and the band, for all five modes', async () => {
  // A
  fail(await post({ ...DOC_TARIFFS.A, maxDurationMinutes: 2881 }), 400, /maxDurationMinutes: 不能超过48小时/);
  fail(await post({ ...DOC_TARIFFS.A, autoStopAmount: 0 }), 400, /autoStopAmount: 须大于0/);
  fail(await post({ ...DOC_TARIFFS.A, freeMinutes: 720 }), 400, /freeMinutes: 须小于自停阈值/);
  fail(await post({ ...DOC_TARIFFS.A, unitMinutes: 0 }), 400, /unitMinutes/);
  fail(await post({ ...DOC_TARIFFS.A, unitPrice: -1 }), 400, /unitPrice: 不能为负数/);
  fail(await post({ ...DOC_TARIFFS.A, maxDurationMinutes: undefined }), 400, /maxDurationMinutes/);
  // B
  fail(await post({ ...DOC_TARIFFS.B, bands: [{ minW: 0, maxW: 200, unitPrice: 1 }, { minW: 250, maxW: null, unitPrice: 2 }] }), 400, /bands: 200W–250W 缺失/);
  fail(await post({ ...DOC_TARIFFS.B, bands: [{ minW: 0, maxW: 300, unitPrice: 1 }, { minW: 200, maxW: 400, unitPrice: 2 }] }), 400, /bands: 0W–300W 与 200W–400W 重叠/);
  fail(await post({ ...DOC_TARIFFS.B, bands: [{ minW: 100, maxW: null, unitPrice: 1 }] }), 400, /bands: 0W–100W 缺失/);
  fail(await post({ ...DOC_TARIFFS.B, bands: [] }), 400, /bands: 至少需要一个功率档/);
  fail(await post({ ...DOC_TARIFFS.B, bands: [{ minW: 0, unitPrice: 1 }, { minW: 200, maxW: 300, unitPrice: 1 }] }), 400, /bands: .*重叠/);
  fail(await post({ ...DOC_TARIFFS.B, bands: [{ minW: 'x', unitPrice: 1 }] }), 400, /bands\[0\]\.minW/);
  // C
  fail(await post({ ...DOC_TARIFFS.C, energyPrice: -5 }), 400, /energyPrice: 不能为负数/);
  fail(await post({ ...DOC_TARIFFS.C, servicePrice: 10000001 }), 400, /servicePrice: 不能超过100元\/kWh/);
  fail(await post({ ...DOC_TARIFFS.C, referencePowerW: 0 }), 400, /referencePowerW: 须在1–10000W之间/);
  // D
  fail(await post({ ...DOC_TARIFFS.D, energyPrice: 10000001 }), 400, /energyPrice: 不能超过100元\/kWh/);
  fail(await post({ ...DOC_TARIFFS.D, unitPrice: 10000001 }), 400, /unitPrice: 不能超过1000元/);
  // E
  fail(await post({ ...DOC_TARIFFS.E, bands: [{ minW: 0, maxW: 200, unitPrice: 1 }, { minW: 200, maxW: null, unitPrice: 1 }, { minW: 400, maxW: null, unitPrice: 1 }] }), 400, /bands: 200W以上 与 400W以上 重叠/);
  fail(await post({ ...DOC_TARIFFS.E, bands: [{ minW: 0, maxW: 300, unitPrice: 1 }, { minW: 300, maxW: 20000, unitPrice: 1 }] }), 400, /bands: 300W–20000W 上限不能超过10000W/);
  // every problem at once
  const r = fail(await post({ ...DOC_TARIFFS.A, maxDurationMinutes: 3000, autoStopAmount: -1 }), 400);
  assert.match(r.msg, /maxDurationMinutes/);
  assert.match(r.msg, /autoStopAmount/);
  // mode, prepay values
  fail(await post({ ...DOC_TARIFFS.A, mode: 'F' }), 400, /mode/);
  fail(await post({ ...DOC_TARIFFS.A, prepayValues: [500, 500] }), 400, /prepayValues: 5.00元 重复/);
  fail(await post({ ...DOC_TARIFFS.A, prepayValues: Array.from({ length: 13 }, (_, i) => (i + 1) * 100) }), 400, /prepayValues: 最多12个预付值/);
  fail(await post({ ...DOC_TARIFFS.A, prepayValues: [0] }), 400, /prepayValues/);
  fail(await post({ ...DOC_TARIFFS.A, name: '' }), 400, /name/);
  // fields of other modes are ignored: A with broken bands is fine
  ok(await post({ ...DOC_TARIFFS.A, bands: [{ minW: 500, maxW: 100, unitPrice: -1 }] }));
});

test('edit, filters, prepay values, enable/disable, delete', async () => {
  const area = await addBikeArea(A.api, S.id);
  const t = await addBikeTariff(A.api, S.id, area.id, { name: '待改规则' });
  ok(await A.api.put('/bike/tariff', { id: t.id, name: '已改规则', ...DOC_TARIFFS.D }));
  let row = ok(await A.api.get(`/bike/tariff/${t.id}`)).data;
  assert.equal(row.name, '已改规则');
  assert.equal(row.mode, 'D');
  assert.equal(row.energyPrice, 80000);
  fail(await A.api.put('/bike/tariff', { id: t.id, name: 'x', ...DOC_TARIFFS.B, bands: [] }), 400, /bands/);
  assert.equal((await A.api.list('/bike/tariff/list', { areaId: area.id, mode: 'D' })).total, 1);
  assert.equal((await A.api.list('/bike/tariff/list', { areaId: area.id, mode: 'A' })).total, 0);
  assert.equal((await A.api.list('/bike/tariff/list', { stationId: S.id, name: '已改' })).total, 1);
  ok(await A.api.put('/bike/tariff/prepay', { id: t.id, prepayValues: [300, 600, 900] }));
  assert.deepEqual(ok(await A.api.get(`/bike/tariff/${t.id}`)).data.prepayValues, [300, 600, 900]);
  fail(await A.api.put('/bike/tariff/prepay', { id: t.id, prepayValues: [300, 300] }), 400, /prepayValues/);
  fail(await A.api.put('/bike/tariff/prepay', { id: t.id, prepayValues: ['x'] }), 400, /prepayValues/);
  ok(await A.api.put('/bike/tariff/changeStatus', { id: t.id, status: 1 }));
  assert.equal((await A.api.list('/bike/tariff/list', { areaId: area.id, status: 1 })).total, 1);
  ok(await A.api.put('/bike/tariff/changeStatus', { id: t.id, status: 0 }));
  // moving to an area of another station is refused
  const other = await addBikeStation(A.api, A.id);
  const otherArea = await bikeDefaultArea(A.api, other.id);
  fail(await A.api.put('/bike/tariff', { id: t.id, areaId: otherArea.id, name: 'x', ...DOC_TARIFFS.A }), 400, /areaId/);
  ok(await A.api.del(`/bike/tariff/${t.id}`));
  fail(await A.api.get(`/bike/tariff/${t.id}`), 404);
  row = null;
});

test('billing test: docs/billing.md examples A1, A2, A3, B (sustained power), D1, T1, T2', async () => {
  const a = await addBikeTariff(A.api, S.id, AREA.id, DOC_TARIFFS.A);
  let b = await test_(a.id, 130); // A1: 2 h 10 min → 3 units → 300
  assert.equal(b.units, 3);
  assert.equal(b.total, 300);
  assert.equal(b.serviceFee, 300);
  assert.equal(b.energyFee, 0);
  assert.equal(b.durationS, 7800);
  assert.equal(b.cap, null);
  b = await test_(a.id, 5); // A2: within the free minutes
  assert.equal(b.free, true);
  assert.equal(b.total, 0);
  b = await test_(a.id, 6); // one minute later the whole rule applies from minute 0
  assert.equal(b.free, false);
  assert.equal(b.total, 100);
  const a3 = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS.A, unitMinutes: 30, unitPrice: 1250 });
  b = await test_(a3.id, 75); // A3: 3 units × 0.1250 = 37.5 fen → 38
  assert.equal(b.units, 3);
  assert.equal(b.grossMilli, 3750);
  assert.equal(b.total, 38);

  const bt = await addBikeTariff(A.api, S.id, AREA.id, DOC_TARIFFS.B);
  b = await test_(bt.id, 150, 380); // B1's session power 380 W → 200–400 W band, 3 units → 270
  assert.deepEqual([b.band.minW, b.band.maxW, b.band.unitPrice], [200, 400, 9000]);
  assert.equal(b.powerW, 380);
  assert.equal(b.total, 270);
  b = await test_(bt.id, 90, 450); // B2: 450 W → 400–700 W, 2 units → 240
  assert.equal(b.band.minW, 400);
  assert.equal(b.total, 240);
  b = await test_(bt.id, 90, 800); // open top band
  assert.equal(b.band.maxW, null);
  assert.equal(b.band.label, '700W以上');
  b = await test_(bt.id, 90); // no power given: the reference power (500 W)
  assert.equal(b.powerW, 500);
  assert.equal(b.band.minW, 400);

  const d = await addBikeTariff(A.api, S.id, AREA.id, DOC_TARIFFS.D);
  b = await test_(d.id, 125, 300); // D1: 7500 s at 300 W → 0.625 kWh; 0.50 + 1.50 → 200
  assert.equal(b.energy, 6250);
  assert.equal(b.energyFee, 50);
  assert.equal(b.serviceFee, 150);
  assert.equal(b.total, 200);

  const t1 = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS.A, maxDurationMinutes: 480, autoStopAmount: 1000 });
  b = await test_(t1.id, 484); // T1: billed at the threshold → 8 units → 800
  assert.equal(b.billedS, 28800);
  assert.equal(b.maxDurationReached, true);
  assert.equal(b.total, 800);
  const t2 = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS.A, autoStopAmount: 500 });
  b = await test_(t2.id, 390); // T2: 7 units = 700 → capped at the auto-stop amount 500
  assert.equal(b.gross, 700);
  assert.equal(b.total, 500);
  assert.equal(b.cap, 'autoStopAmount');

  fail(await A.api.post('/bike/tariff/billingTest', { id: a.id, durationMinutes: -1 }), 400, /durationMinutes/);
  fail(await A.api.post('/bike/tariff/billingTest', { id: a.id, durationMinutes: 10, powerW: -5 }), 400, /powerW/);
  fail(await A.api.post('/bike/tariff/billingTest', { id: a.id }), 400, /durationMinutes/);
  fail(await A.api.post('/bike/tariff/billingTest', { id: 99999999, durationMinutes: 10 }), 404);
});

test('prepay → duration: docs/billing.md examples P1, P2, P3', async () => {
  const p1 = await addBikeTariff(A.api, S.id, AREA.id, { ...DOC_TARIFFS.A, unitMinutes: 30, unitPrice: 1250, maxDurationMinutes: 480, autoStopAmount: 2000 });
  let r = await prepay(p1.id, 38);
  assert.equal(r.durationMinutes, 90);
  assert.equal(r.bill.total, 38);
  r = await prepay(p1.id, 100);
  assert.equal(r.durationMinutes, 240);
  assert.equal(r.bill.total, 100);
  r = await prepay(p1.id, 4000);
  assert.equal(r.durationMinutes, 480);
  assert.equal(r.maxDuration, true);
  r = await prepay(p1.id, 10);
  assert.equal(r.durationMinutes, 5);
  assert.equal(r.bill.total, 0);

  const c = await addBikeTariff(A.api, S.id, AREA.id, DOC_TARIFFS.C);
  r = await prepay(c.id, 200); // P2: at the reference power 500 W → 160 min, bill 200
  assert.equal(r.durationMinutes, 160);
  assert.equal(r.powerW, 500);
  assert.equal(r.bill.energy, 13333);
  assert.equal(r.bill.total, 200);
  assert.equal(r.bill.energyFeeMilli, 13333);
  assert.equal(r.bill.serviceFeeMilli, 6667);
  const more = await test_(c.id, 161, 500);
  assert.equal(more.total, 201, '161 min costs more than the amount');

  const e = await addBikeTariff(A.api, S.id, AREA.id, DOC_TARIFFS.E);
  r = await prepay(e.id, 300, 520); // P3: 520 W → band 300–600 W → 202 min
  assert.equal(r.durationMinutes, 202);
  assert.equal(r.band.minW, 300);
  assert.equal(r.bill.total, 300);
  assert.equal((await test_(e.id, 203, 520)).total, 301);

  fail(await A.api.post('/bike/tariff/prepayDuration', { id: e.id, amount: -1 }), 400, /amount/);
});

// Issue 13 item 10: a device or socket whose area has no tariff in force is marked in the admin lists; an
// e-bike tariff is in force as soon as it is saved (and enabled).
test('device and socket lists mark an area without a tariff in force; the first tariff is in force at once', async () => {
  const area = await addBikeArea(A.api, S.id);
  const dev = await addDevice(A.api, S.id, area.id, { socketCount: 2 });
  const marks = async () => [
    (await A.api.list('/bike/device/list', { areaId: area.id })).rows.map((d) => d.tariffInForce),
    ok(await A.api.get(`/bike/device/${dev.id}`)).data.tariffInForce,
    (await A.api.list('/bike/socket/list', { deviceId: dev.id })).rows.map((x) => x.tariffInForce),
  ];
  assert.deepEqual(await marks(), [[false], false, [false, false]]);
  const t = await addBikeTariff(A.api, S.id, area.id, DOC_TARIFFS.A);
  assert.deepEqual(await marks(), [[true], true, [true, true]]);
  ok(await A.api.put('/bike/tariff/changeStatus', { id: t.id, status: 1 }));
  assert.deepEqual(await marks(), [[false], false, [false, false]], 'a disabled tariff is not in force');
  ok(await A.api.put('/bike/tariff/changeStatus', { id: t.id, status: 0 }));
  assert.deepEqual((await marks())[0], [true]);
});

test('a tariff id of another property is not found on every tariff route', async () => {
  const t = await addBikeTariff(A.api, S.id, AREA.id);
  const P2 = await approvedProvider(ctx.admin);
  const B = await propertyWithLogin(ctx.admin, P2.id);
  fail(await B.api.get(`/bike/tariff/${t.id}`), 404);
  fail(await B.api.put('/bike/tariff', { id: t.id, name: 'x', ...DOC_TARIFFS.A }), 404);
  fail(await B.api.put('/bike/tariff/prepay', { id: t.id, prepayValues: [100] }), 404);
  fail(await B.api.put('/bike/tariff/changeStatus', { id: t.id, status: 1 }), 404);
  fail(await B.api.post('/bike/tariff/billingTest', { id: t.id, durationMinutes: 10 }), 404);
  fail(await B.api.post('/bike/tariff/prepayDuration', { id: t.id, amount: 100 }), 404);
  fail(await B.api.del(`/bike/tariff/${t.id}`), 404);
  fail(await B.api.post('/bike/tariff', { stationId: S.id, areaId: AREA.id, name: 'x', ...DOC_TARIFFS.A }), 404);
  assert.equal(await createdId(await A.api.post('/bike/tariff', { stationId: S.id, areaId: AREA.id, name: 'ok', ...DOC_TARIFFS.A })) > 0, true);
});
