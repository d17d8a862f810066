// DEV-OCPP for e-bike devices (socket = connector): a BIKE-DEV device created through the admin API
// connects as /ocpp/<12-digit code> with zhichong-sim, its sockets follow StatusNotification, socket 1
// charges with meter values (a transaction of the charging service), the admin buttons (refresh, reboot)
// reach it over OCPP, its message log is at GET /bike/device/{id}/messages (permission and data scope),
// and it goes offline — sockets offline — when the simulator ends. Unknown, disabled and non-OCPP
// devices are refused at the upgrade. PUT /bike/device/{id}/ocppPassword sets the Basic-auth password a
// device needs when ocpp.basic_auth is on (permission bike:device:edit, data scope).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useServer, approvedProvider, propertyWithLogin, userWithPerms } from './lib/fixture.mjs';
import { binaryPath, startServer, ADMIN_PASSWORD } from './lib/server.mjs';
import { Api, ok, fail, denied, until } from './lib/client.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const haveSim = existsSync(sim);
const ctx = useServer({ env: { ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true', ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' } });
let A; let S; let AREA;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  S = await addBikeStation(A.api, A.id);
  AREA = await bikeDefaultArea(A.api, S.id);
});

const device = async (id) => ok(await A.api.get(`/bike/device/${id}`)).data;
const socket = (row, n) => row.sockets.find((s) => s.socketNo === n);

/** The HTTP status of a WebSocket upgrade to /ocpp/<id> (101 when accepted). */
function upgradeStatus(id, { baseUrl = ctx.server.baseUrl, password } = {}) {
  return new Promise((resolve, reject) => {
    const auth = password === undefined ? {} : { Authorization: `Basic ${Buffer.from(`${id}:${password}`).toString('base64')}` };
    const req = http.request(`${baseUrl}/ocpp/${encodeURIComponent(id)}`, {
      headers: {
        Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'ocpp1.6', ...auth,
      },
    });
    req.on('upgrade', (res, sock) => { sock.destroy(); resolve(res.statusCode); });
    req.on('response', (res) => { res.resume(); resolve(res.statusCode); });
    req.on('error', reject);
    req.end();
  });
}

function runSim(args) {
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((res) => proc.on('exit', (code) => res(code)));
  return { proc, exited, out: () => out, err: () => err };
}

