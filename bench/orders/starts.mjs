// bench/orders (c): N drivers start N sessions at the same moment through the app API on N simulated YKC
// piles (zhichong-sim ykc, one gun each). Each driver has signed in, scanned and created the pay order
// beforehand; then all N confirm their payment on the sandbox cashier at once. Measured per session: from the
// moment the driver's confirm request leaves (the driver's last action) to the moment the pile receives the
// start command 0x34 (the simulator's "start" event time, same clock). Prints one JSON object.
// With STARTS_HOLD_S > 0 the N sessions then keep charging that long and the CPU the server (SERVER_PID) and
// the PostgreSQL processes spend meanwhile is reported: the steady cost of N running sessions (real-time
// reports, the order sweeper pricing every session every second).
//   node starts.mjs BASE_URL ADMIN_PASSWORD YKC_PORT SIM_BIN N [SERVER_PID]
import { spawn, execSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Api, ok, until, randPhone } from '../../tests/integration/lib/client.mjs';
import { approvedProvider, addProperty } from '../../tests/integration/lib/fixture.mjs';
import { approvedStation, defaultArea, addTariff, addPile, TOU_PERIODS, TOU_TIERS } from '../../tests/integration/lib/car.mjs';
import { AppApi } from '../../tests/integration/lib/app.mjs';

const [baseUrl, password, ykcPort, simBin, nArg, serverPid] = process.argv.slice(2);
const n = Number(nArg);
const holdS = Number(process.env.STARTS_HOLD_S || 0);

/** CPU seconds (user + system) of a process, from /proc (0 when it is gone). */
function cpuSeconds(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');  // fields from the 3rd on
    return (Number(f[11]) + Number(f[12])) / clockTicks;
  } catch { return 0; }
}
const clockTicks = Number(execSync('getconf CLK_TCK').toString().trim()) || 100;
const postgresPids = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
  try { return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres'; } catch { return false; }
});
const log = (s) => process.stderr.write(`bench/orders starts: ${s}\n`);
const admin = await new Api(baseUrl).session('admin', password);

// The rows: one approved station with a sandbox payment configuration, a TOU tariff and N one-gun YKC piles.
const P = await approvedProvider(admin);
const A = await addProperty(admin, P.id);
const station = await approvedStation(admin, admin, A.id);
ok(await admin.put('/car/station/payConfig', { stationId: station.id,
  wechat: { enabled: true, mchId: `19009${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) } }));
const area = await defaultArea(admin, station.id);
await addTariff(admin, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: [5000] });
ok(await admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');  // versions start at local midnight
const piles = [];
for (let i = 0; i < n; i++) {
  const p = await addPile(admin, station.id, area.id, { protocol: 'ykc', gunCount: 1 });
  piles.push(ok(await admin.get(`/car/pile/${p.id}`)).data);
}
log(`${n} piles created`);

// The piles.
const sim = spawn(simBin, ['ykc', '--host', '127.0.0.1', '--port', ykcPort, '--codes', piles.map((p) => p.code).join(','),
  '--guns', '1', '--heartbeat', '10', '--quiet', '--events'], { stdio: ['ignore', 'pipe', 'inherit'] });
const starts = new Map();  // pile code → time the start command arrived
let buf = '';
sim.stdout.on('data', (d) => {
  buf += d;
  let i;
  while ((i = buf.indexOf('\n')) >= 0) {
    const line = buf.slice(0, i);
    buf = buf.slice(i + 1);
    try { const e = JSON.parse(line); if (e.event === 'start' && !starts.has(e.code)) starts.set(e.code, e); } catch { /* summary */ }
  }
});
try {
  await until(async () => {
    const rows = [];
    for (let page = 1; rows.length < n; page++) {
      const r = await admin.list('/car/pile/list', { stationId: station.id, pageNum: page });
      rows.push(...r.rows);
      if (r.rows.length === 0) break;
    }
    return rows.filter((p) => p.online).length === n;
  }, `all ${n} piles online`, 120000);
  log('all piles online');

  // The drivers: signed in, each with a pay order for its gun, the cashier page opened.
  const drivers = [];
  for (let i = 0; i < n; i++) {
    const app = await AppApi.signIn(baseUrl, randPhone());
    const gun = piles[i].guns[0];
    // a pile that just logged in reports its gun's state with its first real-time data: until then 409 offline
    const pay = (await until(async () => {
      const r = await app.post('/app/car/orders', { gunCode: gun.code, amount: 5000 });
      return r.body?.code === 200 ? r.body : r.body?.code === 409 && /offline/.test(r.body.msg) ? null : ok(r, 'pay order');
    }, `gun ${gun.code} ready`, 60000)).data;
    const url = new URL(pay.cashierUrl, baseUrl);
    const page = await fetch(url);
    if (page.status !== 200) throw new Error(`cashier page ${url}: HTTP ${page.status}`);
    await page.arrayBuffer();
    const confirm = new URL(url); confirm.pathname += '/confirm';
    drivers.push({ app, pile: piles[i].code, pay, confirm });
  }
  log(`${n} drivers ready; confirming all payments at once`);

  // All at once.
  const sent = new Map();
  await Promise.all(drivers.map(async (d) => {
    sent.set(d.pile, Date.now());
    const r = await fetch(d.confirm, { method: 'POST', signal: AbortSignal.timeout(60000) });
    if (r.status !== 200) throw new Error(`confirm ${d.pay.payNo}: HTTP ${r.status}`);
    await r.arrayBuffer();
  }));
  await until(async () => starts.size >= n, `start commands at all ${n} piles (${starts.size} so far)`, 120000);
  const ms = drivers.map((d) => starts.get(d.pile).t - sent.get(d.pile)).sort((a, b) => a - b);
  const pct = (p) => ms[Math.min(ms.length - 1, Math.ceil((p / 100) * ms.length) - 1)];
  // And every session runs: the orders reach 'charging'.
  await until(async () => {
    let charging = 0;
    for (const d of drivers) {
      const rows = (await d.app.list('/app/car/orders')).rows;
      if (rows.some((o) => o.state === 'charging')) charging++;
    }
    return charging === n;
  }, 'all orders charging', 120000);
  const result = { sessions: n, started: starts.size, p50_ms: pct(50), p95_ms: pct(95), p99_ms: pct(99), max_ms: ms[ms.length - 1] };
  if (holdS > 0 && serverPid) {
    log(`${n} sessions charging: measuring the CPU for ${holdS} s`);
    const pg = postgresPids();
    const pgCpu = () => pg.reduce((t, pid) => t + cpuSeconds(pid), 0);
    const s0 = cpuSeconds(serverPid); const p0 = pgCpu(); const t0 = Date.now();
    await new Promise((r) => setTimeout(r, holdS * 1000));
    const secs = (Date.now() - t0) / 1000;
    result.hold_s = Math.round(secs);
    result.hold_server_cpu_pct = Math.round(((cpuSeconds(serverPid) - s0) / secs) * 1000) / 10;
    result.hold_postgres_cpu_pct = Math.round(((pgCpu() - p0) / secs) * 1000) / 10;
  }
  log(JSON.stringify(result));
  console.log(JSON.stringify(result));
} finally {
  sim.kill('SIGTERM');
}
