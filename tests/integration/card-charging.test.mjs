// Charging with a stored-value card (issue 16; docs/members.md "Charging with a card"): a swipe at a YKC
// pile (0x31 → 0x32 with the card's balance or the refusal code), an OCPP idTag = the printed number at a
// car pile and at an e-bike device, each a card order (start method card, no pay order) whose settlement
// debits the card in the one ledger; the balance is the session's cap, a card is never on two guns at once,
// a top-up during a session reaches the pile (0x42), an offline card record settles against the card once,
// a refund goes back to the card. The books balance after every test.
import { test, before, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, until, randPhone } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, addTariff } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff } from './lib/bike.mjs';
import { RawPile, frame, bcd, hex, fromHex, loginBody, realtimeBody, recordBody } from './lib/ykc.mjs';
import { ScriptedChargePoint, iso } from './lib/order-car-helpers.mjs';
import { AppApi } from './lib/app.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const ykcPort = await freePort();
const ctx = useServer({
  env: {
    ZHICHONG_TESTING_ENABLED: 'true',
    ZHICHONG_SMS_DEV_ENDPOINT: 'true',
    ZHICHONG_YKC_PORT: String(ykcPort),
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    ZHICHONG_ORDER_SWEEP_INTERVAL_MS: '200',
    ZHICHONG_ORDER_COMMAND_TIMEOUT_MS: '3000',
  },
});

const DAY = 86_400_000;
let A; let station; let area; let other; let bikeStation; let bikeArea; let product; let otherProduct; let poorProduct; let capProduct;
let seq = 0;
const printed = () => String(61000000 + (Date.now() % 100000) * 100 + (seq++ % 100));
const physical = () => (Date.now().toString(16) + (seq++).toString(16).padStart(3, '0')).padStart(16, '0').toUpperCase().slice(-16);

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id);  // 1.00 + 0.50 yuan/kWh
  other = await approvedStation(ctx.admin, ctx.admin, A.id);
  await addTariff(ctx.admin, other.id, (await defaultArea(ctx.admin, other.id)).id);
  bikeStation = await addBikeStation(A.api, A.id);
  bikeArea = await bikeDefaultArea(A.api, bikeStation.id);
  await addBikeTariff(A.api, bikeStation.id, bikeArea.id, { mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000,
    freeMinutes: 0, unitMinutes: 1, unitPrice: 1000, prepayValues: [100] });  // 0.10 yuan a started minute
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * DAY }), 'tariff versions in force');
  const addProduct = async (fields) => ok(await A.api.post('/member/product', {
    name: '电卡' + (seq++), productType: 'both', issueType: 'personal', price: 0, faceValue: 10000, bonusTiers: [],
    carStationIds: [station.id], bikeStationIds: [bikeStation.id], remark: '', ...fields,
  })).data.id;
  product = await addProduct({});
  otherProduct = await addProduct({ carStationIds: [other.id], bikeStationIds: [] });
  poorProduct = await addProduct({ faceValue: 50 });
  capProduct = await addProduct({ faceValue: 200 });
});

afterEach(() => assertBooksBalance(ctx.admin));

async function issue(fields = {}) {
  const body = { phone: randPhone(), holderName: '卡主', cardNo: printed(), physicalNo: physical(), productId: product,
    validFrom: Date.now() - DAY, validTo: Date.now() + 365 * DAY, ...fields };
  const id = ok(await A.api.post('/member/card', body), 'issue').data.id;
  return { id, ...body };
}
const card = async (c) => ok(await A.api.get(`/member/card/${c.id}`)).data;
const topUp = (c, amount) => A.api.post('/member/card/topup', { id: c.id, amount, remark: '' });
const carOrderOf = async (c) => (await ctx.admin.list('/order/car/list', { cardNo: c.cardNo })).rows[0];
const bikeOrderOf = async (c) => (await ctx.admin.list('/order/bike/list', { cardNo: c.cardNo })).rows[0];
const finalOrder = (of, c, state) => until(async () => { const o = await of(c); return o && o.status === state && o; }, `${c.cardNo} ${state}`, 10000);
const newPile = async (protocol, stationId = station.id, areaId = area.id) =>
  ok(await ctx.admin.get(`/car/pile/${(await addPile(ctx.admin, stationId, areaId, { protocol, gunCount: 2 })).id}`)).data;

