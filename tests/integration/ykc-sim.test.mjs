// DEV-YKC with zhichong-sim ykc (simulated YKC v1.6 piles) against the real server: login, the tariff in
// force as billing model, every admin pile command, reboot + reconnect, remote start/stop through the
// gateway (incl. the 60 s "plug in now" rule and a refused start), card and VIN starts (0x31/0x32),
// transaction records (retransmitted copies acknowledged, applied once), ground lock commands on a
// bound spot, and a silently dead pile going offline after ykc.idle_timeout_s.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { binaryPath, freePort } from './lib/server.mjs';
import { ok, until as untilTrue } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from './lib/car.mjs';

const sim = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
let haveSim = false;
try { haveSim = existsSync(sim) && execFileSync(sim, ['ykc', '--help'], { encoding: 'utf8' }).includes('YKC'); } catch { haveSim = false; }
const skip = !haveSim && `${sim} has no 'ykc' subcommand yet`;

const ykcPort = await freePort();
const ctx = useServer({ env: {
  ZHICHONG_YKC_PORT: String(ykcPort), ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50', ZHICHONG_TESTING_ENABLED: 'true',
  ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true', ZHICHONG_YKC_IDLE_TIMEOUT_S: '3' } });
let station, area, spot;

before(async () => {
  if (!haveSim) return;
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  area = await defaultArea(ctx.admin, station.id);
  await addTariff(ctx.admin, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS });
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force');
  ok(await ctx.admin.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 1, lockType: 1 }));
  spot = (await ctx.admin.list('/car/spot/list', { stationId: station.id })).rows[0];
});

const until = (fn, what, ms = 10000) => untilTrue(fn, what, ms);
const row = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;
// the live session (registry), not the coalesced database column
const live = async (id) => ok(await ctx.admin.get(`/car/pile/${id}/messages`)).data.online;
const ended = (p) => until(async () => !(await live(p.id)), `${p.code} disconnected`);
const txs = async (id) => ok(await ctx.admin.get('/test/device/transactions', { deviceId: id })).data;
const command = async (id, command, args = {}, deviceType = 'car_pile') =>
  ok(await ctx.admin.post('/test/device/command', { deviceType, deviceId: id, command, args, timeoutMs: 8000 })).data;

async function piles(n, fields = {}) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await row((await addPile(ctx.admin, station.id, area.id, { protocol: 'ykc', gunCount: 2, ...fields })).id));
  return out;
}

/** Runs zhichong-sim ykc for the piles; events: the JSON lines so far; done: exit code. */
function runSim(list, args) {
  const proc = spawn(sim, ['ykc', '--host', '127.0.0.1', '--port', String(ykcPort), '--codes', list.map((p) => p.code).join(','),
    '--guns', '2', '--heartbeat', '1', '--realtime-interval', '0.3', '--idle-interval', '1', '--reconnect', '0.3', '--quiet', '--events', ...args],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  const run = { events: [], err: '' };
  let buf = '';
  proc.stdout.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try { run.events.push(JSON.parse(line)); } catch { /* summary lines */ }
    }
  });
  proc.stderr.on('data', (d) => { run.err += d; });
  run.done = new Promise((res) => proc.on('exit', (code) => res(code)));
  run.find = (pred) => run.events.find(pred);
  run.wait = (pred, what, ms) => until(async () => run.find(pred), what, ms);
  return run;
}

test('piles log in, get the tariff in force, answer every admin command, reconnect after reboot', { skip }, async () => {
  const [a, b] = await piles(2);
  const s = runSim([a, b], ['--duration', '12']);
  for (const p of [a, b]) await until(async () => (await row(p.id)).online, `${p.code} online`);
  const model = await s.wait((e) => e.event === 'model' && e.code === a.code, 'model received');
  await until(async () => (await row(a.id)).ykc?.modelNo === model.modelNo, 'model number recorded');
  assert.equal((await row(a.id)).ykc.firmware, 'SIM1.6.0');
  for (const c of ['clockSync', 'tariffSync', 'qrSync', 'refresh']) {
    const r = ok(await ctx.admin.post(`/car/pile/${b.id}/command`, { command: c }), c);
    assert.equal(r.data.result, 'accepted', c);
  }
  assert.ok(s.find((e) => e.event === 'command' && e.code === b.code && e.type === '0xF0' && String(e.prefix).endsWith('/app/gun/')));
  assert.equal((await ctx.admin.post(`/car/pile/${b.id}/command`, { command: 'hotlineSync' })).status, 409);
  assert.equal(ok(await ctx.admin.post(`/car/pile/${b.id}/command`, { command: 'reboot' })).data.result, 'accepted');
  await until(async () => (await ctx.admin.list('/stat/online/list', { deviceId: b.id })).rows.map((r) => r.state).join() === '1,0,1', 'offline + online again after the reboot');
  assert.equal(await s.done, 0, s.err.slice(-2000));
  for (const p of [a, b]) await until(async () => !(await row(p.id)).online, `${p.code} offline at the end`, 5000);
});

