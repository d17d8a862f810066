// The permission and isolation matrix (issue 22), generated from the server's own route table
// (GET /test/routes): a route added later is checked without anyone listing it here. On the demo data set
// (`serve --demo`): the demo provider owns every row; provider P2 (approved, empty) must see none of them.
//   1. every route declares who may call it: a permission, or it is in one of the short lists below
//      (public by design / any signed-in user) — a new route with neither fails;
//   2. no token → 401 on every route that is not public (and on the driver routes that need a driver);
//   3. a signed-in user without roles → 403 on every route with a permission;
//   4. every GET with a path id, on a real demo row: P2's answer is exactly the answer for a missing row;
//   5. every DELETE with a path id and every PUT of a row (the id in the body): the same, and the demo
//      row is still there, unchanged;
//   6. every list and options route: P2 gets none of the demo provider's rows;
//   7. every driver route with a path id: another driver gets the answer of a missing row.
// The matrix size is printed (routes × users × cases) for the note.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, approvedProvider, PASSWORD } from './lib/fixture.mjs';
import { ok, randPhone, until } from './lib/client.mjs';
import { AppApi } from './lib/app.mjs';
import { freePort } from './lib/server.mjs';
import { haveSim, orderAndPay, runYkcSim } from './lib/order-car-helpers.mjs';

const ykcPort = await freePort();
const ctx = useServer({ args: ['--demo'], env: { ZHICHONG_TESTING_ENABLED: '1', ZHICHONG_YKC_PORT: String(ykcPort) }, timeoutMs: 60000 });
let routes; let none; let P2; let demo;
const size = { routes: 0, cases: 0, skipped: [] };

