// OCPP 1.6J conformance (issue 5, shared/protocols/ocpp16.md): the core profile under ocpp-rpc's strict
// mode (every response of ours is checked against the official schemas), CALLERROR codes for malformed
// frames, refused upgrades, admin commands reaching the charger and their results coming back, the
// online/offline log and the message log.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from '../integration/lib/fixture.mjs';
import { ok, fail } from '../integration/lib/client.mjs';
import { addPile } from '../integration/lib/car.mjs';
import { site, ocppPile, strictClient, rawSocket, until, now, sleep } from './lib/ocpp.mjs';

const ctx = useServer({
  env: {
    ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true',
    ZHICHONG_OCPP_COMMAND_TIMEOUT_MS: '1500',
    ZHICHONG_OCPP_HEARTBEAT_INTERVAL_S: '42',
    ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
    // the core-profile test reads its BootNotification back after ~35 frames: more than the default budget
    ZHICHONG_OCPP_MESSAGE_LOG_BYTES: '65536',
  },
});
let S;
before(async () => {
  await ctx.ready();
  S = await site(ctx.admin);
});

async function pileRow(id) { return ok(await ctx.admin.get(`/car/pile/${id}`)).data; }
async function onlineLog(query) { return (await ctx.admin.list('/stat/online/list', query)).rows; }
async function command(id, name) { return ctx.admin.post(`/car/pile/${id}/command`, { command: name }); }

test('core profile: boot, heartbeat, status, authorize, start, meter values, stop — every answer schema-valid', async () => {
  const p = await ocppPile(ctx.admin, S);
  const cli = await strictClient(ctx.server, p.code);
  try {
    const boot = await cli.call('BootNotification', { chargePointVendor: 'ZhiChong', chargePointModel: 'SIM-1', firmwareVersion: '1.0.0' });
    assert.equal(boot.status, 'Accepted');
    assert.equal(boot.interval, 42, 'heartbeat interval from ocpp.heartbeat_interval_s');
    assert.ok(Math.abs(Date.parse(boot.currentTime) - Date.now()) < 60000, 'currentTime is now');
    const hb = await cli.call('Heartbeat', {});
    assert.ok(Date.parse(hb.currentTime) > 0);
    for (const connectorId of [0, 1, 2])
      assert.deepEqual(await cli.call('StatusNotification', { connectorId, errorCode: 'NoError', status: 'Available', timestamp: now() }), {});
    await until(async () => (await pileRow(p.id)).online, 'pile online');
    const guns = () => pileRow(p.id).then((r) => Object.fromEntries(r.guns.map((g) => [g.gunNo, g.state])));
    await until(async () => (await guns())[1] === 'idle', 'gun 1 idle');

    const auth = await cli.call('Authorize', { idTag: 'CARD0001' });
    assert.equal(auth.idTagInfo.status, 'Accepted');
    await cli.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Preparing' });
    const ts = now();
    const start = await cli.call('StartTransaction', { connectorId: 1, idTag: 'CARD0001', meterStart: 1000, timestamp: ts });
    assert.equal(start.idTagInfo.status, 'Accepted');
    assert.ok(Number.isInteger(start.transactionId) && start.transactionId > 0);
    const again = await cli.call('StartTransaction', { connectorId: 1, idTag: 'CARD0001', meterStart: 1000, timestamp: ts });
    assert.equal(again.transactionId, start.transactionId, 'a retried StartTransaction maps to the same transaction');
    await cli.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    await until(async () => (await guns())[1] === 'charging', 'gun 1 charging');
    assert.deepEqual(await cli.call('MeterValues', {
      connectorId: 1, transactionId: start.transactionId,
      meterValue: [{ timestamp: now(), sampledValue: [
        { value: '1500', measurand: 'Energy.Active.Import.Register', unit: 'Wh' },
        { value: '7.2', measurand: 'Power.Active.Import', unit: 'kW' },
        { value: '55', measurand: 'SoC', unit: 'Percent' },
      ] }],
    }), {});
    const live = ok(await ctx.admin.get(`/car/pile/${p.id}/messages`)).data;
    const m1 = live.meters.find((m) => m.connectorId === 1);
    assert.equal(m1.energy, 15000, 'latest energy register kept (0.0001 kWh)');
    assert.equal(m1.powerW, 7200);
    assert.equal(m1.soc, 55);
    assert.equal(m1.transactionId, start.transactionId);

    const stop = await cli.call('StopTransaction', {
      transactionId: start.transactionId, idTag: 'CARD0001', meterStop: 2500, timestamp: now(), reason: 'Local',
      transactionData: [{ timestamp: now(), sampledValue: [{ value: '2500', measurand: 'Energy.Active.Import.Register' }] }],
    });
    assert.equal(stop.idTagInfo.status, 'Accepted');
    // business conditions are answered normally, never with a CALLERROR
    assert.deepEqual(await cli.call('StopTransaction', { transactionId: 987654, meterStop: 1, timestamp: now() }), {});
    assert.deepEqual(await cli.call('StopTransaction', { transactionId: start.transactionId, meterStop: 2500, timestamp: now() }), {});
    assert.deepEqual(await cli.call('MeterValues', { connectorId: 1, transactionId: 424242, meterValue: [{ timestamp: now(), sampledValue: [{ value: 'n/a' }] }] }), {});
    assert.deepEqual(await cli.call('StatusNotification', { connectorId: 9, errorCode: 'NoError', status: 'Available' }), {});
    assert.equal((await cli.call('DataTransfer', { vendorId: 'com.example', messageId: 'x', data: 'y' })).status, 'UnknownVendorId');
    assert.deepEqual(await cli.call('FirmwareStatusNotification', { status: 'Idle' }), {});
    assert.deepEqual(await cli.call('DiagnosticsStatusNotification', { status: 'Idle' }), {});
    await cli.call('StatusNotification', { connectorId: 0, errorCode: 'GroundFailure', status: 'Faulted' });
    await until(async () => Object.values(await guns()).every((s) => s === 'fault'), 'connector 0 fault → every gun fault');

    const log = ok(await ctx.admin.get(`/car/pile/${p.id}/messages`)).data;
    assert.equal(log.online, true);
    assert.equal(log.protocol, 'ocpp16');
    assert.ok(log.lastSeen >= log.since);
    const boots = log.frames.filter((f) => f.action === 'BootNotification');
    assert.deepEqual(boots.map((f) => `${f.direction} ${f.type}`).sort(), ['in CALL', 'out CALLRESULT']);
    assert.ok(JSON.parse(boots.find((f) => f.direction === 'in').frame)[3].chargePointModel === 'SIM-1', 'frames are kept as sent');
  } finally {
    await cli.close({ force: true });
  }
});

