// DEV-SIM + DEV-OCPP: zhichong-sim (C++ OCPP 1.6J charge points) against the real server: piles created
// through the admin API connect, boot, report status, charge with meter values, answer every admin
// command (reboot makes them reconnect), and go offline when the simulator ends.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { binaryPath } from './lib/server.mjs';
import { ok, until } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
const haveSim = existsSync(sim);
const ctx = useServer({ env: { ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true', ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' } });
let piles = [];

before(async () => {
  if (!haveSim) return;
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  const s = await approvedStation(ctx.admin, ctx.admin, A.id, { hotline: '400-800-1234' });
  const area = await defaultArea(ctx.admin, s.id);
  for (let i = 0; i < 3; i++) {
    const p = await addPile(ctx.admin, s.id, area.id, { protocol: 'ocpp16', gunCount: 2 });
    piles.push(ok(await ctx.admin.get(`/car/pile/${p.id}`)).data);
  }
});

const row = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;

test('zhichong-sim piles connect, charge, answer every command, reconnect after reboot, go offline at the end', { skip: !haveSim && `no ${sim}` }, async () => {
  const url = ctx.server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(sim, ['ocpp', '--url', url, '--codes', piles.map((p) => p.code).join(','), '--connectors', '2',
    '--heartbeat', '1', '--charge-after', '0.3', '--charge-duration', '2.5', '--meter-interval', '0.2', '--reconnect', '0.3',
    '--duration', '8', '--id-tag', 'SIMTAG01', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((res) => proc.on('exit', (code) => res(code)));
  try {
    for (const p of piles) await until(async () => (await row(p.id)).online, `pile ${p.code} online`);
    const [a, b] = piles;
    await until(async () => (await row(a.id)).guns.find((g) => g.gunNo === 1).state === 'charging', 'gun 1 charging');
    assert.equal((await row(a.id)).guns.find((g) => g.gunNo === 2).state, 'idle');
    await until(async () => {
      const m = ok(await ctx.admin.get(`/car/pile/${a.id}/messages`)).data.meters.find((x) => x.connectorId === 1);
      return m && m.energy > 0 && m.transactionId > 0 && m.powerW === 7000;
    }, 'meter values of the session');
    for (const command of ['clockSync', 'refresh', 'hotlineSync', 'qrSync']) {
      const r = ok(await ctx.admin.post(`/car/pile/${b.id}/command`, { command }), command);
      assert.equal(r.data.result, 'accepted', command);
    }
    const frames = ok(await ctx.admin.get(`/car/pile/${b.id}/messages`)).data.frames;
    assert.ok(frames.some((f) => f.direction === 'out' && f.action === 'ChangeConfiguration' && f.frame.includes('ZhichongHotline')));
    assert.ok(frames.some((f) => f.direction === 'in' && f.type === 'CALL' && f.action === 'Heartbeat'), 'triggered heartbeat arrived');
    // reboot: accepted, the pile drops and comes back
    assert.equal(ok(await ctx.admin.post(`/car/pile/${b.id}/command`, { command: 'reboot' })).data.result, 'accepted');
    await until(async () => (await ctx.admin.list('/stat/online/list', { deviceId: b.id })).rows.map((r) => r.state).join() === '1,0,1', 'offline + online again after the reboot');
    await until(async () => (await row(b.id)).online, 'back online');
    // the local session ends (unplug) and the gun is idle again
    await until(async () => (await row(a.id)).guns.find((g) => g.gunNo === 1).state === 'idle', 'gun 1 idle after unplug', 8000);
  } finally {
    const code = await exited;
    assert.equal(code, 0, `zhichong-sim exit ${code}\n${err.slice(-2000)}`);
  }
  const summary = JSON.parse(out.trim().split('\n').pop());
  assert.equal(summary.devices, 3);
  assert.ok(summary.boots >= 4, `boots ${summary.boots} (3 + one after the reboot)`);
  assert.equal(summary.timeouts, 0, 'every call answered');
  assert.equal(summary.callErrors, 0, 'no CALLERROR');
  assert.ok(summary.transactions >= 3);
  assert.ok(summary.meterValues >= 3);
  for (const p of piles) await until(async () => !(await row(p.id)).online, `pile ${p.code} offline after the simulator ended`, 3000);
});
