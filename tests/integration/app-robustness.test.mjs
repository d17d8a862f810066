// Bad input on the driver API and the order actions (docs/api-app.md, docs/api-order.md): wrong types,
// out-of-range numbers, malformed JSON and junk identifiers get a 4xx naming the field — never a 500, never
// a half-written change (no pay order, no order is created by a refused request) — and the server keeps
// serving. The sanitized server of `make test` runs this file too.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, addTariff } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff } from './lib/bike.mjs';
import { driver } from './order-admin-helpers.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: 'true' } });
let A; let app; let gun; let socket;
const MINUTE_TARIFF = { mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000 };

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  const wechat = { enabled: true, mchId: `19${Date.now() % 100000000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) };
  const station = await approvedStation(A.api, ctx.admin, A.id);
  ok(await A.api.put('/car/station/payConfig', { stationId: station.id, wechat }));
  const area = await defaultArea(A.api, station.id);
  await addTariff(A.api, station.id, area.id, { prepayValues: [1000, 5000] });
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');
  const pile = await addPile(A.api, station.id, area.id, { gunCount: 1 });
  gun = ok(await A.api.get(`/car/pile/${pile.id}`)).data.guns[0];
  const bikeStation = await addBikeStation(A.api, A.id);
  ok(await A.api.put('/bike/station/payConfig', { stationId: bikeStation.id, wechat }));
  const bikeArea = await bikeDefaultArea(A.api, bikeStation.id);
  await addBikeTariff(A.api, bikeStation.id, bikeArea.id, { ...MINUTE_TARIFF, prepayValues: [100] });
  const device = await addDevice(A.api, bikeStation.id, bikeArea.id, { socketCount: 2 });
  socket = ok(await A.api.get(`/bike/device/${device.id}`)).data.sockets[0];
  app = await driver(ctx.server.baseUrl);
});

const payOrdersOf = async (phone) => (await ctx.admin.list('/order/payment/list', { phone })).total;
async function stillServing() {
  assert.equal((await ctx.anon.get('/health')).status, 200, 'server keeps serving');
}

test('starting a session: wrong types and values → 400 naming the field, no pay order is made', async () => {
  const before = await payOrdersOf(app.phone);
  const car = [
    [{}, /gunId|gunCode|amount/],
    [{ gunId: 'abc', amount: 1000 }, /gunId/],
    [{ gunId: 1.5, amount: 1000 }, /gunId/],
    [{ gunCode: 123, amount: 1000 }, /gunCode/],
    [{ gunCode: gun.code, amount: '1000' }, /amount/],
    [{ gunCode: gun.code, amount: -1 }, /amount/],
    [{ gunCode: gun.code, amount: 1e30 }, /amount/],
    [{ gunCode: gun.code, amount: 10.5 }, /amount/],
    [{ gunCode: gun.code, amount: null }, /amount/],
    [{ gunCode: gun.code, amount: 1000, plate: 'NOT-A-PLATE' }, /plate/],
    [{ gunCode: gun.code, amount: 1000, plate: 7 }, /plate/],
  ];
  for (const [body, field] of car) fail(await app.post('/app/car/orders', body), 400, field, JSON.stringify(body));
  const bike = [
    [{}, /socketId|socketCode|amount/],
    [{ socketId: 'x', amount: 100 }, /socketId/],
    [{ socketId: socket.id, amount: '100' }, /amount/],
    [{ socketId: socket.id, amount: 0 }, /amount/],
    [{ socketId: socket.id, amount: 2 ** 63 }, /amount/],
    [{ socketCode: ['a'], amount: 100 }, /socketCode/],
  ];
  for (const [body, field] of bike) fail(await app.post('/app/bike/orders', body), 400, field, JSON.stringify(body));
  for (const raw of ['', 'null', '[]', '"x"', '{"gunCode":', '{"gunCode":"1","amount":1000,}', '{"a":' + '['.repeat(5000)])
    fail(await app.req('POST', '/app/car/orders', { raw }), [400, 413], null, `raw ${raw.slice(0, 20)}`);
  const invalidUtf8 = Buffer.concat([Buffer.from('{"gunCode":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","amount":1000}')]);
  fail(await app.req('POST', '/app/car/orders', { raw: invalidUtf8 }), 400, null, 'invalid UTF-8');
  // unknown identifiers are 404, a very long one too
  fail(await app.post('/app/car/orders', { gunCode: '9'.repeat(16), amount: 1000 }), 404);
  fail(await app.post('/app/car/orders', { gunCode: 'x'.repeat(5000), amount: 1000 }), [400, 404], /gunCode|充电枪/);
  fail(await app.post('/app/bike/orders', { socketId: 2 ** 53, amount: 100 }), [400, 404]);
  assert.equal(await payOrdersOf(app.phone), before, 'a refused start makes no pay order');
  await stillServing();
});

test('reading and stopping: junk order numbers, paging and coordinates → 4xx naming the field', async () => {
  for (const kind of ['car', 'bike']) {
    for (const q of [{ pageSize: 0 }, { pageSize: 1000 }, { pageSize: 'abc' }, { pageNum: -1 }, { pageNum: '1e3' }])
      fail(await app.get(`/app/${kind}/orders`, q), 400, /page(Size|Num)/, `${kind} ${JSON.stringify(q)}`);
    for (const no of ['nope', '%27%20OR%201%3D1', 'C' + '9'.repeat(300), '..%2F..%2Fetc'])
      fail(await app.get(`/app/${kind}/orders/${no}`), [400, 404], null, `${kind} order ${no}`);
    fail(await app.post(`/app/${kind}/orders/nope/stop`, {}), 404);
  }
  fail(await app.get('/app/scan', {}), 400, /code/);
  fail(await app.get('/app/scan', { code: '%' }), [400, 404], /code|不存在/);
  fail(await app.post('/app/car/orders', { gunId: -3, amount: 1000 }), [400, 404], /gunId/);
  fail(await app.get('/app/scan', { code: gun.code, gunNo: 'x' }), 400, /gunNo/);
  for (const [q, field] of [[{ lat: 91, lng: 0 }, /lat/], [{ lat: 'abc', lng: 0 }, /lat/], [{ lat: 30 }, /lng/],
    [{ lng: 120 }, /lat/], [{ lat: 30, lng: 181 }, /lng/], [{ lat: 'NaN', lng: 1 }, /lat/], [{ pageSize: 101 }, /pageSize/],
    [{ type: 'boat' }, /type/], [{ keyword: 'k'.repeat(101) }, /keyword/]])
    fail(await ctx.anon.get('/app/stations', q), 400, field, JSON.stringify(q));
  fail(await ctx.anon.get('/app/stations/boat/1'), 400, /type/);
  fail(await ctx.anon.get('/app/stations/car/abc'), [400, 404]);
  await stillServing();
});

test('sign-in and profile: wrong types → 400 naming the field', async () => {
  fail(await ctx.anon.post('/app/auth/sms', { phone: 13800000000 }), 400, /phone/);
  fail(await ctx.anon.post('/app/auth/sms', { phone: ['13800000000'] }), 400, /phone/);
  fail(await ctx.anon.post('/app/auth/login', { phone: app.phone, code: 123456 }), 400, /code/);
  fail(await ctx.anon.post('/app/auth/login', { phone: app.phone }), 400, /code/);
  fail(await app.put('/app/user/profile', { nickname: 123 }), 400, /nickname/);
  fail(await app.put('/app/user/profile', { nickname: { a: 1 } }), 400, /nickname/);
  fail(await app.post('/app/user/plates', { plate: null }), 400, /plate/);
  fail(await app.del('/app/user/plates/abc'), [400, 404]);
  // the text rule of every text field (docs/api-system.md "Text fields"): no control characters, no bidi overrides
  for (const nickname of ['司机\u0000', '司\u0007机', '\u202Eabc', '司机\u2066', '一行\n二行', 'a\u0085b'])
    fail(await app.put('/app/user/profile', { nickname }), 400, /^nickname: /, JSON.stringify(nickname));
  fail(await app.post('/app/user/plates', { plate: '粤B12345\u202E' }), 400, /^plate: /);
  assert.equal(ok(await app.get('/app/user/profile')).data.phone, app.phone, 'the profile is unchanged');
  await stillServing();
});

test('admin order actions: wrong types → 4xx naming the field, never a 500', async () => {
  for (const kind of ['car', 'bike']) {
    for (const body of [{ amount: 'x' }, { amount: -5 }, { amount: 1.5 }, { amount: 1e30 }, {}])
      fail(await ctx.admin.post(`/order/${kind}/999999999/refund`, body), [400, 404], null, `${kind} refund ${JSON.stringify(body)}`);
    fail(await ctx.admin.post(`/order/${kind}/abc/end`, {}), [400, 404]);
    for (const q of [{ pageSize: 'x' }, { beginTime: 'yesterday' }, { stationId: 'x' }])
      fail(await ctx.admin.get(`/order/${kind}/list`, q), 400, null, `${kind} list ${JSON.stringify(q)}`);
    // a quote in a filter is a value like any other (parameterised): nothing matches
    assert.equal((await ctx.admin.list(`/order/${kind}/list`, { status: "x' OR 1=1" })).total, 0);
  }
  fail(await ctx.admin.post('/order/bike/999999999/end', { durationS: 'ten' }), [400, 404], /durationS|不存在/);
  fail(await ctx.admin.post('/order/bike/999999999/end', { durationS: -1 }), [400, 404], /durationS|不存在/);
  await stillServing();
});
