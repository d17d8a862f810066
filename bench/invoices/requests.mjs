// bench/invoices (run.sh): a station with its invoice configuration, a driver, N completed orders (test route),
// then N invoice requests at once; waits until every invoice is issued with its PDF. Prints one JSON object.
//   node requests.mjs BASE_URL ADMIN_PASSWORD SERVER_PID N CONCURRENCY WORK_DIR
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Api, ok, randPhone } from '../../tests/integration/lib/client.mjs';
import { approvedProvider, propertyWithLogin } from '../../tests/integration/lib/fixture.mjs';
import { approvedStation } from '../../tests/integration/lib/car.mjs';
import { AppApi } from '../../tests/integration/lib/app.mjs';

const [base, password, pid, nText, concText, work] = process.argv.slice(2);
const n = Number(nText);
const conc = Number(concText);
const admin = await new Api(base).session('admin', password);
const rss = () => {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(s)[1]);
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
};
const pct = (a, p) => { const s = [...a].sort((x, y) => x - y); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null; };

const provider = await approvedProvider(admin);
const property = await propertyWithLogin(admin, provider.id);
const station = await approvedStation(property.api, admin, property.id);
ok(await property.api.put('/car/station/invoiceConfig', {
  stationId: station.id, merchantNo: 'M123456', sellerAddress: '深圳市南山区科技园1号', bankAccount: '6222000011112222',
  bankName: '招商银行深圳分行', drawer: '张三', companyName: '智充科技有限公司', payee: '李四', reviewer: '王五',
  taxpayerId: '91440300MA5ABCDE1X', electricityTaxRate: 1300, electricityTaxCode: '1100101020000000000', serviceTaxRate: 600,
  serviceTaxCode: '3040201000000000000', phone: '0755-12345678',
}));
const driver = await AppApi.signIn(base, randPhone());
const orders = [];
for (let left = n; left > 0; left -= 2000) {
  const r = ok(await admin.post('/test/invoice/orders', { orderType: 'car', stationId: station.id, phone: driver.phone,
    count: Math.min(2000, left), energyFee: 2345, serviceFee: 1234 }));
  orders.push(...r.data);
}
const rssBefore = rss();

// N requests, CONCURRENCY in flight; a /health probe every 50 ms until every invoice is issued.
const latencies = [];
const probes = [];
let peak = rssBefore.rss;
let done = false;
const t0 = Date.now();
const probe = (async () => {
  while (!done) {
    const s = Date.now();
    await fetch(`${base}/health`).then((r) => r.text());
    probes.push(Date.now() - s);
    peak = Math.max(peak, rss().rss);
    await new Promise((r) => setTimeout(r, 50));
  }
})();
let next = 0;
let refused = 0;
await Promise.all(Array.from({ length: conc }, async () => {
  while (next < orders.length) {
    const o = orders[next++];
    const s = Date.now();
    const r = await property.api.post('/order/car/invoice', { orderIds: [o.id], titleType: 'company',
      title: '深圳市某某物流有限公司', taxpayerId: '91440300MA5XYZ1234', email: 'fp@example.com' });
    latencies.push(Date.now() - s);
    if (r.status !== 200) refused += 1;
  }
}));
const accepted = Date.now() - t0;
let stats;
for (;;) {
  stats = ok(await admin.get('/test/invoice/stats')).data;
  if ((stats.counts.issued || 0) + (stats.counts.failed || 0) >= n - refused && stats.queued === 0) break;
  if (Date.now() - t0 > 30 * 60 * 1000) break;
  await new Promise((r) => setTimeout(r, 200));
}
const total = Date.now() - t0;
done = true;
await probe;
// PDF sizes: every stored file
const sizes = [];
const walk = (d) => { for (const f of readdirSync(d)) { const p = path.join(d, f); if (statSync(p).isDirectory()) walk(p); else if (p.endsWith('.pdf')) sizes.push(statSync(p).size); } };
walk(path.join(work, 'data', 'invoices'));
const end = rss();
console.log(JSON.stringify({
  requested: n, refused, issued: stats.counts.issued || 0, failed: stats.counts.failed || 0, still_issuing: stats.counts.issuing || 0,
  requests_s: +(accepted / 1000).toFixed(2), request_p50_ms: pct(latencies, 0.5), request_p99_ms: pct(latencies, 0.99),
  health_p99_ms_while_issuing: pct(probes, 0.99), health_max_ms: Math.max(...probes),
  all_issued_s: +(total / 1000).toFixed(2), pdfs_per_s: +((stats.counts.issued || 0) / (total / 1000)).toFixed(1),
  pdf_files: sizes.length, pdf_bytes_avg: Math.round(sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length)),
  pdf_bytes_max: Math.max(0, ...sizes), rss_kib_before: rssBefore.rss, rss_kib_peak: peak, rss_kib_end: end.rss, rss_kib_hwm: end.hwm,
}));