test('an e-bike device boots over OCPP: sockets follow StatusNotification, socket 1 charges with meter values, refresh and reboot work, offline at the end', { skip: !haveSim && `no ${sim}` }, async () => {
  const d = await addDevice(A.api, S.id, AREA.id, { socketCount: 10 });
  const code = (await device(d.id)).code;
  assert.match(code, /^\d{12}$/);
  const s = runSim(['--codes', code, '--connectors', '10', '--heartbeat', '1', '--charge-after', '0.3',
    '--charge-duration', '4', '--meter-interval', '0.2', '--reconnect', '0.3', '--duration', '9', '--power', '0.4',
    '--id-tag', 'BIKETAG1']);
  try {
    await until(async () => (await device(d.id)).online, 'device online');
    await until(async () => socket(await device(d.id), 1).state === 'charging', 'socket 1 charging');
    const row = await device(d.id);
    for (let n = 2; n <= 10; n++) assert.equal(socket(row, n).state, 'idle', `socket ${n}`);
    assert.ok(row.lastSeen > 0, 'lastSeen written');
    // meter values per socket, with the transaction the charging service gave
    const m = await until(async () => {
      const v = ok(await A.api.get(`/bike/device/${d.id}/messages`)).data;
      const x = v.meters.find((y) => y.connectorId === 1);
      return x && x.energy > 0 && x.transactionId > 0 && x.powerW === 400 && v;
    }, 'meter values of socket 1');
    assert.equal(m.online, true);
    assert.equal(m.protocol, 'ocpp16');
    assert.ok(m.since > 0 && m.lastSeen >= m.since);
    assert.ok(m.frames.some((f) => f.direction === 'in' && f.action === 'BootNotification'));
    assert.ok(m.frames.some((f) => f.direction === 'in' && f.action === 'StartTransaction'));
    // 刷新状态: the device is asked for its socket states (TriggerMessage StatusNotification)
    const r = ok(await A.api.post(`/bike/device/${d.id}/command`, { command: 'refresh' })).data;
    assert.equal(r.result, 'accepted');
    const frames = ok(await A.api.get(`/bike/device/${d.id}/messages`)).data.frames;
    assert.ok(frames.some((f) => f.direction === 'out' && f.action === 'TriggerMessage' && f.frame.includes('StatusNotification')));
    // the log is a byte budget (ocpp.message_log_bytes): look for the statuses sent after the trigger
    const trigger = frames.find((f) => f.direction === 'out' && f.action === 'TriggerMessage');
    const connectorOf = (f) => { try { return JSON.parse(f.frame)[3].connectorId; } catch { return undefined; } };
    await until(async () => new Set(ok(await A.api.get(`/bike/device/${d.id}/messages`)).data.frames
      .filter((f) => f.direction === 'in' && f.action === 'StatusNotification' && f.time >= trigger.time)
      .map(connectorOf)).size === 11, 'the triggered status of every socket (connectors 0–10)');
    // 重启: Reset, the device drops and comes back; the online/offline log has the bike rows
    assert.equal(ok(await A.api.post(`/bike/device/${d.id}/command`, { command: 'reboot' })).data.result, 'accepted');
    const log = await until(async () => {
      const rows = (await A.api.list('/stat/online/list', { deviceType: 'bike_device', deviceId: d.id })).rows;
      return rows.map((x) => x.state).join() === '1,0,1' && rows;
    }, 'offline + online again after the reboot');
    for (const x of log) {
      assert.equal(x.deviceCode, code);
      assert.equal(x.deviceName, d.name);
      assert.equal(x.deviceSn, d.factoryNo);
      assert.equal(x.protocol, 'ocpp16');
      assert.equal(x.bikeStationId, S.id);
    }
    await until(async () => (await device(d.id)).online, 'back online after the reboot');
  } finally {
    const code2 = await s.exited;
    assert.equal(code2, 0, `zhichong-sim exit ${code2}\n${s.err().slice(-2000)}`);
  }
  const summary = JSON.parse(s.out().trim().split('\n').pop());
  assert.ok(summary.boots >= 2, `boots ${summary.boots} (one after the reboot)`);
  assert.equal(summary.timeouts, 0, 'every call answered');
  assert.equal(summary.callErrors, 0, 'no CALLERROR');
  assert.ok(summary.transactions >= 1 && summary.meterValues >= 3);
  const end = await until(async () => { const x = await device(d.id); return !x.online && x; }, 'offline after the simulator ended', 3000);
  await until(async () => (await device(d.id)).sockets.every((x) => x.state === 'offline'), 'every socket offline');
  assert.equal(end.online, false);
});

test('bike devices that are unknown, disabled or not OCPP are refused at the upgrade; enabled ones by code or factory no.', async () => {
  assert.equal(await upgradeStatus('999999999999'), 404);
  const vendor = await addDevice(A.api, S.id, AREA.id, { protocol: 'vendor' });
  assert.equal(await upgradeStatus((await device(vendor.id)).code), 404);
  const d = await addDevice(A.api, S.id, AREA.id);
  const code = (await device(d.id)).code;
  ok(await A.api.put('/bike/device/changeStatus', { id: d.id, status: 1 }));
  assert.equal(await upgradeStatus(code), 404);
  ok(await A.api.put('/bike/device/changeStatus', { id: d.id, status: 0 }));
  const offlineRows = async () => (await A.api.list('/stat/online/list', { deviceType: 'bike_device', deviceId: d.id, state: 0 })).rows.length;
  assert.equal(await upgradeStatus(code), 101);
  // The server may see the second upgrade before the first socket's close: the newest connection then
  // replaces the first and the device never went offline in between (docs/ocpp.md). Wait for the close.
  await until(async () => (await offlineRows()) === 1, 'the first short connection logged offline');
  assert.equal(await upgradeStatus(d.factoryNo), 101);
  await until(async () => (await offlineRows()) === 2, 'both short connections logged offline');
});

