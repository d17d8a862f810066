// The station report (STAT-STATION, issue 19; docs/api-stat.md "Station report") against its orders:
// generated orders and refunds (written into the database directly, around the stations' local midnights,
// one station on Berlin time) are summed here per station and local day and compared with the report, its
// totals, chart, filters, export and data scope; then an order changes and the roll-up follows.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import { backend } from './lib/server.mjs';
import { addStation, defaultArea, addPile, waitExport, getBinary, xlsxRows } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
const DAY = 86_400_000;
const H = 3_600_000;
let A; let B; let st; let expected;

function sql(text) {
  const url = ctx.server.dbUrl;
  if (backend() === 'postgres') return execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-qtA', url, '-c', text]).toString();
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', url.replace(/^sqlite:/, ''), text]).toString();
}
const localDay = (t, timeZone) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(t));
const rollups = async () => ok(await ctx.admin.post('/test/stat/rollups', {}));

let seed = 7;
const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
let seq = 0;

// One order: both kinds take the same figures; a car order's charging time is end − start, an e-bike's its duration.
function order(s, at) {
  const o = { energy: rand(500000), energyFee: rand(3000), serviceFee: rand(2000), seconds: rand(20000) };
  o.charged = o.energyFee + o.serviceFee;
  const no = `SR${Date.now()}${seq++}`;
  if (s.type === 'car') {
    sql(`INSERT INTO car_charge_order (order_no, provider_id, property_id, station_id, pile_id, gun_id, state, prepaid, energy, energy_fee, service_fee, charged, created_at, start_at, end_at)
         VALUES ('${no}', ${s.providerId}, ${s.propertyId}, ${s.id}, ${s.deviceId}, ${s.connectorId}, 'finished', 100000, ${o.energy}, ${o.energyFee}, ${o.serviceFee}, ${o.charged}, ${at}, ${at + 5000}, ${at + 5000 + o.seconds * 1000})`);
  } else {
    sql(`INSERT INTO bike_charge_order (order_no, provider_id, property_id, station_id, device_id, socket_id, state, prepaid, duration_s, energy, energy_fee, service_fee, charged, created_at)
         VALUES ('${no}', ${s.providerId}, ${s.propertyId}, ${s.id}, ${s.deviceId}, ${s.connectorId}, 'finished', 100000, ${o.seconds}, ${o.energy}, ${o.energyFee}, ${o.serviceFee}, ${o.charged}, ${at})`);
  }
  return { ...o, no };
}
function refund(s, at, type, status, amount) {
  const payNo = `SP${Date.now()}${seq++}`;
  sql(`INSERT INTO pay_order (pay_no, order_type, station_type, station_id, provider_id, property_id, pay_type, provider, merchant_no, amount, status, paid_amount, created_at, expires_at)
       VALUES ('${payNo}', '${s.type}', '${s.type}', ${s.id}, ${s.providerId}, ${s.propertyId}, 'wechat', 'sandbox', 'M1', 5000, 'paid', 5000, ${at}, ${at + 600000})`);
  sql(`INSERT INTO pay_refund (refund_no, pay_order_id, pay_no, order_type, station_type, station_id, provider_id, property_id, refund_type, source, amount, status, created_at)
       VALUES ('R${payNo}', (SELECT id FROM pay_order WHERE pay_no = '${payNo}'), '${payNo}', '${s.type}', '${s.type}', ${s.id}, ${s.providerId}, ${s.propertyId}, '${type}', 'revenue', ${amount}, '${status}', ${at})`);
}

function row(s, day) {
  const k = `${s.type}:${s.id}:${day}`;
  expected[k] ??= { stationType: s.type, stationId: s.id, day, sessions: 0, chargeSeconds: 0, energy: 0, energyFee: 0, serviceFee: 0, charged: 0, refunds: 0, refunded: 0 };
  return expected[k];
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  const carStation = async (who) => {
    const s = await addStation(who.api, who.id);
    const p = await addPile(who.api, s.id, (await defaultArea(who.api, s.id)).id, { gunCount: 1 });
    const pile = ok(await who.api.get(`/car/pile/${p.id}`)).data;
    return { type: 'car', id: s.id, zone: 'Asia/Shanghai', providerId: P.id, propertyId: who.id, deviceId: pile.id, connectorId: pile.guns[0].id };
  };
  const bs = await addBikeStation(A.api, A.id, { timezone: 'Europe/Berlin' });
  const d = await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id, { socketCount: 1 });
  const dev = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  st = {
    car: await carStation(A),
    bike: { type: 'bike', id: bs.id, zone: 'Europe/Berlin', providerId: P.id, propertyId: A.id, deviceId: dev.id, connectorId: dev.sockets[0].id },
    other: await carStation(B),
  };
  expected = {};
  // four days back from Shanghai's last midnight; around each Shanghai and Berlin midnight
  const base = Math.floor((Date.now() + 8 * H) / DAY) * DAY - 8 * H - 4 * DAY;
  const offsets = [-60_000, 60_000, 7 * H - 60_000, 7 * H + 60_000, 8 * H - 60_000, 8 * H + 60_000, 15 * H];
  for (let day = 0; day < 4; day++) {
    for (const off of offsets) {
      for (const s of [st.car, st.bike, st.other]) {
        if (rand(3) === 0) continue;
        const at = base + day * DAY + off;
        const o = order(s, at);
        const r = row(s, localDay(at, s.zone));
        r.sessions++; r.chargeSeconds += o.seconds; r.energy += o.energy; r.energyFee += o.energyFee;
        r.serviceFee += o.serviceFee; r.charged += o.charged;
        if (rand(4) === 0) {
          const type = rand(3) === 0 ? 'prepay_return' : 'fee_refund';
          const status = rand(4) === 0 ? 'pending' : 'succeeded';
          const amount = 1 + rand(o.charged + 1);
          refund(s, at + 1000, type, status, amount);
          if (type === 'fee_refund') {
            const rr = row(s, localDay(at + 1000, s.zone));
            rr.refunds++;
            if (status === 'succeeded') rr.refunded += amount;
          }
        }
      }
    }
  }
  await rollups();
});

