// DEV-YKC: the YKC (云快充) listener against hand-built frames (shared/protocols/ykc-v1.6.md): login of
// known / unknown / disabled piles, heartbeat per gun, billing model verify + request from the tariff in
// force, real-time data → gun state and latest values, every admin pile command answered over YKC, the
// message and online/offline logs, split / concatenated / CRC-high-first frames, a garbage flood, and
// offline state written at SIGTERM.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addProperty } from './lib/fixture.mjs';
import { freePort } from './lib/server.mjs';
import { ok, fail, sleep, until } from './lib/client.mjs';
import { approvedStation, defaultArea, addArea, addPile, addTariff } from './lib/car.mjs';
import { RawPile, frame, loginBody, heartbeatBody, modelVerifyBody, realtimeBody, recordBody, bcd, hex, fromHex } from './lib/ykc.mjs';

const ykcPort = await freePort();
const ctx = useServer({ env: { ZHICHONG_YKC_PORT: String(ykcPort), ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50', ZHICHONG_TESTING_ENABLED: 'true', ZHICHONG_YKC_MAX_BAD_FRAMES_PER_MINUTE: '5', ZHICHONG_LOG_LEVEL: 'info' } });
let station, area, piles = [], disabled, ocppPile;

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await addProperty(ctx.admin, P.id);
  station = await approvedStation(ctx.admin, ctx.admin, A.id);
  area = await defaultArea(ctx.admin, station.id);
  for (let i = 0; i < 4; i++) piles.push(await addPile(ctx.admin, station.id, area.id, { protocol: 'ykc', gunCount: 2 }));
  piles = await Promise.all(piles.map(async (p) => ok(await ctx.admin.get(`/car/pile/${p.id}`)).data));
  disabled = await addPile(ctx.admin, station.id, area.id, { protocol: 'ykc', gunCount: 1 });
  ok(await ctx.admin.put('/car/pile/changeStatus', { id: disabled.id, status: 1 }));
  disabled = ok(await ctx.admin.get(`/car/pile/${disabled.id}`)).data;
  ocppPile = ok(await ctx.admin.get(`/car/pile/${(await addPile(ctx.admin, station.id, area.id, { protocol: 'ocpp16', gunCount: 1 })).id}`)).data;
});

const row = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;
const messages = async (id) => ok(await ctx.admin.get(`/car/pile/${id}/messages`)).data;

async function loggedIn(p, opts = {}) {
  const pile = await RawPile.connect(ykcPort);
  pile.send(frame(0x01, loginBody(p.code, { guns: 2, ...opts }), 0x1234, opts.crcOrder));
  const r = await pile.next(0x02);
  assert.deepEqual(r.seqBytes, [0x34, 0x12], 'the reply echoes the request sequence');
  assert.equal(r.body[7], 0x00, 'login success');
  return pile;
}

test('unknown, disabled and non-YKC piles get a failure reply and are disconnected', async () => {
  for (const code of ['99999999999999', disabled.code, ocppPile.code]) {
    const pile = await RawPile.connect(ykcPort);
    pile.send(frame(0x01, loginBody(code), 7));
    const r = await pile.next(0x02);
    assert.equal(r.body[7], 0x01, `failure for ${code}`);
    assert.equal(hex(r.body.slice(0, 7)), code);
    await pile.waitClosed();
  }
  assert.equal((await row(disabled.id)).online, false);
});

test('frames before login are ignored; a pile that never logs in is closed', async () => {
  const pile = await RawPile.connect(ykcPort);
  pile.send(frame(0x03, heartbeatBody(piles[0].code), 1));
  await sleep(300);
  assert.equal(pile.frames.length, 0, 'no heartbeat reply before login');
  pile.close();
});

test('login: online, login data on the pile, clock sync, heartbeat per gun, online/offline log', async () => {
  const p = piles[0];
  const pile = await loggedIn(p);
  const sync = await pile.next(0x56);
  assert.equal(hex(sync.body.slice(0, 7)), p.code, 'clock sync after login');
  pile.send(frame(0x55, [...bcd(p.code), ...sync.body.slice(7, 14)], sync.seq));
  await until(async () => (await row(p.id)).online, 'online');
  const info = (await row(p.id)).ykc;
  assert.equal(info.pileType, 'DC');
  assert.equal(info.gunCount, 2);
  assert.equal(info.protocolVersion, '1.6');
  assert.equal(info.firmware, 'V4.1.50');
  assert.equal(info.sim, '89860412345678901234');
  assert.equal(info.network, 'lan');
  assert.equal(info.crcOrder, 'low_first');
  for (const gun of [1, 2]) {
    pile.send(frame(0x03, heartbeatBody(p.code, gun, gun === 2 ? 1 : 0), 10 + gun));
    const hb = await pile.next(0x04, 3000, (f) => f.body[7] === gun);
    assert.equal(hb.seq, 10 + gun);
  }
  await until(async () => (await row(p.id)).guns.find((g) => g.gunNo === 2).state === 'fault', 'gun 2 fault from its heartbeat');
  assert.equal((await row(p.id)).guns.find((g) => g.gunNo === 1).state, 'idle');
  const m = await messages(p.id);
  assert.equal(m.online, true);
  assert.equal(m.protocol, 'ykc');
  assert.ok(m.frames.some((f) => f.direction === 'in' && f.type === '0x01' && f.action === 'Login' && f.frame.includes('V4.1.50')));
  assert.ok(m.frames.some((f) => f.direction === 'out' && f.type === '0x04' && f.frame.startsWith('68 0D')));
  assert.ok(m.frames.some((f) => f.direction === 'in' && f.type === '0x55' && f.action === 'TimeSyncReply'), 'the answer to the clock sync is logged');
  const serverLog = ctx.server.stdout() + ctx.server.stderr();
  assert.match(serverLog, new RegExp(`ykc: ${p.code} online from`), 'the server log is read at info level');
  assert.doesNotMatch(serverLog, /without a command waiting/, 'the platform\'s own clock sync expects its answer');
  pile.close();
  await until(async () => !(await row(p.id)).online, 'offline after the pile disconnects');
  const log = (await ctx.admin.list('/stat/online/list', { deviceId: p.id })).rows;
  assert.deepEqual(log.map((r) => r.state), [0, 1]);
  assert.equal(log[1].protocol, 'ykc');
});

test('billing model: verify, request, the model number of the tariff version in force', async () => {
  const p = piles[1];
  const t = await addTariff(ctx.admin, station.id, area.id, { mode: 'unified', tiers: { flat: { energyPrice: 80000, servicePrice: 40000 } } });
  ok(await ctx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'a day later: the first version still in force');
  const pile = await loggedIn(p);
  pile.send(frame(0x05, modelVerifyBody(p.code, 0), 2));
  const v = await pile.next(0x06);
  assert.equal(v.body[9], 0x01, 'model 0000 is inconsistent');
  pile.send(frame(0x09, bcd(p.code), 3));
  const m = await pile.next(0x0a);
  const modelNo = Number(hex(m.body.slice(7, 9)));
  assert.ok(modelNo >= 1, `model number ${modelNo}`);
  const rate = (o) => m.body[o] | (m.body[o + 1] << 8) | (m.body[o + 2] << 16) | (m.body[o + 3] << 24);
  assert.equal(rate(25), 80000, 'flat energy rate 0.8 yuan/kWh');
  assert.equal(rate(29), 40000, 'flat service rate');
  assert.ok(m.body.slice(42, 90).every((s) => s === 0x02), 'unified: every slot flat');
  pile.send(frame(0x05, modelVerifyBody(p.code, modelNo), 4));
  assert.equal((await pile.next(0x06)).body[9], 0x00, 'consistent now');
  await until(async () => (await row(p.id)).ykc.modelNo === modelNo, 'model recorded on the pile');
  // tariffSync pushes 0x58 and records the answer
  const cmd = ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'tariffSync' });
  const set = await pile.next(0x58);
  assert.equal(Number(hex(set.body.slice(7, 9))), modelNo);
  pile.send(frame(0x57, [...bcd(p.code), 0x01], set.seq));
  assert.equal(ok(await cmd).data.result, 'accepted');
  const cmd2 = ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'tariffSync' });
  const set2 = await pile.next(0x58);
  pile.send(frame(0x57, [...bcd(p.code), 0x00], set2.seq));
  const r2 = await cmd2;
  assert.equal(r2.status, 409);
  assert.match(r2.body.msg, /设备拒绝执行/);
  await until(async () => (await row(p.id)).ykc.modelResult === 'rejected', 'refusal recorded');
  ok(await ctx.admin.post('/test/clock', { offsetMs: 0 }));
  void t;
  pile.close();
});