async function ykcPile(p) {
  const pile = await RawPile.connect(ykcPort);
  pile.send(frame(0x01, loginBody(p.code, { guns: 2 }), 1));
  assert.equal((await pile.next(0x02)).body[7], 0x00, 'login ok');
  return pile;
}

/** 0x31 with the card's physical number on `gun` → the 0x32 answer. */
async function swipe(pile, code, phys, gun = 1) {
  pile.send(frame(0x31, [...bcd(code), gun, 0x01, 0x00, ...fromHex(phys), ...new Array(16 + 17).fill(0)], 9));
  const r = await pile.next(0x32);
  const b = r.body;
  return { serial: hex(b.slice(0, 16)), balance: b[32] | (b[33] << 8) | (b[34] << 16) | (b[35] << 24), ok: b[36] === 1, reason: b[37] };
}

const flatKwh = (energy) => [{ price: 0, energy: 0, amount: 0 }, { price: 0, energy: 0, amount: 0 },
  { price: 150000, energy, amount: 1 }, { price: 0, energy: 0, amount: 0 }];

test('YKC swipe: refusals carry the spec code, an accepted card starts a card order capped by its balance; a top-up sends 0x42; the record debits the card; a refund returns to it', async () => {
  const p = await newPile('ykc');
  const pile = await ykcPile(p);
  try {
    assert.equal((await swipe(pile, p.code, physical())).reason, 0x01, 'unknown card');
    const disabled = await issue();
    ok(await A.api.put('/member/card/changeStatus', { id: disabled.id, status: 1 }));
    assert.deepEqual([(await swipe(pile, p.code, disabled.physicalNo)).ok, (await swipe(pile, p.code, disabled.physicalNo)).reason], [false, 0x02]);
    const expired = await issue({ validFrom: Date.now() - 10 * DAY, validTo: Date.now() - DAY });
    assert.equal((await swipe(pile, p.code, expired.physicalNo)).reason, 0x02, 'out of validity');
    const elsewhere = await issue({ productId: otherProduct });
    assert.equal((await swipe(pile, p.code, elsewhere.physicalNo)).reason, 0x06, 'not bound to this station');
    const poor = await issue({ productId: poorProduct });
    assert.equal((await swipe(pile, p.code, poor.physicalNo)).reason, 0x03, 'balance under the minimum (100 fen)');
    const c = await issue();
    const first = await swipe(pile, p.code, c.physicalNo);
    assert.ok(first.ok, 'accepted');
    assert.equal(first.balance, 10000, 'the card balance in 0x32');
    const o = await until(async () => { const x = await carOrderOf(c); return x && x.status === 'charging' && x; }, 'card order charging');
    assert.equal(o.startMethod, 'card');
    assert.equal(o.prepaid, 10000, 'the balance is the cap');
    assert.equal((await swipe(pile, p.code, c.physicalNo, 2)).reason, 0x04, 'already charging on gun 1');
    assert.equal((await card(c)).charging, 1);
    assert.ok((await ctx.admin.list('/order/car/list', { startMethod: 'card' })).rows.some((x) => x.orderNo === o.orderNo));
    pile.send(frame(0x13, realtimeBody(p.code, { serial: first.serial, gun: 1, status: 3, plugged: 1, voltage: 4000, current: 500, energy: 5000 }), 10));
    // a top-up during the session: the pile hears the new balance, the cap follows
    ok(await topUp(c, 1000));
    const push = await pile.next(0x42);
    assert.equal(hex(push.body.slice(8, 16)), c.physicalNo);
    assert.equal(push.body[16] | (push.body[17] << 8) | (push.body[18] << 16), 11000);
    pile.send(frame(0x41, [...bcd(p.code), ...fromHex(c.physicalNo), 0x00], push.seq));
    await until(async () => (await carOrderOf(c)).prepaid === 11000, 'cap raised');
    // the bill: 1 kWh flat at the platform's 1.50 yuan
    const now = Date.now();
    const rec = recordBody(p.code, { serial: first.serial, gun: 1, start: now - 600000, end: now - 1000, tiers: flatKwh(10000), startType: 2, card: c.physicalNo });
    for (const s of [11, 12]) {
      pile.send(frame(0x3b, rec, s));
      assert.equal((await pile.next(0x40)).body[16], 0x00);
    }
    const done = await finalOrder(carOrderOf, c, 'completed');
    assert.equal(done.charged, 150);
    const after = await card(c);
    assert.deepEqual([after.balance, after.charging], [11000 - 150, 0], 'debited once, card free again');
    const spend = (await A.api.list(`/member/card/${c.id}/ledger`, { kind: 'card_spend' })).rows;
    assert.deepEqual(spend.map((l) => [l.amount, l.orderNo]), [[-150, done.orderNo]]);
    const shown = ok(await ctx.admin.get(`/order/car/${done.id}`)).data;
    assert.deepEqual([shown.cardNo, shown.cardLedger.map((l) => [l.kind, l.amount])], [c.cardNo, [['card_spend', -150]]]);
    // the holder sees the card in the app
    const app = await AppApi.signIn(ctx.anon.baseUrl, c.phone);
    assert.ok((await app.list('/app/user/cards')).rows.some((x) => x.id === c.id && x.balance === 10850));
    // a refund of the order goes back to the card: the list offers what the card paid (the refund dialog's maximum)
    assert.equal((await carOrderOf(c)).refundable, 150);
    const r = ok(await ctx.admin.post(`/order/car/${done.id}/refund`, { amount: 50, reason: '测试退款' })).data;
    assert.equal(r.amount ?? 50, 50);
    assert.equal((await card(c)).balance, 10900);
    assert.equal((await A.api.list(`/member/card/${c.id}/ledger`, { kind: 'card_refund' })).rows[0].amount, 50);
    assert.equal((await carOrderOf(c)).refunded, 50);
    assert.equal((await carOrderOf(c)).refundable, 100);
    // an offline card record of a card the platform never saw start: settled against the card, once
    const offline = p.code + '01' + '2412010800000001';
    const orec = recordBody(p.code, { serial: offline, gun: 2, start: now - 7200000, end: now - 3600000, tiers: flatKwh(20000), startType: 4, card: c.physicalNo });
    for (const s of [13, 14]) {
      pile.send(frame(0x3b, orec, s));
      assert.equal((await pile.next(0x40)).body[16], 0x00);
    }
    const off = await until(async () => (await ctx.admin.list('/order/car/list', { cardNo: c.cardNo, startMethod: 'offline_card' })).rows[0], 'offline order');
    assert.deepEqual([off.status, off.charged], ['completed', 300]);
    await until(async () => (await card(c)).balance === 10600, 'offline record debited once');
    assert.equal((await A.api.list(`/member/card/${c.id}/ledger`, { kind: 'card_spend' })).rows.length, 2);
    // an offline record spends most of the balance while the card charges online: the online bill takes
    // what is left (never below zero) and says what it could not cover
    const again = await swipe(pile, p.code, c.physicalNo);
    assert.deepEqual([again.ok, again.balance], [true, 10600]);
    await until(async () => (await ctx.admin.list('/order/car/list', { cardNo: c.cardNo, startMethod: 'card', status: 'charging' })).rows[0], 'second session');
    const big = recordBody(p.code, { serial: p.code + '02' + '2412010900000002', gun: 2, start: now - 7000000, end: now - 3500000, tiers: flatKwh(700000), startType: 4, card: c.physicalNo });
    pile.send(frame(0x3b, big, 15));
    assert.equal((await pile.next(0x40)).body[16], 0x00);
    await until(async () => (await card(c)).balance === 100, 'offline spend of 105.00');
    pile.send(frame(0x3b, recordBody(p.code, { serial: again.serial, gun: 1, start: now - 600000, end: now - 1000, tiers: flatKwh(10000), startType: 2, card: c.physicalNo }), 16));
    assert.equal((await pile.next(0x40)).body[16], 0x00);
    const short = await until(async () => (await ctx.admin.list('/order/car/list', { cardNo: c.cardNo, startMethod: 'card' })).rows.find((x) => x.orderNo !== done.orderNo && x.status === 'completed'), 'second settled');
    assert.equal(short.charged, 100);
    assert.match(short.endReason, /电卡余额不足，少收50分/);
    assert.equal((await card(c)).balance, 0);
  } finally {
    pile.close();
  }
});