const pick = (r) => ({ stationType: r.stationType, stationId: r.stationId, day: r.day, sessions: r.sessions, chargeSeconds: r.chargeSeconds, energy: r.energy, energyFee: r.energyFee, serviceFee: r.serviceFee, charged: r.charged, refunds: r.refunds, refunded: r.refunded });
const key = (r) => `${r.stationType}:${r.stationId}:${r.day}`;
const mine = (who) => Object.values(expected).filter((r) => (who === B ? r.stationId === st.other.id && r.stationType === 'car' : !(r.stationId === st.other.id && r.stationType === 'car')));
const sum = (rows, f) => rows.reduce((a, r) => a + r[f], 0);

test('the report equals the sums of its orders per station and local day; totals, chart, filters, export, scope', async () => {
  const list = async (api, q = {}) => ok(await api.get('/stat/station/list', { pageSize: 500, ...q }));
  const want = mine(A).sort((a, b) => key(a).localeCompare(key(b)));
  const got = (await list(A.api)).rows;
  assert.deepEqual(got.map(pick).sort((a, b) => key(a).localeCompare(key(b))), want);
  for (const r of got) assert.equal(r.net, r.charged - r.refunded);
  // the Berlin station's orders between 23:00 and 00:00 UTC fall on the next Berlin day
  assert.ok(want.some((r) => r.stationType === 'bike'));

  const s = ok(await A.api.get('/stat/station/summary')).data;
  for (const f of ['sessions', 'chargeSeconds', 'energy', 'energyFee', 'serviceFee', 'charged', 'refunds', 'refunded'])
    assert.equal(s.totals[f], sum(want, f), f);
  assert.equal(s.totals.net, s.totals.charged - s.totals.refunded);
  assert.equal(s.totals.rows, want.length);
  const days = [...new Set(want.map((r) => r.day))].sort();
  assert.deepEqual(s.chart.days, days);
  assert.deepEqual(s.chart.sessions, days.map((d) => sum(want.filter((r) => r.day === d), 'sessions')));

  // filters: station type, station, date range (inclusive, the stations' local dates)
  const bike = await list(A.api, { stationType: 'bike' });
  assert.deepEqual(bike.rows.map(key).sort(), want.filter((r) => r.stationType === 'bike').map(key).sort());
  const one = await list(A.api, { stationType: 'car', stationId: st.car.id, beginDate: days[1], endDate: days[2] });
  assert.deepEqual(one.rows.map(key).sort(), want.filter((r) => r.stationType === 'car' && r.day >= days[1] && r.day <= days[2]).map(key).sort());
  fail(await A.api.get('/stat/station/list', { beginDate: '2026-2-1' }), 400, /beginDate/);
  fail(await A.api.get('/stat/station/list', { stationType: 'boat' }), 400, /stationType/);

  // scope: the other property sees its own station only; the system admin narrows by property
  const b = await list(B.api);
  assert.deepEqual(b.rows.map(pick).sort((x, y) => key(x).localeCompare(key(y))), mine(B).sort((x, y) => key(x).localeCompare(key(y))));
  assert.equal((await list(B.api, { propertyId: A.id })).total, 0);
  assert.equal((await list(ctx.admin, { propertyId: B.id })).total, mine(B).length);

  // export: every row of the filter, money in yuan
  const job = ok(await A.api.post('/stat/station/export', { stationType: 'bike' })).data.jobId;
  assert.equal((await waitExport(A.api, job)).status, 'done');
  const sheet = xlsxRows((await getBinary(A.api, `/export/${job}/download`)).buf).rows;
  assert.equal(sheet.length, bike.total + 1);
  assert.equal(sheet[0][0], '日期');
});

test('a changed order and a new refund reach the roll-up; running it again changes nothing', async () => {
  const at = Date.now() - 60_000;
  const o = order(st.car, at);
  await rollups();
  const today = localDay(at, 'Asia/Shanghai');
  const q = { stationType: 'car', stationId: st.car.id, beginDate: today, endDate: today };
  const before = ok(await A.api.get('/stat/station/summary', q)).data.totals;
  sql(`UPDATE car_charge_order SET charged = charged + 100, energy_fee = energy_fee + 100 WHERE order_no = '${o.no}'`);
  refund(st.car, at + 2000, 'fee_refund', 'succeeded', 50);
  await rollups();
  await rollups();
  const after = ok(await A.api.get('/stat/station/summary', q)).data.totals;
  assert.equal(after.sessions, before.sessions);
  assert.equal(after.charged, before.charged + 100);
  assert.equal(after.refunds, before.refunds + 1);
  assert.equal(after.net, before.net + 50);
});