test('remote start and stop, records retransmitted and applied once, plug-in window, refused start', { skip }, async () => {
  const [a] = await piles(1);
  const s = runSim([a], ['--duration', '14', '--charge-duration', '1.5', '--retransmit-record', '2', '--power', '30']);
  await until(async () => (await row(a.id)).online, 'online');
  await s.wait((e) => e.event === 'model', 'model');
  const r = await command(a.id, 'remoteStart', { connectorId: '1', idTag: 'APP0001' });
  assert.equal(r.result, 'accepted', r.message);
  const serial = r.message.match(/serial=(\d{32})/)[1];
  assert.ok(serial.startsWith(a.code + '01'), serial);
  await until(async () => (await row(a.id)).guns.find((g) => g.gunNo === 1).state === 'charging', 'gun 1 charging');
  await s.wait((e) => e.event === 'record' && e.serial === serial && e.copy === 2 && e.confirmed, 'third copy of the record acknowledged');
  const list = (await txs(a.id)).filter((t) => t.serial === serial);
  assert.equal(list.length, 1, 'applied once');
  const t = list[0];
  assert.equal(t.status, 'stopped');
  assert.equal(t.startMethod, 'app');
  assert.equal(t.idTag, 'APP0001');
  assert.ok(t.energy > 0 && t.amount > 0, JSON.stringify(t));
  const tiers = JSON.parse(t.tiers);
  assert.equal(tiers.length, 4);
  assert.equal(tiers.reduce((n, x) => n + x.energy, 0), t.energy, 'per-tier energies add up');
  // stop by the platform: a session without end
  const s2done = await s.done;
  assert.equal(s2done, 0, s.err.slice(-2000));
  await ended(a);
  const s2 = runSim([a], ['--duration', '10']);
  await until(async () => live(a.id), 'online again');
  await s2.wait((e) => e.event === 'model', 'billing model received (the pile refuses to start without it)');
  const r2 = await command(a.id, 'remoteStart', { connectorId: '2', idTag: 'APP0002' });
  assert.equal(r2.result, 'accepted', r2.message);
  const serial2 = r2.message.match(/serial=(\d{32})/)[1];
  await until(async () => (await row(a.id)).guns.find((g) => g.gunNo === 2).state === 'charging', 'gun 2 charging');
  const running = (await txs(a.id)).find((x) => x.serial === serial2);
  assert.equal(running.status, 'active');
  const stop = await command(a.id, 'remoteStop', { transactionId: String(running.id) });
  assert.equal(stop.result, 'accepted', stop.message);
  await until(async () => (await txs(a.id)).find((x) => x.serial === serial2).status === 'stopped', 'record after the stop');
  assert.equal(await s2.done, 0, s2.err.slice(-2000));
  // plugged 1 s after the command: "not plugged" first, then the pile starts within 60 s
  await ended(a);
  const s3 = runSim([a], ['--duration', '8', '--charge-after', '1', '--charge-duration', '1']);
  await until(async () => live(a.id), 'online again');
  await s3.wait((e) => e.event === 'model', 'billing model received (the pile refuses to start without it)');
  const r3 = await command(a.id, 'remoteStart', { connectorId: '1', idTag: 'APP0003' });
  assert.equal(r3.result, 'rejected');
  assert.equal(r3.reason, 'not_plugged_in');
  const serial3 = r3.message.match(/serial=(\d{32})/)[1];
  await until(async () => (await txs(a.id)).some((x) => x.serial === serial3), 'session started after the plug-in');
  assert.equal(await s3.done, 0, s3.err.slice(-2000));
  await ended(a);
  const s4 = runSim([a], ['--duration', '4', '--refuse-start']);
  await until(async () => live(a.id), 'online again');
  await s4.wait((e) => e.event === 'model', 'billing model received (the pile refuses to start without it)');
  const r4 = await command(a.id, 'remoteStart', { connectorId: '1', idTag: 'APP0004' });
  assert.equal(r4.result, 'rejected');
  assert.equal(r4.reason, 'failed', r4.message);
  assert.equal(await s4.done, 0, s4.err.slice(-2000));
});

