// SYS-SCOPE on every car endpoint: property A never sees or changes anything of property B (same
// provider); a provider user of P2 sees nothing of P.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, denied } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, addTariff, factoryNo, pileBody } from './lib/car.mjs';

const ctx = useServer();
let P; let P2; let A; let B;
const rowsOf = {};

async function populate(prop, auditor) {
  const station = await approvedStation(prop.api, auditor, prop.id);
  const area = await defaultArea(prop.api, station.id);
  const spots = ok(await prop.api.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 2, lockType: 2 })).data.ids;
  const camera = ok(await prop.api.post('/car/camera', { stationId: station.id, areaId: area.id, factoryNo: factoryNo('C'), name: 'cam', leftSpotId: spots[0] })).data.id;
  const pile = await addPile(prop.api, station.id, area.id, { gunCount: 1 });
  const gun = ok(await prop.api.get(`/car/pile/${pile.id}`)).data.guns[0].id;
  const tariff = await addTariff(prop.api, station.id, area.id);
  ok(await ctx.anon.post('/public/car/privateApply', { stationId: station.id, name: '甲', phone: '13912345678' }));
  const apply = (await prop.api.list('/car/privateApply/list', { stationId: station.id })).rows[0].id;
  return { station: station.id, area: area.id, spot: spots[1], camera, pile: pile.id, gun, tariff: tariff.id, apply };
}

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  P2 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  rowsOf.A = await populate(A, P.api);
  rowsOf.B = await populate(B, P.api);
});

const LISTS = [
  ['/car/station/list', 'station'], ['/car/area/list', 'area'], ['/car/spot/list', 'spot'], ['/car/camera/list', 'camera'],
  ['/car/pile/list', 'pile'], ['/car/gun/list', 'gun'], ['/car/tariff/list', 'tariff'], ['/car/privateApply/list', 'apply'],
];

test('lists and options: A sees its rows and none of B; P2 sees nothing', async () => {
  for (const [path, key] of LISTS) {
    const a = await A.api.list(path);
    assert.ok(a.rows.some((r) => r.id === rowsOf.A[key]), `${path}: own row`);
    assert.ok(!a.rows.some((r) => r.propertyId === B.id || r.id === rowsOf.B[key]), `${path}: no rows of B`);
    const p = await P.api.list(path);
    assert.ok(p.rows.some((r) => r.id === rowsOf.B[key]) && p.rows.some((r) => r.id === rowsOf.A[key]), `${path}: provider sees both`);
    const p2 = await P2.api.list(path);
    assert.equal(p2.total, 0, `${path}: P2 sees nothing`);
  }
  const so = ok(await A.api.get('/car/station/options')).data;
  assert.ok(!so.some((o) => o.id === rowsOf.B.station));
  assert.deepEqual(ok(await A.api.get('/car/area/options', { stationId: rowsOf.B.station })).data, []);
  assert.deepEqual(ok(await A.api.get('/car/spot/options', { areaId: rowsOf.B.area })).data, []);
  assert.equal((await A.api.list('/car/pile/list', { stationId: rowsOf.B.station })).total, 0);
});

test('every read of a B row is 404 for A', async () => {
  const b = rowsOf.B;
  const reads = [
    `/car/station/${b.station}`, `/car/station/${b.station}/invoiceConfig`, `/car/station/${b.station}/payConfig`,
    `/car/station/${b.station}/privateApplyQr`, `/car/area/${b.area}`, `/car/spot/${b.spot}`, `/car/camera/${b.camera}`,
    `/car/pile/${b.pile}`, `/car/pile/${b.pile}/tariff`, `/car/pile/${b.pile}/qr`, `/car/gun/${b.gun}`, `/car/gun/${b.gun}/qr`,
    `/car/tariff/${b.tariff}`,
  ];
  for (const path of reads) denied(await A.api.get(path), path);
  for (const path of reads) denied(await P2.api.get(path), `P2 ${path}`);
});

test('every write on a B row is 404 for A, and nothing changes', async () => {
  const b = rowsOf.B;
  const writes = [
    ['put', '/car/station', { id: b.station, name: 'x', propertyId: B.id }],
    ['put', '/car/station/changeStatus', { id: b.station, status: 1 }],
    ['put', '/car/station/invoiceConfig', { stationId: b.station, merchantNo: 'M', companyName: 'C', taxpayerId: '91440300MA5ABCDE1X' }],
    ['put', '/car/station/payConfig', { stationId: b.station }],
    ['post', '/car/station', { propertyId: B.id, name: 'x' }],
    ['post', '/car/area', { stationId: b.station, name: 'x' }],
    ['put', '/car/area', { id: b.area, name: 'x' }],
    ['put', '/car/area/changeStatus', { id: b.area, status: 1 }],
    ['post', '/car/spot/batch', { stationId: b.station, areaId: b.area, count: 1 }],
    ['put', '/car/spot', { id: b.spot, name: 'x', lockType: 0 }],
    ['put', '/car/spot/changeStatus', { id: b.spot, status: 1 }],
    ['put', '/car/spot/lock', { id: b.spot, action: 'open' }],
    ['post', '/car/camera', { stationId: b.station, areaId: b.area, factoryNo: factoryNo('C'), name: 'x' }],
    ['put', '/car/camera', { id: b.camera, factoryNo: factoryNo('C'), name: 'x' }],
    ['put', '/car/camera/changeStatus', { id: b.camera, status: 1 }],
    ['post', `/car/camera/${b.camera}/command`, { command: 'reboot' }],
    ['post', '/car/pile', pileBody(b.station, b.area)],
    ['put', '/car/pile', { ...pileBody(b.station, b.area), id: b.pile }],
    ['put', '/car/pile/changeStatus', { id: b.pile, status: 1 }],
    ['post', `/car/pile/${b.pile}/command`, { command: 'reboot' }],
    ['put', '/car/gun', { id: b.gun, name: 'x' }],
    ['put', '/car/gun/changeStatus', { id: b.gun, status: 1 }],
    ['post', '/car/tariff', { stationId: b.station, areaId: b.area, name: 'x', mode: 'unified', tiers: { flat: { energyPrice: 1, servicePrice: 1 } } }],
    ['put', '/car/tariff', { id: b.tariff, name: 'x', mode: 'unified', tiers: { flat: { energyPrice: 1, servicePrice: 1 } } }],
    ['put', '/car/tariff/prepay', { id: b.tariff, prepayValues: [100] }],
    ['put', '/car/tariff/changeStatus', { id: b.tariff, status: 1 }],
    ['post', '/car/tariff/billingTest', { id: b.tariff, energy: 1000 }],
    ['put', '/car/privateApply/handle', { id: b.apply, status: 1 }],
  ];
  for (const [m, path, body] of writes) denied(await A.api[m](path, body), `${m} ${path}`);
  // B's rows are unchanged
  assert.equal(ok(await B.api.get(`/car/station/${b.station}`)).data.status, 0);
  assert.equal(ok(await B.api.get(`/car/pile/${b.pile}`)).data.status, 0);
  assert.equal(ok(await B.api.get(`/car/gun/${b.gun}`)).data.name, '1号枪');
  assert.deepEqual(ok(await B.api.get(`/car/tariff/${b.tariff}`)).data.prepayValues, [2000, 5000, 10000]);
});

test('exports only contain rows in scope', async () => {
  const job = ok(await A.api.post('/car/pile/qrExport', {})).data.jobId;
  let st;
  for (let i = 0; i < 200; i++) {
    st = ok(await A.api.get(`/export/${job}`)).data;
    if (st.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(st.status, 'done');
  assert.equal(st.total, 1, 'only A\'s pile');
});
