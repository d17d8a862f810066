// bench/cards: N simulated YKC piles (zhichong-sim ykc, one gun each) swipe N cards at the same moment (SIGUSR1),
// each pile its own card with enough balance. Measured per swipe: 0x31 queued → 0x32 read at the pile (the
// simulator's `authMs`). Then the sessions charge CHARGE_S seconds, end at the pile (0x3B) and settle; the
// script waits for the card orders to complete and asks the reconciliation for the books. Prints one JSON object
// (run.sh adds the SQL balance checks).
//   node swipes.mjs BASE_URL ADMIN_PASSWORD YKC_PORT SIM_BIN N CHARGE_S FACE_VALUE
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api, ok, until, randPhone } from '../../tests/integration/lib/client.mjs';
import { approvedProvider, propertyWithLogin } from '../../tests/integration/lib/fixture.mjs';
import { approvedStation, defaultArea, addTariff, addPile, TOU_PERIODS, TOU_TIERS } from '../../tests/integration/lib/car.mjs';

const [baseUrl, password, ykcPort, simBin, nArg, chargeArg, faceArg] = process.argv.slice(2);
const n = Number(nArg);
const chargeS = Number(chargeArg);
const faceValue = Number(faceArg);
const log = (s) => process.stderr.write(`bench/cards: ${s}\n`);
const admin = await new Api(baseUrl).session('admin', password);
const DAY = 86_400_000;

/** Runs fn(i) for i < count, `width` at a time. */
async function inParallel(count, width, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < count) await fn(next++);
  }));
}

// The rows, through the admin API: a property (its account issues the cards), an approved station with a TOU
// tariff, N one-gun YKC piles, a card product bound to the station and N cards (balance = face value).
const P = await approvedProvider(admin);
const A = await propertyWithLogin(admin, P.id);
const station = await approvedStation(admin, admin, A.id);
const area = await defaultArea(admin, station.id);
await addTariff(admin, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: [5000] });
ok(await admin.post('/test/clock', { offsetMs: 2 * DAY }), 'tariff version in force');  // versions start at local midnight
const piles = new Array(n);
await inParallel(n, 8, async (i) => {
  const p = await addPile(admin, station.id, area.id, { protocol: 'ykc', gunCount: 1 });
  piles[i] = ok(await admin.get(`/car/pile/${p.id}`)).data.code;
});
const product = ok(await A.api.post('/member/product', {
  name: 'bench 储值卡', productType: 'car', issueType: 'personal', price: faceValue, faceValue, bonusTiers: [],
  carStationIds: [station.id], bikeStationIds: [], remark: '',
}), 'card product').data.id;
const stamp = String(Date.now() % 1_000_000).padStart(6, '0');
const cards = new Array(n);
await inParallel(n, 8, async (i) => {
  const physicalNo = 'CA' + stamp + i.toString(16).toUpperCase().padStart(8, '0');
  const cardNo = '6' + stamp + String(i).padStart(5, '0');
  ok(await A.api.post('/member/card', { phone: randPhone(), holderName: '压测', cardNo, physicalNo, productId: product,
    validFrom: Date.now() - DAY, validTo: Date.now() + 365 * DAY }), `card ${i}`);
  cards[i] = physicalNo;
});
log(`${n} piles and ${n} cards created`);

// The piles: pile i swipes card i (--card-pick turn), only on SIGUSR1; each session ends at the pile after CHARGE_S.
const cardFile = path.join(tmpdir(), `zc-bench-cards-${process.pid}.txt`);
writeFileSync(cardFile, cards.join('\n') + '\n');
const sim = spawn(simBin, ['ykc', '--host', '127.0.0.1', '--port', ykcPort, '--codes', piles.join(','), '--guns', '1',
  '--heartbeat', '10', '--cards', `@${cardFile}`, '--charge-duration', String(chargeS), '--record-retry', '10',
  '--quiet', '--events', '--stats', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
const swipes = new Map();  // pile code → start event of its swipe
let stats = {};
let buf = '';
sim.stdout.on('data', (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    try {
      const e = JSON.parse(line);
      if (!e.event) stats = e;
      else if (e.event === 'start' && e.via === 'card' && !swipes.has(e.code)) swipes.set(e.code, e);
    } catch { /* partial line */ }
  }
});
try {
  await until(async () => stats.online >= n && stats.models >= n, `all ${n} piles online with their model`, 180000);
  await new Promise((r) => setTimeout(r, 2000));  // first real-time data and heartbeats settled
  log(`all piles online; every pile swipes its card now`);
  const swipedAt = Date.now();
  sim.kill('SIGUSR1');
  await until(async () => swipes.size >= n, `0x32 at all ${n} piles (${swipes.size} so far)`, 120000);
  const events = [...swipes.values()];
  const ms = events.map((e) => e.authMs).filter((x) => typeof x === 'number').sort((a, b) => a - b);  // no-answer: none
  const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  const accepted = events.filter((e) => e.result === 'ok').length;
  const result = {
    piles: n, swipes: events.length, accepted, refused: events.length - accepted - (events.length - ms.length),
    unanswered: events.length - ms.length,  // no 0x32 within the simulator's 30 s
    refusal_reasons: events.filter((e) => e.result !== 'ok' && e.result !== 'no-answer').reduce((m, e) => ({ ...m, [e.reason]: (m[e.reason] || 0) + 1 }), {}),
    p50_ms: +pct(50).toFixed(2), p95_ms: +pct(95).toFixed(2), p99_ms: +pct(99).toFixed(2), max_ms: +ms[ms.length - 1].toFixed(2),
    all_answered_within_ms: Math.max(...events.map((e) => e.t)) - swipedAt,
    balance_in_0x32: [...new Set(events.map((e) => e.balance))].slice(0, 3),
  };
  log(`swipes: ${JSON.stringify(result)}`);
  // The sessions end at the pile after CHARGE_S; their records are confirmed, the card orders settle.
  const t0 = Date.now();
  await until(async () => (stats.recordsConfirmed ?? 0) >= accepted, `records of ${accepted} sessions confirmed`, (chargeS + 120) * 1000);
  const cardOrders = async () => {
    const q = { stationId: station.id, startMethod: 'card', pageSize: 1, beginTime: Date.now() - 3 * DAY, endTime: Date.now() + 3 * DAY };
    const all = ok(await admin.get('/order/car/list', q)).total;
    const done = ok(await admin.get('/order/car/list', { ...q, status: 'completed' })).total;
    return { all, done };
  };
  let orders = await cardOrders();
  try {
    await until(async () => (orders = await cardOrders()).done >= accepted, `${accepted} card orders completed`, 60000);
  } catch (e) { log(String(e.message || e)); }
  result.settle_s = Math.round((Date.now() - t0) / 100) / 10;
  result.card_orders = orders.all;
  result.card_orders_completed = orders.done;
  result.records_confirmed = stats.recordsConfirmed;
  const books = ok(await admin.get('/order/payment/reconciliation')).data;
  result.books_balanced = books.balanced;
  result.books_problems = books.problems.slice(0, 5);
  result.station_id = station.id;
  result.face_value = faceValue;
  console.log(JSON.stringify(result));
} finally {
  sim.kill('SIGTERM');
}