test('unknown, disabled and non-OCPP charge points are refused at the upgrade (404); wrong subprotocol refused', async () => {
  await assert.rejects(rawSocket(ctx.server, 'NO-SUCH-PILE'), (e) => e.status === 404);
  const ykc = await addPile(ctx.admin, S.station.id, S.area.id, { protocol: 'ykc' });
  const ykcRow = await pileRow(ykc.id);
  await assert.rejects(rawSocket(ctx.server, ykcRow.code), (e) => e.status === 404);
  const p = await ocppPile(ctx.admin, S);
  ok(await ctx.admin.put('/car/pile/changeStatus', { id: p.id, status: 1 }));
  await assert.rejects(rawSocket(ctx.server, p.code), (e) => e.status === 404);
  ok(await ctx.admin.put('/car/pile/changeStatus', { id: p.id, status: 0 }));
  await assert.rejects(rawSocket(ctx.server, p.code, { protocol: 'ocpp2.0.1' }), (e) => e.status === 400);
  await assert.rejects(rawSocket(ctx.server, p.code, { protocol: null }), (e) => e.status === 400);
  // by factory number too
  const s = await rawSocket(ctx.server, p.factoryNo);
  s.ws.close();
  await s.closed();
  // the HTTP API is unaffected on the same port
  ok(await ctx.admin.get('/getInfo'));
});

