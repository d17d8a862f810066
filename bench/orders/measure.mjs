// bench/orders: the measurements on a running server with generated orders (run.sh starts it).
//   node measure.mjs BASE_URL ADMIN_PASSWORD SETUP_JSON SERVER_PID REQUESTS EXPORT_ROWS ORDERS SPAN_MS NOW_MS
// Prints one JSON object: {list: {scenario: {p50_ms, p95_ms, p99_ms, max_ms, total}}, export: {...}}.
import fs from 'node:fs';
import { Api, ok, sleep } from '../../tests/integration/lib/client.mjs';

const [baseUrl, password, setupJson, pidArg, requestsArg, exportRowsArg, ordersArg, spanArg, nowArg] = process.argv.slice(2);
const setup = JSON.parse(setupJson);
const pid = Number(pidArg), requests = Number(requestsArg), exportRows = Number(exportRowsArg);
const orders = Number(ordersArg), span = Number(spanArg), now = Number(nowArg);
const day = 86400000;
const admin = await new Api(baseUrl).session('admin', password);
const property = await admin.session(setup.properties[0].user, setup.properties[0].password);
const allStations = setup.properties.flatMap((p) => p.stations);
const pick = (a, i) => a[i % a.length];
const phone = (i) => '139' + String((i * 7919) % 200000).padStart(8, '0');  // as run.sh generates them
const lastDays = (n) => ({ beginTime: now - n * day, endTime: now });

// Each scenario: a function of the request number → [api, query]. Varied so no two requests are alike.
const scenarios = {
  default_7_days: (i) => [admin, { ...lastDays(7), pageNum: 1 + (i % 5) }],
  station_7_days: (i) => [admin, { ...lastDays(7), stationId: pick(allStations, i) }],
  station_30_days: (i) => [admin, { ...lastDays(30), stationId: pick(allStations, i), pageNum: 1 + (i % 3) }],
  state_abnormal_30_days: (i) => [admin, { ...lastDays(30), state: 'abnormal', pageNum: 1 + (i % 3) }],
  phone_180_days: (i) => [admin, { ...lastDays(180), phone: phone(1 + i * 37) }],
  order_no: (i) => [admin, { ...lastDays(180), orderNo: 'B' + String(1 + ((i * 9973) % orders)).padStart(15, '0') }],
  station_state_phone_90_days: (i) => [admin, { ...lastDays(90), stationId: pick(allStations, i), state: 'completed', phone: phone(1 + i * 37) }],
  page_20_of_30_days: (i) => [admin, { ...lastDays(30), pageNum: 20 + (i % 5) }],
  property_admin_7_days: (i) => [property, { ...lastDays(7), pageNum: 1 + (i % 3) }],
  property_admin_station_30_days: (i) => [property, { ...lastDays(30), stationId: pick(setup.properties[0].stations, i) }],
};

function pct(sorted, p) { return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]; }
const round = (x) => Math.round(x * 100) / 100;

const list = {};
for (const [name, make] of Object.entries(scenarios)) {
  ok(await make(0)[0].get('/order/car/list', { pageSize: 10, ...make(0)[1] }), name);  // warm-up
  const ms = [];
  let total = 0;
  for (let i = 0; i < requests; i++) {
    const [api, q] = make(i);
    const t = performance.now();
    const r = await api.get('/order/car/list', { pageSize: 10, ...q });
    ms.push(performance.now() - t);
    ok(r, name);
    total = Math.max(total, r.body.total);
  }
  ms.sort((a, b) => a - b);
  list[name] = { p50_ms: round(pct(ms, 50)), p95_ms: round(pct(ms, 95)), p99_ms: round(pct(ms, 99)), max_ms: round(ms[ms.length - 1]), total };
  process.stderr.write(`bench/orders: ${name.padEnd(32)} p50 ${list[name].p50_ms} ms  p95 ${list[name].p95_ms} ms  (total ${total})\n`);
}

// Export: a time range with ~exportRows orders (they are spread evenly over SPAN_MS).
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
const exportRange = { beginTime: now - Math.ceil((exportRows / orders) * span), endTime: now };
const before = rss();
let peak = before;
const t0 = performance.now();
const started = ok(await admin.post('/order/car/export', exportRange)).data;
const jobId = started.jobId ?? started.id ?? started;
let status;
for (;;) {
  peak = Math.max(peak, rss());
  status = ok(await admin.get(`/export/${jobId}`)).data;
  if (status.status !== 'running') break;
  await sleep(20);
}
const seconds = (performance.now() - t0) / 1000;
const exp = { rows_requested: exportRows, status: status.status, rows: status.total ?? status.rows ?? null,
  seconds: round(seconds), rss_before_mib: round(before / 1024), rss_peak_mib: round(peak / 1024),
  rss_growth_mib: round((peak - before) / 1024) };
process.stderr.write(`bench/orders: export ${JSON.stringify(exp)}\n`);
console.log(JSON.stringify({ list, export: exp, p95_max_ms: Math.max(...Object.values(list).map((s) => s.p95_ms)) }));