// Issue 13 item 10: a pile of a new area asks for its billing model (0x09) and is not answered while the
// area has no tariff in force; the area's first tariff is in force at once, so the next request is answered
// the same day — and 同步计费规则 works. Meanwhile the pile list marks the pile.
test('a pile of a new area gets its billing model as soon as the first tariff is saved', async () => {
  const fresh = await addArea(ctx.admin, station.id);
  const p = ok(await ctx.admin.get(`/car/pile/${(await addPile(ctx.admin, station.id, fresh.id, { protocol: 'ykc', gunCount: 1 })).id}`)).data;
  const pile = await loggedIn(p, { guns: 1 });
  await until(async () => (await row(p.id)).online, 'online');
  const listed = async () => (await ctx.admin.list('/car/pile/list', { areaId: fresh.id })).rows[0];
  assert.deepEqual([(await listed()).online, (await listed()).tariffInForce], [true, false], 'online, marked: no tariff in force');
  pile.send(frame(0x09, bcd(p.code), 21));
  await assert.rejects(pile.next(0x0a, 800), /no frame 0xa/, 'no tariff in force: not answered');
  assert.equal(fail(await ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'tariffSync' }), 409, /没有生效的计费规则/).data.reason, 'no_tariff');

  await addTariff(ctx.admin, station.id, fresh.id, { mode: 'unified', tiers: { flat: { energyPrice: 90000, servicePrice: 30000 } } });
  assert.equal((await listed()).tariffInForce, true);
  pile.send(frame(0x09, bcd(p.code), 22));
  const m = await pile.next(0x0a);
  const rate = (o) => m.body[o] | (m.body[o + 1] << 8) | (m.body[o + 2] << 16) | (m.body[o + 3] << 24);
  assert.deepEqual([rate(25), rate(29)], [90000, 30000], 'the new tariff, the same day');
  const modelNo = Number(hex(m.body.slice(7, 9)));
  const cmd = ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'tariffSync' });
  const set = await pile.next(0x58);
  assert.equal(Number(hex(set.body.slice(7, 9))), modelNo);
  pile.send(frame(0x57, [...bcd(p.code), 0x01], set.seq));
  assert.equal(ok(await cmd).data.result, 'accepted');
  pile.close();
});

