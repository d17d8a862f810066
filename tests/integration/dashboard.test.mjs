// The home dashboard (HOME-1..4, issue 19; docs/api-stat.md "Dashboard") against hand-computed values on a
// seeded data set: orders are written into the server's database directly (their times chosen around the
// stations' local midnights), so each card, chart point and ranking row is known in advance. The dashboard
// reads the roll-ups: the test runs the roll-up job right after seeding.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, randPhone } from './lib/client.mjs';
import { backend } from './lib/server.mjs';
import { addStation, defaultArea, addPile } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
const DAY = 86_400_000;
const H = 3_600_000;
let A; let B; let car; let bike; let users;

function sql(text) {
  const url = ctx.server.dbUrl;
  if (backend() === 'postgres') return execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-qtA', url, '-c', text]).toString();
  return execFileSync('sqlite3', ['-cmd', '.timeout 5000', url.replace(/^sqlite:/, ''), text]).toString();
}

// Shanghai's midnight of today (UTC ms) and the date text of `daysAgo` days before in Shanghai.
const now = Date.now();
const shanghaiMidnight = Math.floor((now + 8 * H) / DAY) * DAY - 8 * H;
const shDate = (t) => new Date(t + 8 * H).toISOString().slice(0, 10);

let seq = 0;
function carOrder(at, { energy = 0, charged = 0, user = null } = {}) {
  const no = `DC${Date.now()}${seq++}`;
  sql(`INSERT INTO car_charge_order (order_no, provider_id, property_id, station_id, pile_id, gun_id, user_id, state, prepaid, energy, charged, created_at)
       VALUES ('${no}', ${car.providerId}, ${A.id}, ${car.station.id}, ${car.pile.id}, ${car.gunId}, ${user ?? 'NULL'}, 'finished', 5000, ${energy}, ${charged}, ${at})`);
}
function bikeOrder(at, { energy = 0, charged = 0, user = null } = {}) {
  const no = `DB${Date.now()}${seq++}`;
  sql(`INSERT INTO bike_charge_order (order_no, provider_id, property_id, station_id, device_id, socket_id, user_id, state, prepaid, energy, charged, created_at)
       VALUES ('${no}', ${car.providerId}, ${A.id}, ${bike.station.id}, ${bike.device.id}, ${bike.socketId}, ${user ?? 'NULL'}, 'finished', 5000, ${energy}, ${charged}, ${at})`);
}
function refund(at, type) {
  const payNo = `DP${Date.now()}${seq++}`;
  sql(`INSERT INTO pay_order (pay_no, order_type, station_type, station_id, provider_id, property_id, pay_type, provider, merchant_no, amount, status, paid_amount, created_at, expires_at)
       VALUES ('${payNo}', 'car', 'car', ${car.station.id}, ${car.providerId}, ${A.id}, 'wechat', 'sandbox', 'M1', 1000, 'paid', 1000, ${at}, ${at + 600000})`);
  sql(`INSERT INTO pay_refund (refund_no, pay_order_id, pay_no, order_type, station_type, station_id, provider_id, property_id, refund_type, source, amount, status, created_at)
       VALUES ('R${payNo}', (SELECT id FROM pay_order WHERE pay_no = '${payNo}'), '${payNo}', 'car', 'car', ${car.station.id}, ${car.providerId}, ${A.id}, '${type}', 'revenue', 100, 'succeeded', ${at})`);
}
function appUser(phone, nickname) {
  sql(`INSERT INTO app_user (phone, nickname, status, created_at) VALUES ('${phone}', '${nickname}', 0, ${now})`);
  return Number(sql(`SELECT id FROM app_user WHERE phone = '${phone}'`).trim());
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  const s = await addStation(A.api, A.id);
  const p = await addPile(A.api, s.id, (await defaultArea(A.api, s.id)).id, { gunCount: 2 });
  const pile = ok(await A.api.get(`/car/pile/${p.id}`)).data;
  car = { station: s, pile, gunId: pile.guns[0].id, providerId: P.id };
  // the e-bike station keeps Berlin time: its local day ends 7 h (winter) after Shanghai's
  const bs = await addBikeStation(A.api, A.id, { timezone: 'Europe/Berlin' });
  const d = await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id, { socketCount: 2 });
  const dev = ok(await A.api.get(`/bike/device/${d.id}`)).data;
  bike = { station: bs, device: dev, socketId: dev.sockets[0].id };
  users = { x: appUser(randPhone(), '常充的老王'), y: appUser(randPhone(), '小李') };

  carOrder(shanghaiMidnight + 60_000, { energy: 100000, charged: 2000, user: users.x });  // today
  carOrder(shanghaiMidnight + 120_000, { energy: 50000, charged: 1000, user: users.x });  // today
  carOrder(shanghaiMidnight - 60_000, { energy: 70000, user: users.x });  // yesterday
  carOrder(shanghaiMidnight - 6 * DAY + H, { user: users.y });  // 6 days ago: the oldest point of the week
  carOrder(shanghaiMidnight - 7 * DAY + H);  // 7 days ago: outside the chart, still in the total
  // 02:00 in Shanghai today is the evening before in Berlin: yesterday at the e-bike station
  bikeOrder(shanghaiMidnight + 2 * H, { energy: 3000, user: users.y });
  bikeOrder(shanghaiMidnight - 3 * DAY + 12 * H, { energy: 2000 });
  refund(shanghaiMidnight + 5 * 60_000, 'fee_refund');
  refund(shanghaiMidnight + 6 * 60_000, 'prepay_return');  // an automatic prepayment return is not a 退费
  ok(await ctx.admin.post('/test/stat/rollups', {}));  // the roll-ups now, not at the job's next run
});