test('card and VIN starts go through the charging service; records carry card / VIN', { skip }, async () => {
  const [a, b] = await piles(2);
  const s = runSim([a], ['--duration', '8', '--card-start-after', '1', '--card', '00000000D14B0A54', '--charge-duration', '1']);
  const v = runSim([b], ['--duration', '8', '--vin-start-after', '1', '--vin', 'LSVAU2180N2183294', '--charge-duration', '1']);
  await until(async () => (await txs(a.id)).some((t) => t.status === 'stopped'), 'card session recorded');
  await until(async () => (await txs(b.id)).some((t) => t.status === 'stopped'), 'VIN session recorded');
  const tc = (await txs(a.id)).find((t) => t.status === 'stopped');
  assert.equal(tc.startMethod, 'card');
  assert.equal(tc.card, '00000000D14B0A54');
  assert.equal(tc.idTag, 'card:00000000D14B0A54');
  const tv = (await txs(b.id)).find((t) => t.status === 'stopped');
  assert.equal(tv.startMethod, 'vin');
  assert.equal(tv.vin, 'LSVAU2180N2183294');
  assert.ok(s.find((e) => e.event === 'start' && e.via === 'card' && e.result === 'ok'));
  assert.equal(await s.done, 0, s.err.slice(-2000));
  assert.equal(await v.done, 0, v.err.slice(-2000));
});

test('ground lock of a spot bound to a pile gun (at once, while the pile is online); silent pile goes offline after the idle timeout', { skip }, async () => {
  const [a] = await piles(1);
  const s = runSim([a], ['--duration', '12', '--silent-disconnect-after', '6']);
  await until(async () => (await row(a.id)).online, 'online');
  // The lock is bound while the pile is connected: its commands go through the pile at once.
  const ykcPiles = (await ctx.admin.list('/car/pile/list', { stationId: a.stationId, protocol: 'ykc' })).rows;
  assert.ok(ykcPiles.some((p) => p.id === a.id) && ykcPiles.every((p) => p.protocol === 'ykc'));
  ok(await ctx.admin.put('/car/spot/lockPile', { id: spot.id, pileId: a.id, gunNo: 1 }));
  const bad = await ctx.admin.put('/car/spot/lockPile', { id: spot.id, pileId: a.id, gunNo: 3 });
  assert.equal(bad.status, 400);
  assert.match(bad.body.msg, /gunNo/);
  const bound = ok(await ctx.admin.get(`/car/spot/${spot.id}`)).data;
  assert.equal(bound.lockPileId, a.id);
  assert.equal(bound.lockPileCode, a.code);
  assert.equal(bound.lockGunNo, 1);
  const open = await ctx.admin.put('/car/spot/lock', { id: spot.id, action: 'open' });
  assert.equal(ok(open).data.result, 'accepted');
  assert.ok(s.find((e) => e.event === 'lock' && e.command === 'lower' && e.gun === 1));
  await until(async () => ok(await ctx.admin.get(`/car/spot/${spot.id}`)).data.lockState === 'open', 'spot open');
  assert.equal(ok(await ctx.admin.put('/car/spot/lock', { id: spot.id, action: 'close' })).data.result, 'accepted');
  await until(async () => ok(await ctx.admin.get(`/car/spot/${spot.id}`)).data.lockState === 'closed', 'spot closed');
  // Unbound: the spot's lock has no device any more — the command says so instead of reaching the pile.
  ok(await ctx.admin.put('/car/spot/lockPile', { id: spot.id, pileId: null }));
  assert.equal(ok(await ctx.admin.get(`/car/spot/${spot.id}`)).data.lockPileId, null);
  const lockCommands = s.events.filter((e) => e.event === 'lock' && e.command).length;
  const unbound = await ctx.admin.put('/car/spot/lock', { id: spot.id, action: 'open' });
  assert.notEqual(unbound.body.data?.result, 'accepted');
  assert.equal(s.events.filter((e) => e.event === 'lock' && e.command).length, lockCommands);
  ok(await ctx.admin.put('/car/spot/lockPile', { id: spot.id, pileId: a.id, gunNo: 1 }));
  await s.wait((e) => e.event === 'silent', 'pile goes silent', 8000);
  await until(async () => !(await row(a.id)).online, 'offline after ykc.idle_timeout_s', 6000);
  const log = (await ctx.admin.list('/stat/online/list', { deviceId: a.id })).rows;
  assert.match(log[0].reason, /idle_timeout/);
  assert.equal(await s.done, 0, s.err.slice(-2000));
});