/** A scripted OCPP charger (car pile or e-bike device) booted with its connectors Preparing. */
async function chargePoint(code) {
  const cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, code);
  await cp.boot();
  return cp;
}

test('YKC: one card swiped at two piles at the same moment gets one yes — the 0x32 waits for the stored order', async () => {
  const [p1, p2] = [await newPile('ykc'), await newPile('ykc')];
  const [a, b] = [await ykcPile(p1), await ykcPile(p2)];
  try {
    const c = await issue();
    const answers = await Promise.all([swipe(a, p1.code, c.physicalNo), swipe(b, p2.code, c.physicalNo)]);
    assert.deepEqual(answers.map((x) => x.ok).sort(), [false, true], 'exactly one accepted');
    assert.equal(answers.find((x) => !x.ok).reason, 0x04, 'the other: busy');
    // the order exists as soon as the yes is sent
    const orders = (await ctx.admin.list('/order/car/list', { cardNo: c.cardNo })).rows;
    assert.deepEqual(orders.map((o) => o.startMethod), ['card']);
    assert.equal((await card(c)).charging, 1);
  } finally {
    a.close();
    b.close();
  }
});

test('OCPP car pile: Authorize by the printed number (Accepted / Blocked / Expired / Invalid), a card session settles by meter; the balance is the cap; a card is never on two connectors', async () => {
  const p = await newPile('ocpp16');
  const cp = await chargePoint(p.code);
  try {
    const authorize = async (idTag) => (await cp.call('Authorize', { idTag })).idTagInfo.status;
    const disabled = await issue();
    ok(await A.api.put('/member/card/changeStatus', { id: disabled.id, status: 1 }));
    const expired = await issue({ validFrom: Date.now() - 10 * DAY, validTo: Date.now() - DAY });
    const c = await issue({ productId: capProduct });
    assert.deepEqual([await authorize(c.cardNo), await authorize(disabled.cardNo), await authorize(expired.cardNo), await authorize(printed())],
      ['Accepted', 'Blocked', 'Expired', 'Invalid']);
    // the same card on both connectors at once: one session only
    const t0 = Date.now();
    const starts = await Promise.all([1, 2].map((connectorId) => cp.call('StartTransaction', { connectorId, idTag: c.cardNo, meterStart: 0, timestamp: iso(t0) })));
    const statuses = starts.map((s) => s.idTagInfo.status).sort();
    assert.deepEqual(statuses, ['Accepted', 'ConcurrentTx']);
    const tx = starts.find((s) => s.idTagInfo.status === 'Accepted').transactionId;
    const o = await until(async () => { const x = await carOrderOf(c); return x && x.status === 'charging' && x; }, 'card order');
    assert.equal(o.prepaid, 200);
    // 2 kWh cost 3.00 yuan: over the 2.00 balance — the platform stops the session
    await cp.call('MeterValues', { connectorId: 1, transactionId: tx, meterValue: [{ timestamp: iso(Date.now()), sampledValue: [
      { value: '2000', measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }] });
    const stop = await cp.nextCall('RemoteStopTransaction');
    assert.equal(stop.transactionId, tx);
    await cp.call('StopTransaction', { transactionId: tx, meterStop: 2000, timestamp: iso(Date.now()), reason: 'Remote', idTag: c.cardNo });
    const done = await finalOrder(carOrderOf, c, 'completed');
    assert.equal(done.charged, 200, 'capped at the balance');
    assert.deepEqual([(await card(c)).balance, (await card(c)).charging], [0, 0]);
  } finally {
    cp.close();
  }
});

test('OCPP e-bike device: a card on a socket starts an e-bike card order whose prepaid duration follows a top-up, the StopTransaction debits the card', async () => {
  const d = await addDevice(A.api, bikeStation.id, bikeArea.id, { socketCount: 2 });
  const code = ok(await A.api.get(`/bike/device/${d.id}`)).data.code;
  const cp = await chargePoint(code);
  try {
    const c = await issue({ productId: capProduct });
    assert.equal((await cp.call('Authorize', { idTag: c.cardNo })).idTagInfo.status, 'Accepted');
    const t0 = Date.now() - 240_000;
    const s = await cp.call('StartTransaction', { connectorId: 1, idTag: c.cardNo, meterStart: 0, timestamp: iso(t0) });
    assert.equal(s.idTagInfo.status, 'Accepted');
    const o = await until(async () => { const x = await bikeOrderOf(c); return x && x.status === 'charging' && x; }, 'e-bike card order');
    assert.deepEqual([o.startMethod, o.prepaid, o.prepaidDuration], ['card', 200, 1200], '2.00 yuan buy 20 minutes');
    ok(await topUp(c, 300));
    await until(async () => (await bikeOrderOf(c)).prepaidDuration === 3000, 'the top-up buys 50 minutes (time-priced mode)');
    await cp.call('StopTransaction', { transactionId: s.transactionId, meterStop: 30, timestamp: iso(Date.now()), reason: 'Local', idTag: c.cardNo });
    const done = await finalOrder(bikeOrderOf, c, 'finished');
    assert.ok(done.charged >= 40, `4 started minutes at 0.10 yuan (${done.charged})`);
    assert.equal((await card(c)).balance, 500 - done.charged);
  } finally {
    cp.close();
  }
});

test('the app starts with one of my cards instead of paying (APP-4): no pay order, the pile is started, the card pays; refusals name the reason', async () => {
  const p = await newPile('ocpp16');
  const cp = await chargePoint(p.code);
  try {
    const c = await issue();
    const app = await AppApi.signIn(ctx.anon.baseUrl, c.phone);
    const gun = p.guns.find((g) => g.gunNo === 1);
    await until(async () => ok(await ctx.admin.get(`/car/pile/${p.id}`)).data.guns.every((g) => g.state === 'plugged'), 'guns plugged');
    const stranger = await AppApi.signIn(ctx.anon.baseUrl, randPhone());
    const foreign = await stranger.post('/app/car/orders', { gunCode: gun.code, cardId: c.id });
    assert.equal(foreign.status, 404, JSON.stringify(foreign.body));
    const started = ok(await app.post('/app/car/orders', { gunCode: gun.code, cardId: c.id })).data;
    assert.deepEqual([started.gunCode, started.cardId, started.balance], [gun.code, c.id, 10000]);
    const busy = await app.post('/app/car/orders', { gunCode: p.guns.find((g) => g.gunNo === 2).code, cardId: c.id });
    assert.equal(busy.status, 409);
    assert.match(busy.body.msg, /电卡正在其他充电枪或插座使用中/);
    const rs = await cp.nextCall('RemoteStartTransaction');
    assert.equal(rs.idTag, started.orderNo);
    const s = await cp.call('StartTransaction', { connectorId: 1, idTag: rs.idTag, meterStart: 0, timestamp: iso(Date.now()) });
    assert.equal(s.idTagInfo.status, 'Accepted');
    await cp.call('StopTransaction', { transactionId: s.transactionId, meterStop: 1000, timestamp: iso(Date.now()), reason: 'Local' });
    const done = await until(async () => { const o = ok(await app.get(`/app/car/orders/${started.orderNo}`)).data; return o.state === 'completed' && o; }, 'completed');
    assert.equal(done.charged, 150);
    const row = await carOrderOf(c);
    assert.deepEqual([row.startMethod, row.payOrderId], ['card', null]);
    assert.equal((await card(c)).balance, 10000 - 150);
  } finally {
    cp.close();
  }
});

test('offline card lists: a YKC pile allowed to charge cards offline gets its station\'s valid cards (0x44), loses a disabled one (0x46), and follows the cards\' validity in time', async () => {
  const s3 = await approvedStation(ctx.admin, ctx.admin, A.id);
  const a3 = await defaultArea(ctx.admin, s3.id);
  await addTariff(ctx.admin, s3.id, a3.id);
  const prod = ok(await A.api.post('/member/product', { name: '离线卡' + (seq++), productType: 'car', issueType: 'personal', price: 0,
    faceValue: 5000, bonusTiers: [], carStationIds: [s3.id], bikeStationIds: [], remark: '' })).data.id;
  const [c1, c2] = [await issue({ productId: prod }), await issue({ productId: prod })];
  const turn = Date.now() + 3000;  // c3's validity ends then, c4's begins
  const c3 = await issue({ productId: prod, validTo: turn });
  const c4 = await issue({ productId: prod, validFrom: turn, validTo: turn + DAY });
  const p = await newPile('ykc', s3.id, a3.id);
  const pile = await ykcPile(p);
  const physicalsOf = (sync) => [...Array(sync.body[7]).keys()].map((i) => hex(sync.body.slice(8 + i * 16 + 8, 8 + i * 16 + 16))).sort();
  try {
    ok(await ctx.admin.put('/car/pile/offlineCard', { id: p.id, allowOfflineCard: 1 }));
    const sync = await pile.next(0x44);
    assert.deepEqual(physicalsOf(sync), [c1.physicalNo, c2.physicalNo, c3.physicalNo].sort(), 'the cards valid now');
    pile.send(frame(0x43, [...bcd(p.code), 0x01, 0x00], sync.seq));
    await until(async () => ok(await ctx.admin.get(`/car/pile/${p.id}/offlineCard`)).data.cards.length === 3, 'list stored');
    // time passes: c3 expires, c4 becomes valid — the validity sweep (test route: now) brings the pile up to date
    await new Promise((r) => setTimeout(r, Math.max(0, turn - Date.now() + 50)));
    ok(await ctx.admin.post('/test/member/offlineCard/validity', {}));
    const gone = await pile.next(0x46);
    assert.deepEqual([gone.body[7], hex(gone.body.slice(8, 16))], [1, c3.physicalNo], 'expired card cleared');
    pile.send(frame(0x45, [...bcd(p.code), ...fromHex(c3.physicalNo), 0x01, 0x00], gone.seq));
    const added = await pile.next(0x44);
    assert.deepEqual(physicalsOf(added), [c4.physicalNo], 'newly valid card sent');
    pile.send(frame(0x43, [...bcd(p.code), 0x01, 0x00], added.seq));
    await until(async () => ok(await ctx.admin.get(`/car/pile/${p.id}/offlineCard`)).data.cards.map((x) => x.physicalNo).sort().join()
      === [c1.physicalNo, c2.physicalNo, c4.physicalNo].sort().join(), 'list follows validity');
    ok(await A.api.put('/member/card/changeStatus', { id: c1.id, status: 1 }));
    const clear = await pile.next(0x46);
    assert.deepEqual([clear.body[7], hex(clear.body.slice(8, 16))], [1, c1.physicalNo]);
    pile.send(frame(0x45, [...bcd(p.code), ...fromHex(c1.physicalNo), 0x01, 0x00], clear.seq));
    const left = await until(async () => { const d = ok(await ctx.admin.get(`/car/pile/${p.id}/offlineCard`)).data; return d.cards.length === 2 && d; }, 'cleared');
    assert.deepEqual([left.allowOfflineCard, left.cards.map((x) => x.physicalNo).sort()], [1, [c2.physicalNo, c4.physicalNo].sort()]);
  } finally {
    pile.close();
  }
});
