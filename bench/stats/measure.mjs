// bench/stats: the dashboard and the station report on a running server with generated orders (run.sh).
//   node measure.mjs BASE_URL ADMIN_PASSWORD SETUP_JSON REQUESTS
// Prints one JSON object {scenario: {p50_ms, p95_ms, p99_ms, max_ms}}.
import { Api, ok } from '../../tests/integration/lib/client.mjs';

const [baseUrl, password, setupJson, requestsArg] = process.argv.slice(2);
const setup = JSON.parse(setupJson);
const requests = Number(requestsArg);
const admin = await new Api(baseUrl).session('admin', password);
const property = await admin.session(setup.properties[0].user, setup.properties[0].password);
const day = 86400000;
// A month of local dates ending `back` months ago (Shanghai dates; the stations keep Shanghai time).
const month = (back) => {
  const end = Date.now() + 8 * 3600000 - back * 30 * day;
  const d = (t) => new Date(t).toISOString().slice(0, 10);
  return { beginDate: d(end - 29 * day), endDate: d(end) };
};
// The report page's two requests: the first page of the list and its totals + chart.
const report = async (api, q) => {
  ok(await api.get('/stat/station/list', { pageSize: 10, ...q }));
  ok(await api.get('/stat/station/summary', q));
};
const scenarios = {
  dashboard_system_admin: async () => ok(await admin.get('/index/dashboard')),
  dashboard_property_admin: async () => ok(await property.get('/index/dashboard')),
  report_month_system_admin: async (i) => report(admin, month(i % 12)),
  report_month_property_admin: async (i) => report(property, month(i % 12)),
  report_month_one_station: async (i) => report(admin, { ...month(i % 12), stationType: 'car', stationId: setup.properties[i % 2].stations[i % setup.properties[0].stations.length] }),
};

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
const round = (x) => Math.round(x * 100) / 100;
const out = {};
for (const [name, run] of Object.entries(scenarios)) {
  await run(0);  // warm-up
  const ms = [];
  for (let i = 0; i < requests; i++) {
    const t = performance.now();
    await run(i + 1);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  out[name] = { p50_ms: round(pct(ms, 50)), p95_ms: round(pct(ms, 95)), p99_ms: round(pct(ms, 99)), max_ms: round(ms[ms.length - 1]) };
  process.stderr.write(`bench/stats: ${name.padEnd(30)} p50 ${out[name].p50_ms} ms  p95 ${out[name].p95_ms} ms\n`);
}
// What the roll-ups hold: the dashboard's order total is theirs.
out.orders_rolled_up = ok(await admin.get('/index/dashboard')).data.cards.orders.total;
console.log(JSON.stringify(out));