test('real-time data: gun state, voltage, current, SOC, energy, amount', async () => {
  const p = piles[2];
  const pile = await loggedIn(p);
  const serial = p.code + '01' + '2411240900000001';
  pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 1, status: 3, plugged: 1, voltage: 3800, current: 1000, soc: 42, energy: 123456, amount: 98765 }), 5));
  await until(async () => (await row(p.id)).guns.find((g) => g.gunNo === 1).state === 'charging', 'gun 1 charging');
  const m = (await messages(p.id)).meters.find((x) => x.connectorId === 1);
  assert.equal(m.energy, 123456);
  assert.equal(m.voltageV, 380);
  assert.equal(m.currentA, 100);
  assert.equal(m.soc, 42);
  assert.equal(m.powerW, 38000);
  assert.equal(m.amount, 98765, 'amount so far (0.0001 yuan)');
  assert.equal(m.state, 'charging');
  pile.send(frame(0x13, realtimeBody(p.code, { gun: 2, status: 2, plugged: 1 }), 6));
  await until(async () => (await row(p.id)).guns.find((g) => g.gunNo === 2).state === 'plugged', 'gun 2 plugged');
  const frames = (await messages(p.id)).frames;
  assert.ok(frames.some((f) => f.type === '0x13' && f.frame.includes('gun 1 charging') && f.frame.includes('12.3456 kWh 9.8765 yuan')));
  pile.close();
});

