// Issue 13 item 11: every public link follows one rule — app.public_url, else the address the server
// listens on with the port it actually bound (also for port 0 = any free one). The server runs here on a
// non-default port without app.public_url, and the QR images (labels, the private-pile form, the Excel
// exports) are decoded with zbarimg (zbar-tools, scripts/install-deps.sh test): each must open this server.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { startServer, ADMIN_PASSWORD } from './lib/server.mjs';
import { ok, Api } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, getBinary, waitExport, xlsxRows, unzip } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
let A; let P; let base;
const scratch = mkdtempSync(path.join(tmpdir(), 'zc-qr-'));

/** The text of the QR code in a PNG, decoded by zbarimg. */
function decodeQr(png) {
  const file = path.join(scratch, `qr-${process.hrtime.bigint()}.png`);
  writeFileSync(file, png);
  try {
    return execFileSync('zbarimg', ['--raw', '-q', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } finally {
    rmSync(file, { force: true });
  }
}

async function qrOf(api, route, template) {
  const r = await getBinary(api, route, template ? { template } : undefined);
  assert.equal(r.status, 200, route);
  assert.equal(r.headers.get('content-type'), 'image/png');
  return decodeQr(r.buf);
}

/** The link opens this server: its origin answers /health. */
async function reachesServer(url) {
  const r = await fetch(new URL('/health', url), { signal: AbortSignal.timeout(5000) });
  await r.arrayBuffer();
  assert.equal(r.status, 200, `${url} reaches the server`);
}

before(async () => {
  await ctx.ready();
  assert.notEqual(ctx.server.port, 8080, 'a non-default port');
  base = `http://127.0.0.1:${ctx.server.port}`;
  P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
});

test('no app.public_url: gun, pile, socket, device and private-pile QR codes point at the port the server is on', async () => {
  const st = await approvedStation(A.api, P.api, A.id);
  const pile = ok(await A.api.get(`/car/pile/${(await addPile(A.api, st.id, (await defaultArea(A.api, st.id)).id, { gunCount: 2 })).id}`)).data;
  assert.equal(pile.qrUrl, `${base}/app/pile/${pile.code}`);
  for (const template of ['plain', 'labelled', 'card']) assert.equal(await qrOf(A.api, `/car/pile/${pile.id}/qr`, template), pile.qrUrl, template);
  for (const g of pile.guns) {
    assert.equal(g.qrUrl, `${base}/app/gun/${g.code}`);
    assert.equal(await qrOf(A.api, `/car/gun/${g.id}/qr`), g.qrUrl);
  }
  const listed = (await A.api.list('/car/gun/list', { pileCode: pile.code })).rows;
  assert.deepEqual(listed.map((g) => g.qrUrl).sort(), pile.guns.map((g) => g.qrUrl).sort());
  await reachesServer(pile.guns[0].qrUrl);

  // the private-pile application form: the QR and the link the station page shows are the same
  const apply = `${base}/m/private-apply?stationId=${st.id}`;
  assert.equal(ok(await A.api.get(`/car/station/${st.id}`)).data.privateApplyUrl, apply);
  for (const template of ['plain', 'card']) assert.equal(await qrOf(A.api, `/car/station/${st.id}/privateApplyQr`, template), apply);

  // e-bike devices and sockets
  const bs = await addBikeStation(A.api, A.id);
  ok(await ctx.admin.put('/bike/station/audit', { id: bs.id, auditStatus: 1, auditRemark: 'ok' }));
  const dev = ok(await A.api.get(`/bike/device/${(await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id, { socketCount: 2 })).id}`)).data;
  assert.equal(await qrOf(A.api, `/bike/device/${dev.id}/qr`), `${base}/app/device/${dev.code}`);
  for (const s of dev.sockets) {
    assert.equal(s.qrUrl, `${base}/app/socket/${s.code}`);
    assert.equal(await qrOf(A.api, `/bike/socket/${s.id}/qr`), s.qrUrl);
  }
});

test('QR Excel exports: every embedded image encodes its row\'s URL on this server', async () => {
  const st = await approvedStation(A.api, P.api, A.id);
  const area = await defaultArea(A.api, st.id);
  for (let i = 0; i < 2; i++) await addPile(A.api, st.id, area.id, { gunCount: 1 });
  const bs = await addBikeStation(A.api, A.id);
  await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id, { socketCount: 2 });
  const exports = [
    ['/car/pile/qrExport', { stationId: st.id }, /\/app\/pile\/\d{14}$/],
    ['/car/gun/qrExport', { stationId: st.id }, /\/app\/gun\/\d{16}$/],
    ['/bike/socket/qrExport', { stationId: bs.id }, /\/app\/socket\/\d{14}$/],
    ['/bike/device/qrExport', { stationId: bs.id }, /\/app\/device\/\d{12}$/],
  ];
  for (const [route, filters, shape] of exports) {
    const job = ok(await A.api.post(route, filters)).data.jobId;
    assert.equal((await waitExport(A.api, job)).status, 'done', route);
    const file = await getBinary(A.api, `/export/${job}/download`);
    const x = xlsxRows(file.buf);
    const urls = x.rows.slice(1).map((r) => r[2]);
    assert.ok(urls.length >= 1, route);
    for (const u of urls) {
      assert.ok(u.startsWith(`${base}/app/`), `${route}: ${u}`);
      assert.match(u, shape);
    }
    const decoded = x.images.map((name) => decodeQr(unzip(file.buf)[name]));
    assert.deepEqual(decoded.sort(), [...urls].sort(), `${route}: the images encode the URLs`);
  }
});

test('start-up: the server prints the public base; listening on loopback it does not warn', async () => {
  const log = ctx.server.stdout() + ctx.server.stderr();
  assert.match(log, new RegExp(`public links \\(QR codes\\) on ${base.replace(/[.]/g, '\\.')}\\n`));
  assert.doesNotMatch(log, /loopback address/);
});

test('port 0 on every interface: links use the bound port, and the server warns that they point at loopback', async () => {
  const srv = await startServer({ env: { ZHICHONG_HTTP_HOST: '0.0.0.0', ZHICHONG_HTTP_PORT: '0' } });
  try {
    assert.ok(srv.port > 0 && srv.port !== 8080, `bound port ${srv.port}`);
    const bound = `http://127.0.0.1:${srv.port}`;
    const log = srv.stdout() + srv.stderr();
    assert.match(log, /app\.public_url: public links .* point at http:\/\/127\.0\.0\.1:\d+, a loopback address, while the server listens on every interface/);
    assert.match(log, new RegExp(`public links \\(QR codes\\) on ${bound.replace(/[.]/g, '\\.')}\\n`));
    const admin = await new Api(srv.baseUrl).session('admin', ADMIN_PASSWORD);
    const prov = await approvedProvider(admin);
    const prop = await propertyWithLogin(admin, prov.id);
    const st = await approvedStation(prop.api, prov.api, prop.id);
    const pile = ok(await prop.api.get(`/car/pile/${(await addPile(prop.api, st.id, (await defaultArea(prop.api, st.id)).id, { gunCount: 1 })).id}`)).data;
    assert.equal(pile.guns[0].qrUrl, `${bound}/app/gun/${pile.guns[0].code}`);
    assert.equal(await qrOf(prop.api, `/car/gun/${pile.guns[0].id}/qr`), pile.guns[0].qrUrl);
    await reachesServer(pile.guns[0].qrUrl);
  } finally {
    await srv.stop();
  }
});

test('a configured app.public_url is used as given (trailing slash dropped), with no warning', async () => {
  const srv = await startServer({ env: { ZHICHONG_HTTP_HOST: '0.0.0.0', ZHICHONG_APP_PUBLIC_URL: 'https://charge.example.com/' } });
  try {
    const log = srv.stdout() + srv.stderr();
    assert.match(log, /public links \(QR codes\) on https:\/\/charge\.example\.com\n/);
    assert.doesNotMatch(log, /loopback address/);
    const admin = await new Api(srv.baseUrl).session('admin', ADMIN_PASSWORD);
    const prov = await approvedProvider(admin);
    const prop = await propertyWithLogin(admin, prov.id);
    const st = await approvedStation(prop.api, prov.api, prop.id);
    assert.equal(await qrOf(prop.api, `/car/station/${st.id}/privateApplyQr`), `https://charge.example.com/m/private-apply?stationId=${st.id}`);
  } finally {
    await srv.stop();
  }
});