test('the dashboard: header cards, 7 days of orders and refunds, 5 days of energy by the stations\' local days, the top users, live figures', async () => {
  const d = ok(await A.api.get('/index/dashboard')).data;
  assert.deepEqual(d.cards.car, { stations: 1, areas: 1, devices: 1 });
  assert.deepEqual(d.cards.bike, { stations: 1, areas: 1, devices: 1 });
  assert.deepEqual(d.cards.orders, { car: 5, bike: 2, total: 7 });
  const days = Array.from({ length: 7 }, (_, i) => shDate(shanghaiMidnight - (6 - i) * DAY + H));
  assert.deepEqual(d.orders7.days, days);
  assert.deepEqual(d.orders7.car, [1, 0, 0, 0, 0, 1, 2]);
  assert.deepEqual(d.orders7.bike, [0, 0, 0, 1, 0, 1, 0]);
  assert.deepEqual(d.orders7.refunds, [0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(d.energy5.days, days.slice(2));
  assert.deepEqual(d.energy5.car, [0, 0, 0, 70000, 150000]);
  assert.deepEqual(d.energy5.bike, [0, 2000, 0, 3000, 0]);
  assert.deepEqual(d.top.map((u) => [u.userId, u.carSessions, u.bikeSessions, u.total]), [[users.x, 3, 0, 3], [users.y, 1, 1, 2]]);
  assert.match(d.top[0].phone, /^1\d{2}\*{4}\d{4}$/);
  assert.equal(d.top[0].nickname, '常充的老王');
  assert.equal(d.now.todayOrders, 2);
  assert.equal(d.now.todayEnergy, 150000);
  assert.equal(d.now.todayCharged, 3000);
  assert.equal(d.now.devices, 2);
  assert.equal(d.now.online, 0);
});

test('another property sees only its own (empty) figures; the provider sees the property\'s', async () => {
  const b = ok(await B.api.get('/index/dashboard')).data;
  assert.deepEqual(b.cards.orders, { car: 0, bike: 0, total: 0 });
  assert.deepEqual(b.orders7.car, [0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(b.top, []);
  const admin = ok(await ctx.admin.get('/index/dashboard')).data;
  assert.ok(admin.cards.orders.total >= 7);
  assert.equal((await ctx.anon.get('/index/dashboard')).status, 401);
});