test('remote start / stop over frames; two idle reports flag the session; records applied once, 5-tier by length', async () => {
  const p = piles[2];
  const pile = await loggedIn(p);
  const txs = async () => ok(await ctx.admin.get('/test/device/transactions', { deviceId: p.id })).data;
  const cmd = (command, args) => ctx.admin.post('/test/device/command', { deviceType: 'car_pile', deviceId: p.id, command, args });
  const started = cmd('remoteStart', { connectorId: '2', idTag: 'T1', balance: '5000' });
  const q = await pile.next(0x34);
  const serial = hex(q.body.slice(0, 16));
  assert.equal(serial.slice(0, 16), p.code + '02', 'serial = pile code + gun + …');
  assert.equal(q.body[23], 0x02);
  assert.equal(q.body[40] | (q.body[41] << 8), 5000, 'balance in 0.01 yuan');
  pile.send(frame(0x33, [...q.body.slice(0, 24), 0x01, 0x00], q.seq));
  const r = ok(await started).data;
  assert.equal(r.result, 'accepted');
  assert.equal(r.message, `serial=${serial}`);
  await until(async () => (await txs()).find((t) => t.serial === serial), 'transaction of the serial');
  // the pile reports idle twice while the session runs → flagged
  pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 2, status: 3, plugged: 1, energy: 5000 }), 20));
  pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 2, status: 2, plugged: 1, energy: 5000 }), 21));
  pile.send(frame(0x13, realtimeBody(p.code, { serial, gun: 2, status: 2, plugged: 1, energy: 5000 }), 22));
  await until(async () => (await txs()).find((t) => t.serial === serial).abnormal === 1, 'session flagged');
  assert.equal((await messages(p.id)).meters.find((x) => x.connectorId === 2).abnormal, true, 'flag readable from the meter store');
  assert.match((await txs()).find((t) => t.serial === serial).flags, /two idle/);
  await until(async () => (await txs()).find((t) => t.serial === serial).meterLast === 5000, 'latest energy persisted (coalesced)');
  const stop = cmd('remoteStop', { connectorId: '2' });
  const sq = await pile.next(0x36);
  pile.send(frame(0x35, [...bcd(p.code), 0x02, 0x01, 0x00], sq.seq));
  assert.equal(ok(await stop).data.result, 'accepted');
  // the idle report that ends the session (zero serial, zero energy) keeps the session's last reading:
  // an admin ending the order before the record arrives settles by it
  pile.send(frame(0x13, realtimeBody(p.code, { gun: 2, status: 2, plugged: 1 }), 23));
  await until(async () => (await messages(p.id)).meters.find((x) => x.connectorId === 2).state === 'plugged', 'idle report applied');
  const last = (await messages(p.id)).meters.find((x) => x.connectorId === 2);
  assert.equal(last.energy, 5000, JSON.stringify(last));
  assert.ok(last.transactionId > 0, 'still the session\'s reading');
  // the record: acknowledged every time, applied once
  const now = Date.now();
  const tiers = [{ price: 230000, energy: 1000, amount: 2300 }, { price: 180000, energy: 2000, amount: 3600 },
    { price: 130000, energy: 1500, amount: 1950 }, { price: 70000, energy: 500, amount: 350 }];
  const rec = recordBody(p.code, { serial, gun: 2, start: now - 600000, end: now - 1000, tiers, meterStart: 100000, stopReason: 0x40 });
  assert.equal(rec.length, 158);
  for (const seq of [30, 31]) {
    pile.send(frame(0x3b, rec, seq));
    const ack = await pile.next(0x40);
    assert.equal(ack.seq, seq);
    assert.equal(hex(ack.body.slice(0, 16)), serial);
    assert.equal(ack.body[16], 0x00);
  }
  const t = (await txs()).filter((x) => x.serial === serial);
  assert.equal(t.length, 1);
  assert.equal(t[0].status, 'stopped');
  assert.equal(t[0].energy, 5000);
  assert.equal(t[0].amount, 8200);
  assert.equal(t[0].meterStop, 105000);
  assert.equal(t[0].stopCode, 0x40);
  assert.match(t[0].stopReason, /APP remote stop/);
  assert.ok(Math.abs(t[0].stopTime - (now - 1000)) < 1000, 'CP56Time2a read in the station zone');
  assert.deepEqual(JSON.parse(t[0].tiers).map((x) => x.tier), ['sharp', 'peak', 'flat', 'valley']);
  // an offline session (serial from the pile) in the five-tier layout: created and stopped in one go
  const serial5 = p.code + '01' + '2411240800009999';
  const rec5 = recordBody(p.code, { serial: serial5, gun: 1, start: now - 7200000, end: now - 3600000, startType: 4, card: '00000000D14B0A54',
    tiers: [...tiers, { price: 50000, energy: 400, amount: 200 }] });
  assert.equal(rec5.length, 174);
  pile.send(frame(0x3b, rec5, 40));
  assert.equal((await pile.next(0x40)).body[16], 0x00);
  const t5 = (await txs()).find((x) => x.serial === serial5);
  assert.equal(t5.status, 'stopped');
  assert.equal(t5.startMethod, 'offline_card');
  assert.equal(t5.card, '00000000D14B0A54');
  assert.equal(t5.energy, 5400);
  assert.equal(JSON.parse(t5.tiers).length, 5);
  pile.close();
});

