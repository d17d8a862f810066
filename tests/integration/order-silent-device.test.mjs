// A device that never answers a start command must not hold up anyone else's start (docs/orders.md
// "Commands"). The server runs with one order worker and a 20 s command timeout: while a silent YKC pile
// (--no-start-confirm) and a silent OCPP e-bike device (--remote-start silent) keep their start commands
// unanswered, other drivers' sessions on answering devices start at once — not after the timeout. The
// unanswered orders wait in `starting` (the start timeout decides them later); the books balance.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, until } from './lib/client.mjs';
import { AppApi, payInSandbox } from './lib/app.mjs';
import { approvedStation, defaultArea, addPile, addTariff } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff, randPhone } from './lib/bike.mjs';
import {
  haveSim, simBin, driver, orderAndPay, detail, waitState, runYkcSim, runOcppSim,
} from './lib/order-car-helpers.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const skip = !haveSim && `no ${simBin}`;
const COMMAND_TIMEOUT_MS = 20000;
const ykcPort = await freePort();
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_YKC_PORT: String(ykcPort),
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_THREADS: '1',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: String(COMMAND_TIMEOUT_MS),
    ZHICHONG_ORDER_START_TIMEOUT_S: '60',
    ZHICHONG_ORDER_BIKE_START_TIMEOUT_S: '60',
  },
});
let car; let bike;
const sims = [];

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  const wechat = (mchId) => ({ enabled: true, mchId, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) });
  const station = await approvedStation(ctx.admin, ctx.admin, A.id);
  ok(await ctx.admin.put('/car/station/payConfig', { stationId: station.id, wechat: wechat(`19005${Date.now() % 100000}`) }));
  const area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id, { prepayValues: [1000] });
  car = { station, area };
  const S = await addBikeStation(ctx.admin, A.id);
  ok(await ctx.admin.put('/bike/station/payConfig', { stationId: S.id, wechat: wechat(`19006${Date.now() % 100000}`) }));
  const bikeArea = await bikeDefaultArea(ctx.admin, S.id);
  await addBikeTariff(ctx.admin, S.id, bikeArea.id, {
    mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000, prepayValues: [100],
  });
  bike = { station: S, area: bikeArea };
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'the car tariff version in force');
});

afterEach(async () => {
  for (const s of sims.splice(0)) await s.stop();
  await assertBooksBalance(ctx.admin);
});

const pileRow = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;

/** A YKC pile on zhichong-sim with `args`, online with its gun states known. */
async function ykcPile(args) {
  const p = await pileRow((await addPile(ctx.admin, car.station.id, car.area.id, { protocol: 'ykc', gunCount: 2 })).id);
  const s = runYkcSim(ykcPort, [p], ['--power', '60', ...args]);
  sims.push(s);
  await s.wait((e) => e.event === 'model', 'billing model');
  const gun = async (n) => (await pileRow(p.id)).guns.find((g) => g.gunNo === n);
  for (const n of [1, 2]) await until(async () => ['idle', 'plugged'].includes((await gun(n)).state), `gun ${n} state known`);
  return { ...p, gun };
}

/** An e-bike device (2 sockets) on zhichong-sim ocpp with `args`, online. */
async function bikeDevice(args) {
  const d = await addDevice(ctx.admin, bike.station.id, bike.area.id, { socketCount: 2 });
  const row = ok(await ctx.admin.get(`/bike/device/${d.id}`)).data;
  sims.push(runOcppSim(ctx.server.baseUrl, [row], ['--charge-duration', '600', '--power', '0.4', ...args]));
  await until(async () => ok(await ctx.admin.get(`/bike/device/${d.id}`)).data.online, 'device online', 15000);
  return row;
}

test('car: a pile that never answers the start command does not delay the next driver\'s start', { skip }, async () => {
  const silent = await ykcPile(['--no-start-confirm']);
  const healthy = await ykcPile([]);
  // both guns of the silent pile: two unanswered commands (with the old blocking worker: 2 × 20 s of wait)
  const waiting = [];
  for (const n of [1, 2]) {
    const app = await driver(ctx.anon);
    waiting.push({ app, ...(await orderAndPay(ctx, app, await silent.gun(n), 1000)) });
  }
  const app = await driver(ctx.anon);
  const t0 = Date.now();
  const { order } = await orderAndPay(ctx, app, await healthy.gun(1), 1000);
  await waitState(app, order.orderNo, 'charging', COMMAND_TIMEOUT_MS / 2);
  const took = Date.now() - t0;
  assert.ok(took < COMMAND_TIMEOUT_MS / 2, `started after ${took} ms`);
  for (const w of waiting) assert.equal((await detail(w.app, w.order.orderNo)).state, 'starting', 'still waiting for its pile');
  ok(await app.post(`/app/car/orders/${order.orderNo}/stop`, {}));
  await waitState(app, order.orderNo, 'completed');
});

test('e-bike: a device that never answers the start command does not delay the next driver\'s start', { skip }, async () => {
  const silent = await bikeDevice(['--remote-start', 'silent']);
  const healthy = await bikeDevice([]);
  const pay = async (app, socket) => {
    const offer = ok(await app.post('/app/bike/orders', { socketId: socket.id, amount: 100 })).data;
    await payInSandbox(ctx.server.baseUrl, offer.cashierUrl);
    return until(async () => (await app.list('/app/bike/orders')).rows[0], 'the order of the payment');
  };
  const waiting = [];
  for (const socket of silent.sockets) {
    const app = await AppApi.signIn(ctx.server.baseUrl, randPhone());
    waiting.push({ app, order: await pay(app, socket) });
  }
  const app = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  const t0 = Date.now();
  const order = await pay(app, healthy.sockets[0]);
  const bikeDetail = async (a, no) => ok(await a.get(`/app/bike/orders/${no}`)).data;
  await until(async () => (await bikeDetail(app, order.orderNo)).phase === 'charging', 'e-bike session charging', COMMAND_TIMEOUT_MS / 2);
  const took = Date.now() - t0;
  assert.ok(took < COMMAND_TIMEOUT_MS / 2, `started after ${took} ms`);
  for (const w of waiting) {
    const o = await bikeDetail(w.app, w.order.orderNo);
    assert.notEqual(o.phase, 'charging', 'its device never started');
    assert.equal(o.state, 'charging', 'the order waits for its device (the start timeout decides)');
  }
  ok(await app.post(`/app/bike/orders/${order.orderNo}/stop`, {}));
  await until(async () => (await bikeDetail(app, order.orderNo)).state === 'finished', 'e-bike order finished', 15000);
});