test('GET /bike/device/{id}/messages: permission bike:device:query and data scope', async () => {
  const d = await addDevice(A.api, S.id, AREA.id);
  const v = ok(await A.api.get(`/bike/device/${d.id}/messages`)).data;
  assert.equal(v.online, false);
  assert.deepEqual(v.meters, []);
  assert.deepEqual(v.frames, []);
  // another property's account does not see the device
  const P2 = await approvedProvider(ctx.admin);
  const B = await propertyWithLogin(ctx.admin, P2.id);
  fail(await B.api.get(`/bike/device/${d.id}/messages`), 404, /设备不存在/);
  // without the permission
  const u = await userWithPerms(ctx.admin, ['bike:device:list']);
  denied(await u.api.get(`/bike/device/${d.id}/messages`));
  const q = await userWithPerms(ctx.admin, ['bike:device:query']);
  ok(await q.api.get(`/bike/device/${d.id}/messages`));
  fail(await ctx.admin.get('/bike/device/99999999/messages'), 404, /设备不存在/);
});

test('PUT /bike/device/{id}/ocppPassword: the device needs it at the upgrade when ocpp.basic_auth is on; permission bike:device:edit, data scope, rules', async () => {
  const d = await addDevice(A.api, S.id, AREA.id);
  const pw = 'Bike-Passw0rd-16+';
  fail(await A.api.put(`/bike/device/${d.id}/ocppPassword`, { password: 'short' }), 400, /password/);
  fail(await A.api.put(`/bike/device/${d.id}/ocppPassword`, { password: 'has:colon-1234567890' }), 400, /password/);
  fail(await A.api.put(`/bike/device/${d.id}/ocppPassword`, {}), 400, /password/);
  // another property's account does not see the device; without the permission: denied
  const P2 = await approvedProvider(ctx.admin);
  const B = await propertyWithLogin(ctx.admin, P2.id);
  fail(await B.api.put(`/bike/device/${d.id}/ocppPassword`, { password: pw }), 404, /设备不存在/);
  const u = await userWithPerms(ctx.admin, ['bike:device:query']);
  denied(await u.api.put(`/bike/device/${d.id}/ocppPassword`, { password: pw }));
  fail(await ctx.admin.put('/bike/device/99999999/ocppPassword', { password: pw }), 404, /设备不存在/);
  ok(await A.api.put(`/bike/device/${d.id}/ocppPassword`, { password: pw }));
  // the operator log names the action
  const logs = await ctx.admin.list('/monitor/operlog/list', { title: '设备连接密码' });
  assert.ok(logs.rows.length >= 1, 'operation logged');

  // A server with ocpp.basic_auth: the device connects with its password only.
  const srv = await startServer({ env: { ZHICHONG_OCPP_BASIC_AUTH: 'true' } });
  try {
    const admin = await new Api(srv.baseUrl).session('admin', ADMIN_PASSWORD);
    const P = await approvedProvider(admin);
    const X = await propertyWithLogin(admin, P.id);
    const st = await addBikeStation(X.api, X.id);
    const area = await bikeDefaultArea(X.api, st.id);
    const dev = await addDevice(X.api, st.id, area.id);
    const code = ok(await X.api.get(`/bike/device/${dev.id}`)).data.code;
    assert.equal(await upgradeStatus(code, { baseUrl: srv.baseUrl }), 401, 'no password set yet');
    assert.equal(await upgradeStatus(code, { baseUrl: srv.baseUrl, password: pw }), 401, 'no password set yet');
    ok(await X.api.put(`/bike/device/${dev.id}/ocppPassword`, { password: pw }));
    assert.equal(await upgradeStatus(code, { baseUrl: srv.baseUrl }), 401, 'no Authorization');
    assert.equal(await upgradeStatus(code, { baseUrl: srv.baseUrl, password: pw + 'x' }), 401, 'wrong password');
    assert.equal(await upgradeStatus(code, { baseUrl: srv.baseUrl, password: pw }), 101, 'its password');
  } finally {
    await srv.stop();
  }
});