test('every pile command of the admin web is answered over YKC', async () => {
  const p = piles[3];
  const pile = await loggedIn(p);
  const answer = async (command, reqType, replyBody) => {
    const r = ctx.admin.post(`/car/pile/${p.id}/command`, { command });
    const req = await pile.next(reqType);
    assert.equal(hex(req.body.slice(0, 7)), p.code);
    const body = replyBody(req);
    if (body) pile.send(frame({ 0x92: 0x91, 0x56: 0x55, 0xf0: 0xf1 }[reqType], body, req.seq));
    return { res: await r, req };
  };
  let { res, req } = await answer('reboot', 0x92, () => [...bcd(p.code), 0x01]);
  assert.equal(ok(res).data.result, 'accepted');
  assert.equal(res.body.data.reason, 'accepted');
  assert.equal(req.body[7], 0x01, 'reboot now');
  ({ res, req } = await answer('clockSync', 0x56, (q) => [...bcd(p.code), ...q.body.slice(7, 14)]));
  assert.equal(ok(res).data.result, 'accepted');
  ({ res, req } = await answer('qrSync', 0xf0, () => [...bcd(p.code), 0x01]));
  assert.equal(ok(res).data.result, 'accepted');
  const prefix = Buffer.from(req.body.slice(9, 9 + req.body[8])).toString();
  assert.equal(req.body[7], 0x00, 'prefix + pile code');
  assert.match(prefix, /\/app\/gun\/$/);
  assert.equal(prefix + p.code + '01', p.guns.find((g) => g.gunNo === 1).qrUrl);
  // refresh: 0x12 per gun, answered with 0x13
  const r = ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'refresh' });
  for (const gun of [1, 2]) {
    const q = await pile.next(0x12, 5000, (f) => f.body[7] === gun);
    pile.send(frame(0x13, realtimeBody(p.code, { gun, status: 2 }), q.seq));
  }
  assert.equal(ok(await r).data.result, 'accepted');
  // YKC has no hotline frame: the platform's decision, not the pile's refusal
  const hot = await ctx.admin.post(`/car/pile/${p.id}/command`, { command: 'hotlineSync' });
  assert.equal(hot.status, 409);
  assert.match(hot.body.msg, /通信协议不支持此指令，平台未下发/);
  assert.equal(hot.body.data.reason, 'unsupported_by_protocol');
  // a refusal is the pile's answer
  ({ res } = await answer('reboot', 0x92, () => [...bcd(p.code), 0x00]));
  assert.equal(res.status, 409);
  assert.match(res.body.msg, /设备拒绝执行/);
  assert.equal(res.body.data.reason, 'refused');
  // silence is a timeout (the car module waits 10 s)
  const t0 = Date.now();
  ({ res } = await answer('clockSync', 0x56, () => null));
  assert.equal(res.status, 409);
  assert.match(res.body.msg, /超时/);
  assert.equal(res.body.data.reason, 'timeout');
  assert.ok(Date.now() - t0 >= 9000);
  const frames = (await messages(p.id)).frames;
  assert.ok(frames.some((f) => f.direction === 'out' && f.type === '0x92'));
  assert.ok(frames.some((f) => f.direction === 'in' && f.type === '0x91'));
  pile.close();
});