test('malformed frames get the right CALLERROR code and the connection survives', async () => {
  const p = await ocppPile(ctx.admin, S);
  const s = await rawSocket(ctx.server, p.code);
  const expectError = async (frame, id, code) => {
    s.send(frame);
    const r = await s.next();
    assert.ok(Array.isArray(r) && r[0] === 4, `CALLERROR for ${JSON.stringify(frame)}: ${JSON.stringify(r)}`);
    assert.equal(r[1], id, `message id echoed for ${JSON.stringify(frame)}`);
    assert.equal(r[2], code, `${JSON.stringify(frame)} → ${JSON.stringify(r)}`);
    assert.equal(typeof r[3], 'string');
    assert.deepEqual(r[4], {});
  };
  await expectError('this is not json', '-1', 'FormationViolation');
  await expectError('{"a":1}', '-1', 'FormationViolation');
  await expectError([2, 'a1', 'Heartbeat'], 'a1', 'FormationViolation');
  await expectError([2, 42, 'Heartbeat', {}], '-1', 'FormationViolation');
  await expectError([7, 'a2', 'Heartbeat', {}], 'a2', 'FormationViolation');
  await expectError([2, 'a3', 'FlyToTheMoon', {}], 'a3', 'NotImplemented');
  await expectError([2, 'a4', 'Reset', { type: 'Hard' }], 'a4', 'NotSupported');
  await expectError([2, 'a5', 'Heartbeat', []], 'a5', 'FormationViolation');
  await expectError([2, 'a6', 'Heartbeat', { extra: 1 }], 'a6', 'FormationViolation');
  await expectError([2, 'a7', 'BootNotification', { chargePointVendor: 12, chargePointModel: 'M' }], 'a7', 'TypeConstraintViolation');
  await expectError([2, 'a8', 'BootNotification', { chargePointModel: 'M' }], 'a8', 'OccurenceConstraintViolation');
  await expectError([2, 'a9', 'BootNotification', { chargePointVendor: 'V'.repeat(21), chargePointModel: 'M' }], 'a9', 'PropertyConstraintViolation');
  await expectError([2, 'b1', 'StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Sleeping' }], 'b1', 'PropertyConstraintViolation');
  await expectError([2, 'b2', 'StatusNotification', { connectorId: '1', errorCode: 'NoError', status: 'Available' }], 'b2', 'TypeConstraintViolation');
  await expectError([2, 'b3', 'StartTransaction', { connectorId: 1, idTag: 'T', meterStart: 0, timestamp: 'yesterday' }], 'b3', 'PropertyConstraintViolation');
  await expectError([2, 'b4', 'MeterValues', { connectorId: 1, meterValue: [{ timestamp: now() }] }], 'b4', 'OccurenceConstraintViolation');
  await expectError([2, 'b5', 'MeterValues', { connectorId: 1.5, meterValue: [] }], 'b5', 'TypeConstraintViolation');
  await expectError([2, 'b6', 'StatusNotification', { connectorId: -1, errorCode: 'NoError', status: 'Available' }], 'b6', 'PropertyConstraintViolation');
  // still alive and answering
  s.send([2, 'ok1', 'Heartbeat', {}]);
  const hb = await s.next();
  assert.equal(hb[0], 3);
  assert.equal(hb[1], 'ok1');
  // an answer to nothing is ignored (no reply), the connection stays
  s.send([3, 'never-sent', {}]);
  s.send([2, 'ok2', 'Heartbeat', {}]);
  assert.equal((await s.next())[1], 'ok2');
  const frames = ok(await ctx.admin.get(`/car/pile/${p.id}/messages`)).data.frames;
  assert.ok(frames.some((f) => f.direction === 'in' && f.type === 'invalid' && f.frame === 'this is not json'), 'malformed frames are logged with their bytes');
  s.ws.close();
  await s.closed();
});

test('a charger flooding garbage is disconnected and logged; other chargers are unaffected', async () => {
  const bad = await ocppPile(ctx.admin, S);
  const good = await ocppPile(ctx.admin, S);
  const cli = await strictClient(ctx.server, good.code);
  const s = await rawSocket(ctx.server, bad.code);
  const closed = s.closed();
  for (let i = 0; i < 40 && s.ws.readyState === 1; i++) s.send('garbage ' + i);
  const c = await closed;
  assert.equal(c.code, 1008, 'closed with policy violation');
  assert.ok((await cli.call('Heartbeat', {})).currentTime);
  await until(async () => (await onlineLog({ deviceId: bad.id, state: 0 })).length === 1, 'offline row of the flooder');
  await cli.close({ force: true });
});

test('admin commands reach the charger; accepted, rejected and timeout come back; offline when disconnected', async () => {
  const p = await ocppPile(ctx.admin, S);
  const seen = [];
  let resetAnswer = 'Accepted';
  const cli = await strictClient(ctx.server, p.code, {
    Reset: ({ params }) => { seen.push(['Reset', params]); return { status: resetAnswer }; },
    TriggerMessage: ({ params }) => { seen.push(['TriggerMessage', params]); return { status: 'Accepted' }; },
    ChangeConfiguration: ({ params }) => {
      seen.push(['ChangeConfiguration', params]);
      return { status: params.key === 'ZhichongQrUrls' ? 'NotSupported' : 'Accepted' };
    },
  });
  try {
    await cli.call('BootNotification', { chargePointVendor: 'ZhiChong', chargePointModel: 'SIM-1' });
    const r = ok(await command(p.id, 'reboot'));
    assert.equal(r.data.result, 'accepted');
    assert.deepEqual(seen.pop(), ['Reset', { type: 'Soft' }]);
    ok(await command(p.id, 'clockSync'));
    assert.deepEqual(seen.pop(), ['TriggerMessage', { requestedMessage: 'Heartbeat' }]);
    ok(await command(p.id, 'hotlineSync'));
    assert.deepEqual(seen.pop(), ['ChangeConfiguration', { key: 'ZhichongHotline', value: '400-800-1234' }]);
    fail(await command(p.id, 'qrSync'), 409, /拒绝|NotSupported/);
    const qr = seen.pop();
    assert.equal(qr[1].key, 'ZhichongQrUrls');
    assert.match(qr[1].value, /^1=\S+ 2=\S+$/);
    resetAnswer = 'Rejected';
    fail(await command(p.id, 'reboot'), 409, /拒绝|Rejected/);
    // a charger that never answers: timeout (ocpp.command_timeout_ms = 1.5 s), and the next command still works
    cli.handle('Reset', () => new Promise(() => {}));
    const t0 = Date.now();
    fail(await command(p.id, 'reboot'), 409, /超时|timeout/i);
    assert.ok(Date.now() - t0 >= 1400 && Date.now() - t0 < 8000, `timeout after ~1.5 s (${Date.now() - t0} ms)`);
    ok(await command(p.id, 'clockSync'));
    const frames = ok(await ctx.admin.get(`/car/pile/${p.id}/messages`)).data.frames;
    assert.ok(frames.some((f) => f.direction === 'out' && f.type === 'CALL' && f.action === 'Reset'), 'commands in the message log');
    assert.ok(frames.some((f) => f.direction === 'in' && f.type === 'CALLRESULT' && f.action === 'ChangeConfiguration'), 'answers in the message log');
  } finally {
    await cli.close({ force: true });
  }
  // disconnected: offline at once, commands say so
  await until(async () => !(await pileRow(p.id)).online, 'pile offline after the disconnect', 2000);
  fail(await command(p.id, 'reboot'), 409, /不在线/);
  const guns = (await pileRow(p.id)).guns;
  assert.ok(guns.every((g) => g.state === 'offline'), 'guns offline with the pile');
});

