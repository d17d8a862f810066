// Online flags after a crash: a server killed with SIGKILL while a car pile and an e-bike device are
// connected leaves them "online" in the database. The next start (same database) sets them offline
// before it listens — guns/sockets offline — with an online/offline log row "server restart" each; the
// devices then reconnect to the new server and are online again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startServer, binaryPath, ADMIN_PASSWORD } from './lib/server.mjs';
import { Api, ok, sleep, until } from './lib/client.mjs';
import { approvedProvider, addProperty } from './lib/fixture.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const haveSim = existsSync(sim);
const env = { ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' };


function runSim(baseUrl, codes, connectors) {
  const url = baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', codes.join(','), '--connectors', String(connectors),
    '--heartbeat', '1', '--reconnect', '0.3', '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((res) => proc.on('exit', (code) => res(code)));
  return { proc, exited, url };
}

test('kill -9 with connected devices: the restart on the same database sets them offline with a log row, then they reconnect', { skip: !haveSim && `no ${sim}` }, async () => {
  const s1 = await startServer({ env });
  let s2 = null;
  let sm = null;
  try {
    const admin = await new Api(s1.baseUrl).session('admin', ADMIN_PASSWORD);
    const P = await approvedProvider(admin);
    const A = await addProperty(admin, P.id);
    const st = await approvedStation(admin, admin, A.id);
    const pile = await addPile(admin, st.id, (await defaultArea(admin, st.id)).id, { protocol: 'ocpp16', gunCount: 2 });
    const pileCode = ok(await admin.get(`/car/pile/${pile.id}`)).data.code;
    const bs = await addBikeStation(admin, A.id);
    const dev = await addDevice(admin, bs.id, (await bikeDefaultArea(admin, bs.id)).id, { socketCount: 4 });
    const devCode = ok(await admin.get(`/bike/device/${dev.id}`)).data.code;

    sm = runSim(s1.baseUrl, [pileCode, devCode], 4);
    await until(async () => ok(await admin.get(`/car/pile/${pile.id}`)).data.online, 'pile online');
    await until(async () => {
      const d = ok(await admin.get(`/bike/device/${dev.id}`)).data;
      return d.online && d.sockets.every((x) => x.state === 'idle');
    }, 'bike device online, sockets idle');
    // the state is in the database (flushed every 50 ms); then the crash
    await sleep(300);
    s1.proc.kill('SIGKILL');
    await new Promise((res) => (s1.exited() ? res() : s1.proc.on('exit', res)));
    sm.proc.kill('SIGTERM');  // the devices must not reconnect before we looked
    assert.equal(await sm.exited, 0);

    s2 = await startServer({ env: { ...env, ZHICHONG_DATABASE_URL: s1.dbUrl } });
    const admin2 = await new Api(s2.baseUrl).session('admin', ADMIN_PASSWORD);
    const p = ok(await admin2.get(`/car/pile/${pile.id}`)).data;
    assert.equal(p.online, false, 'pile offline after the restart');
    assert.ok(p.guns.every((g) => g.state === 'offline'), JSON.stringify(p.guns));
    const d = ok(await admin2.get(`/bike/device/${dev.id}`)).data;
    assert.equal(d.online, false, 'bike device offline after the restart');
    assert.ok(d.sockets.every((x) => x.state === 'offline'), JSON.stringify(d.sockets));
    for (const [deviceType, deviceId, code] of [['car_pile', pile.id, pileCode], ['bike_device', dev.id, devCode]]) {
      const rows = (await admin2.list('/stat/online/list', { deviceType, deviceId })).rows;
      assert.deepEqual(rows.map((r) => r.state), [0, 1], `${deviceType}: online, then offline by the restart`);
      assert.equal(rows[0].reason, 'server restart');
      assert.equal(rows[0].deviceCode, code);
      assert.equal(rows[0].protocol, 'ocpp16');
    }
    // the devices come back to the new server
    sm = runSim(s2.baseUrl, [pileCode, devCode], 4);
    await until(async () => ok(await admin2.get(`/car/pile/${pile.id}`)).data.online, 'pile online again');
    await until(async () => ok(await admin2.get(`/bike/device/${dev.id}`)).data.online, 'bike device online again');
    sm.proc.kill('SIGTERM');
    assert.equal(await sm.exited, 0);
    // and offline at once when they disconnect
    await until(async () => !ok(await admin2.get(`/bike/device/${dev.id}`)).data.online, 'offline when the simulator ends');
  } finally {
    if (sm && sm.proc.exitCode === null) sm.proc.kill('SIGKILL');
    if (s2) await s2.stop();
    if (!s1.exited()) s1.proc.kill('SIGKILL');
    s1.cleanup();
  }
});