test('split and concatenated frames, CRC high byte first, garbage flood closes the connection', async () => {
  const p = piles[0];
  const pile = await RawPile.connect(ykcPort);
  const login = frame(0x01, loginBody(p.code), 1, 'high');
  for (const b of login) { pile.send([b]); await sleep(2); }  // one byte at a time
  const r = await pile.next(0x02);
  assert.equal(r.body[7], 0x00);
  // pile policy: the reply mirrors the pile's CRC order (high byte first)
  const c = r.raw.slice(2, r.raw.length - 2);
  let crc = 0xffff;
  for (const b of c) { crc ^= b; for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1; }
  assert.deepEqual(r.crc, [crc >> 8, crc & 0xff], 'reply CRC high byte first like the pile');
  // two heartbeats in one write plus half of a third
  const hb = Buffer.concat([frame(0x03, heartbeatBody(p.code, 1), 2, 'high'), frame(0x03, heartbeatBody(p.code, 2), 3, 'high'), frame(0x03, heartbeatBody(p.code, 1), 4, 'high')]);
  pile.send(hb.subarray(0, hb.length - 5));
  await pile.next(0x04, 3000, (f) => f.seq === 2);
  await pile.next(0x04, 3000, (f) => f.seq === 3);
  pile.send(hb.subarray(hb.length - 5));
  await pile.next(0x04, 3000, (f) => f.seq === 4);
  await until(async () => (await row(p.id)).ykc?.crcOrder === 'high_first', 'crc order remembered');
  // the spec's 0x04 sample with a wrong length is not a frame; garbage runs count as bad frames
  for (let i = 0; i < 8 && !pile.closed; i++) { pile.send(fromHex('68 09 36 00 00 04 55 03 14 12 78 23 05 01 00 00 00')); pile.send(Buffer.from('garbage!garbage!')); await sleep(30); }
  await pile.waitClosed();
  await until(async () => !(await row(p.id)).online, 'offline after the flood');
  const log = (await ctx.admin.list('/stat/online/list', { deviceId: p.id })).rows;
  assert.match(log[0].reason, /too many bad frames/);
});

test('a new connection of the same pile replaces the old one; SIGTERM writes offline', async () => {
  const p = piles[1];
  const a = await loggedIn(p);
  const b = await loggedIn(p);
  await a.waitClosed();
  await until(async () => (await row(p.id)).online, 'online on the new connection');
  await ctx.server.stop();
  await b.waitClosed();
  void b;
});