// Public by design: sign-in, health, the private-pile application form, payment notifications and the
// sandbox gateway's own pages, device endpoints with their own credentials, and the driver app (which
// checks the driver itself: see DRIVER_PUBLIC for the driver routes that need no driver).
const PUBLIC = [/^\/health$/, /^\/login$/, /^\/captchaImage$/, /^\/public\//, /^\/pay\/notify\//, /^\/sandbox\//, /^\/app\//,
  /^\/ocpp\//, /^\/camera\//];
// Driver routes open to anyone: sign-in, and browsing stations, piles and prices before signing in.
const DRIVER_PUBLIC = [/^\/app\/auth\/(sms|login)$/, /^\/app\/dev\/sms$/, /^\/app\/stations/, /^\/app\/(car|bike)\/stations/,
  /^\/app\/(gun|pile|socket|device)\//, /^\/app\/config/, /^\/app\/dict/];
// Any signed-in admin user: their own session, profile, menus, dictionaries and export jobs (each job is
// the caller's own: checked by the export tests); the dropdown options of the forms (in the caller's data
// scope: checked below with the lists); the home dashboard (the caller's scope); a property account's own
// property (the handler asks system:property:query of everyone else).
const SIGNED_IN = [/^\/getInfo$/, /^\/getRouters$/, /^\/logout$/, /^\/system\/user\/profile/, /^\/system\/dict\/data\/type\//,
  /^\/export\//, /^\/common\//, /\/options$/, /^\/system\/dept\/treeselect$/, /^\/index\/dashboard$/, /^\/system\/property\/\{id\}$/];

const matches = (list, path) => list.some((re) => re.test(path));
const isTest = (r) => r.path.startsWith('/test/');
const fill = (path, v = '1') => path.replace(/\{[^}]+\}/g, v);
const bodyFor = (m) => (m === 'GET' || m === 'DELETE' ? {} : { body: {} });

before(async () => {
  await ctx.ready();
  routes = ok(await ctx.admin.get('/test/routes')).data.filter((r) => !isTest(r));
  size.routes = routes.length;
  const u = await addUser(ctx.admin);
  none = await ctx.anon.session(u.userName, PASSWORD);
  P2 = await approvedProvider(ctx.admin);
  const demoUser = (await ctx.admin.list('/system/user/list', { phone: '13900000001' })).rows[0];
  assert.ok(demoUser, 'the demo provider account exists (serve --demo)');
  ok(await ctx.admin.put('/system/user/resetPwd', { id: demoUser.userId ?? demoUser.id, password: PASSWORD }));
  demo = { api: await ctx.anon.session('13900000001', PASSWORD) };
  await makeDriverRows();
});

// Rows of the drivers' side, made before the matrix runs so that the admin order and payment routes have
// demo rows too: a demo member (a personal card) with a plate and a paid car order on a demo YKC pile.
let drivers; let sim;
async function makeDriverRows() {
  if (!haveSim) return;
  const base = ctx.server.baseUrl;
  const d1 = await AppApi.signIn(base, '13800000107');
  const d2 = await AppApi.signIn(base, randPhone());
  ok(await d1.post('/app/user/plates', { plate: '粤B12345' }));
  const admin = demo.api;
  const pile = (await admin.list('/car/pile/list')).rows.find((p) => p.protocol === 'ykc');
  sim = runYkcSim(ykcPort, [pile], ['--power', '30']);
  await sim.wait((e) => e.event === 'model', 'the demo pile online with its billing model', 15000);
  const gunOf = async () => ok(await admin.get(`/car/pile/${pile.id}`)).data.guns[0];
  const gun = await until(async () => { const g = await gunOf(); return ['idle', 'plugged'].includes(g.state) && g; }, 'gun state known');
  const { pay } = await orderAndPay(ctx, d1, gun, 1000);
  drivers = { d1, d2, pay };
}
after(() => sim?.stop());

test('every route declares who may call it', () => {
  const undeclared = routes.filter((r) => (r.public ? !matches(PUBLIC, r.path) : !r.permission && !matches(SIGNED_IN, r.path)));
  assert.deepEqual(undeclared.map((r) => `${r.method} ${r.path}${r.public ? ' (public)' : ' (any signed-in user)'}`), [],
    'add a permission to the route, or (with its reason) to PUBLIC / SIGNED_IN in this file');
});

test('no token: 401 on every route that needs a user or a driver', async () => {
  const bad = [];
  for (const r of routes) {
    const needsDriver = r.path.startsWith('/app/') && !matches(DRIVER_PUBLIC, r.path);
    if (r.public && !needsDriver) continue;
    const res = await ctx.anon.req(r.method, fill(r.path), bodyFor(r.method));
    size.cases += 1;
    if (res.status !== 401) bad.push(`${r.method} ${r.path} → ${res.status} ${res.text.slice(0, 80)}`);
  }
  assert.deepEqual(bad, []);
});

test('a user without the permission: 403 on every route with one', async () => {
  const bad = [];
  for (const r of routes.filter((x) => x.permission)) {
    const res = await none.req(r.method, fill(r.path), bodyFor(r.method));
    size.cases += 1;
    if (res.status !== 403) bad.push(`${r.method} ${r.path} (${r.permission}) → ${res.status}`);
  }
  assert.deepEqual(bad, []);
});

// The list a GET with a path id reads its sample from: the same path up to the parameter, + "list"
// (/car/station/{id}/invoiceConfig → /car/station/list).
function listOf(path) {
  const i = path.indexOf('/{');
  return i < 0 ? null : `${path.slice(0, i)}/list`;
}
const rowsOf = (r) => (Array.isArray(r.body?.rows) ? r.body.rows : Array.isArray(r.body?.data) ? r.body.data : null);
const paramOf = (path) => path.match(/\{([^}]+)\}/)[1];
const sampleField = (row, param) => {
  for (const k of [param, param.replace(/s$/, ''), 'id', `${param}Id`]) if (row[k] !== undefined && row[k] !== null) return row[k];
  return undefined;
};
// The answer a caller can compare: status, code and message with the id taken out.
const answer = (r, v) => `${r.status} ${r.body?.code ?? ''} ${String(r.body?.msg ?? '').replaceAll(String(v), '#').replaceAll('987654321', '#')}`;

test('another provider gets exactly the answer of a missing row for every GET with a path id', async () => {
  const gets = routes.filter((r) => r.method === 'GET' && !r.public && (r.path.match(/\{/g) || []).length === 1);
  const byList = new Map(routes.filter((r) => r.method === 'GET').map((r) => [r.path, r]));
  const bad = [];
  for (const r of gets) {
    const list = listOf(r.path);
    if (!list || !byList.has(list)) { size.skipped.push(`${r.path} (no ${list})`); continue; }
    const row = rowsOf(await demo.api.get(list, { pageSize: 5 }))?.[0];
    const v = row && sampleField(row, paramOf(r.path));
    if (v === undefined) { size.skipped.push(`${r.path} (empty ${list})`); continue; }
    const own = await demo.api.get(fill(r.path, encodeURIComponent(v)));
    if (own.status !== 200 || (own.body?.code !== undefined && own.body.code !== 200)) {
      size.skipped.push(`${r.path} (owner gets ${own.status}/${own.body?.code})`); continue;
    }
    const missing = typeof v === 'number' ? 987654321 : `${v}`.replace(/./g, '9');
    const other = await P2.api.get(fill(r.path, encodeURIComponent(v)));
    const absent = await P2.api.get(fill(r.path, encodeURIComponent(missing)));
    size.cases += 2;
    if (answer(other, v) !== answer(absent, missing)) bad.push(`${r.path}: ${answer(other, v)} ≠ missing ${answer(absent, missing)}`);
    if (other.body?.data) bad.push(`${r.path}: data returned to another provider`);
  }
  assert.deepEqual(bad, []);
});

test('another provider deleting a demo row by its path id gets the answer of a missing row, and the row stays', async () => {
  const dels = routes.filter((r) => r.method === 'DELETE' && r.permission && (r.path.match(/\{/g) || []).length === 1);
  const byPath = new Map(routes.filter((r) => r.method === 'GET').map((r) => [r.path, r]));
  const bad = [];
  for (const r of dels) {
    const list = listOf(r.path);
    const row = list && byPath.has(list) ? rowsOf(await demo.api.get(list, { pageSize: 5 }))?.[0] : undefined;
    const v = row && sampleField(row, paramOf(r.path));
    if (v === undefined) { size.skipped.push(`DELETE ${r.path} (no demo row)`); continue; }
    const other = await P2.api.del(fill(r.path, encodeURIComponent(v)));
    const absent = await P2.api.del(fill(r.path, typeof v === 'number' ? '987654321' : `${v}`.replace(/./g, '9')));
    size.cases += 2;
    if (answer(other, v) !== answer(absent, 987654321)) bad.push(`DELETE ${r.path}: ${answer(other, v)} ≠ missing ${answer(absent, 987654321)}`);
    const after = rowsOf(await demo.api.get(list, { pageSize: 500 })) ?? [];
    if (!after.some((x) => sampleField(x, paramOf(r.path)) === v)) bad.push(`DELETE ${r.path}: the demo row ${v} is gone`);
  }
  assert.deepEqual(bad, []);
});

// A PUT without a path id edits the row named in its body: the edit form sends the row back. P2 sending a
// demo row (its own fields, as read by its owner) gets the answer of the same row with a missing id, and
// the row does not change. The row's list: /a/b → /a/b/list, /a/b/changeStatus → /a/b/list.
test('another provider editing a demo row by the id in the body gets the answer of a missing row, and nothing changes', async () => {
  const getPaths = new Set(routes.filter((r) => r.method === 'GET').map((r) => r.path));
  const puts = routes.filter((r) => r.method === 'PUT' && r.permission && !r.path.includes('{'));
  const bad = [];
  let checked = 0;
  for (const r of puts) {
    const list = [`${r.path}/list`, `${r.path.replace(/\/[^/]+$/, '')}/list`].find((l) => getPaths.has(l));
    const rows = list && rowsOf(await demo.api.get(list, { pageSize: 5 }));
    const row = rows?.[0];
    if (!row || row.id === undefined) { size.skipped.push(`PUT ${r.path} (no demo row)`); continue; }
    const other = await P2.api.put(r.path, row);
    const absent = await P2.api.put(r.path, { ...row, id: 987654321 });
    size.cases += 2; checked += 1;
    if (answer(other, row.id) !== answer(absent, 987654321)) bad.push(`PUT ${r.path}: ${answer(other, row.id)} ≠ missing ${answer(absent, 987654321)}`);
    const now = (rowsOf(await demo.api.get(list, { pageSize: 500 })) ?? []).find((x) => x.id === row.id);
    if (JSON.stringify(now) !== JSON.stringify(row)) bad.push(`PUT ${r.path}: the demo row ${row.id} changed`);
  }
  assert.deepEqual(bad, []);
  assert.ok(checked >= 5, `PUT routes checked on demo rows: ${checked}`);
});

test("lists and options: another provider sees none of the demo provider's rows", async () => {
  const lists = routes.filter((r) => r.method === 'GET' && !r.public && /\/(list|options)$/.test(r.path) && !r.path.includes('{'));
  const bad = [];
  let compared = 0;
  for (const r of lists) {
    const mine = rowsOf(await demo.api.get(r.path, { pageSize: 500 }));
    if (!mine?.length) continue;
    const theirs = rowsOf(await P2.api.get(r.path, { pageSize: 500 })) ?? [];
    size.cases += 1; compared += 1;
    const key = (x) => JSON.stringify(x);
    const seen = new Set(mine.map(key));
    // built-in roles are every provider's (they cannot be edited or deleted)
    const leaked = theirs.filter((x) => seen.has(key(x)) && x.providerId !== P2.id && x.builtIn !== true);
    if (leaked.length) bad.push(`${r.path}: ${leaked.length} of the demo provider's rows, e.g. ${key(leaked[0]).slice(0, 120)}`);
  }
  assert.ok(compared >= 10, `lists compared on demo rows: ${compared}`);
  assert.deepEqual(bad, []);
  console.log(`route matrix: ${size.routes} routes, 3 users (none, P2, demo provider), ${size.cases} cases; ` +
    `${size.skipped.length} id routes without a demo row: ${size.skipped.join(', ')}`);
});

// The driver API: a demo member (a personal card) with a plate and a paid car order on a demo YKC pile
// (zhichong-sim); a second driver asks for
// each of them by the id in the path. Samples come from the first driver's lists (the route's path up to
// its parameter: /app/car/orders/{orderNo} → /app/car/orders), else from any of his rows with a field of
// the parameter's name (/app/pay/{payNo} ← the order's payNo).
test("another driver gets exactly the answer of a missing row for every driver route with a path id", { skip: !haveSim }, async () => {
  const { d1, d2, pay } = drivers;
  const driverRoutes = routes.filter((r) => r.path.startsWith('/app/') && !matches(DRIVER_PUBLIC, r.path));
  const lists = new Map();
  for (const r of driverRoutes.filter((x) => x.method === 'GET' && !x.path.includes('{'))) {
    const rows = rowsOf(await d1.get(r.path, { pageSize: 5 }));
    if (rows?.length) lists.set(r.path, rows);
  }
  const anyRows = [...lists.values()].flat().concat([pay]);
  // what another driver must not change: the rows' identity and state (live values move on their own)
  const snapshot = async () => {
    const out = [];
    for (const l of lists.keys()) out.push([l, (rowsOf(await d1.get(l, { pageSize: 5 })) ?? []).map((x) => [x.id, x.orderNo, x.state, x.status])]);
    return JSON.stringify(out);
  };
  const bad = [];
  let checked = 0;
  for (const r of driverRoutes.filter((x) => (x.path.match(/\{/g) || []).length === 1)) {
    const param = paramOf(r.path);
    const own = lists.get(r.path.slice(0, r.path.indexOf('/{')))?.[0];
    const v = own ? sampleField(own, param) : anyRows.map((x) => x[param]).find((x) => x !== undefined && x !== null);
    if (v === undefined) { size.skipped.push(`${r.method} ${r.path} (no row of the first driver)`); continue; }
    const missing = typeof v === 'number' ? 987654321 : `${v}`.replace(/[0-9]/g, '9');
    const before = await snapshot();
    const other = await d2.req(r.method, fill(r.path, encodeURIComponent(v)), bodyFor(r.method));
    const absent = await d2.req(r.method, fill(r.path, encodeURIComponent(missing)), bodyFor(r.method));
    size.cases += 2; checked += 1;
    if (answer(other, v) !== answer(absent, missing).replaceAll(String(missing), '#'))
      bad.push(`${r.method} ${r.path}: ${answer(other, v)} ≠ missing ${answer(absent, missing)}`);
    if (other.body?.data) bad.push(`${r.method} ${r.path}: data returned to another driver`);
    if (r.method !== 'GET' && (await snapshot()) !== before) bad.push(`${r.method} ${r.path}: the first driver's rows changed`);
  }
  assert.deepEqual(bad, []);
  assert.ok(checked >= 4, `driver routes checked: ${checked}; skipped: ${size.skipped.filter((x) => x.includes("/app/"))}`);
  console.log(`route matrix (driver): ${checked} routes with a path id checked by a second driver`);
});