test('online/offline log: rows with name, code, SN, type, state, time; filters; permission and data scope', async () => {
  const p = await ocppPile(ctx.admin, S);
  const t0 = Date.now();
  const cli = await strictClient(ctx.server, p.code);
  await until(async () => (await onlineLog({ deviceId: p.id })).length === 1, 'online row');
  await cli.close({ force: true });
  await until(async () => (await onlineLog({ deviceId: p.id })).length === 2, 'offline row');
  const rows = await onlineLog({ deviceId: p.id });
  assert.deepEqual(rows.map((r) => r.state), [0, 1], 'newest first: offline, online');
  for (const r of rows) {
    assert.equal(r.deviceName, p.name);
    assert.equal(r.deviceCode, p.code);
    assert.equal(r.deviceSn, p.factoryNo);
    assert.equal(r.deviceType, 'car_pile');
    assert.equal(r.protocol, 'ocpp16');
    assert.ok(r.time >= t0 - 1000 && r.time <= Date.now());
    assert.equal(r.carStationId, S.station.id);
  }
  assert.equal((await onlineLog({ deviceCode: p.code, state: 1 })).length, 1);
  assert.equal((await onlineLog({ deviceSn: p.factoryNo, beginTime: Date.now() + 60000 })).length, 0);
  fail(await ctx.admin.get('/stat/online/list', { state: 'x' }), 400, /state/);
  // another provider sees nothing of it
  const { approvedProvider } = await import('../integration/lib/fixture.mjs');
  const other = await approvedProvider(ctx.admin);
  assert.equal((await other.api.list('/stat/online/list', { deviceId: p.id })).total, 0);
  fail(await other.api.get(`/car/pile/${p.id}/messages`), 404);
  // the pile's own provider does
  assert.equal((await S.provider.api.list('/stat/online/list', { deviceId: p.id })).total, 2);
  assert.equal(ok(await S.provider.api.get(`/car/pile/${p.id}/messages`)).data.online, false);
  assert.equal((await ctx.anon.get('/stat/online/list')).status, 401);
});

test('a second connection of the same charger replaces the first; commands go to the new one', async () => {
  const p = await ocppPile(ctx.admin, S);
  const first = await strictClient(ctx.server, p.code);
  const closedFirst = new Promise((res) => first.once('close', res));
  const second = await strictClient(ctx.server, p.code, { TriggerMessage: () => ({ status: 'Accepted' }) });
  await closedFirst;
  ok(await command(p.id, 'clockSync'));
  await sleep(300);
  assert.equal((await pileRow(p.id)).online, true, 'the replaced connection does not take the pile offline');
  assert.equal((await onlineLog({ deviceId: p.id, state: 0 })).length, 0);
  await second.close({ force: true });
  await until(async () => !(await pileRow(p.id)).online, 'offline');
});

test('graceful shutdown closes the OCPP sessions (going away) and exits 0', async () => {
  const p = await ocppPile(ctx.admin, S);
  const cli = await strictClient(ctx.server, p.code);
  const closed = new Promise((res) => cli.once('close', res));
  const r = await ctx.server.stop();
  assert.equal(r.code, 0);
  const c = await closed;
  assert.equal(c.code, 1001);
  await sleep(10);
});
