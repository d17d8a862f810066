// Faults (issue 5, shared/protocols/ocpp16.md "Lessons from the field"): a charger whose socket drops in
// the middle of a charging session is offline at once (guns offline, a log row), and when it reconnects
// the same transaction resumes (its MeterValues and StopTransaction are taken, nothing is refused); a
// charger flooding garbage is disconnected and logged while another charger's commands keep working.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from '../integration/lib/fixture.mjs';
import { ok } from '../integration/lib/client.mjs';
import { site, ocppPile, strictClient, rawSocket, until, now } from './lib/ocpp.mjs';

const ctx = useServer({
  env: { ZHICHONG_OCPP_ACCEPT_ANY_ID_TAG: 'true', ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50' },
});
let S;
before(async () => {
  await ctx.ready();
  S = await site(ctx.admin);
});

const pileRow = async (id) => ok(await ctx.admin.get(`/car/pile/${id}`)).data;
const onlineLog = async (query) => (await ctx.admin.list('/stat/online/list', query)).rows;
const meter = (wh) => [{ timestamp: now(), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }];

test('a socket that drops mid-session: offline at once; the reconnect resumes the same transaction', async () => {
  const p = await ocppPile(ctx.admin, S);
  const cli = await strictClient(ctx.server, p.code);
  await cli.call('BootNotification', { chargePointVendor: 'ZhiChong', chargePointModel: 'F-1' });
  await cli.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
  const { transactionId } = await cli.call('StartTransaction', { connectorId: 1, idTag: 'FAULT01', meterStart: 1000, timestamp: now() });
  assert.ok(transactionId > 0);
  await cli.call('MeterValues', { connectorId: 1, transactionId, meterValue: meter(1500) });
  await until(async () => (await pileRow(p.id)).guns.find((g) => g.gunNo === 1).state === 'charging', 'gun charging');
  // the TCP connection ends without a WebSocket close handshake (cable pulled, modem reset)
  const t0 = Date.now();
  await cli.close({ force: true, awaitPending: false });
  const row = await until(async () => { const r = await pileRow(p.id); return !r.online && r; }, 'offline at once', 2000);
  assert.ok(Date.now() - t0 < 2000, `offline after ${Date.now() - t0} ms`);
  assert.ok(row.guns.every((g) => g.state === 'offline'), 'guns offline');
  assert.equal((await onlineLog({ deviceId: p.id, state: 0 })).length, 1, 'offline row');

  // back: the same transaction goes on, nothing refused (strict mode checks every answer)
  const again = await strictClient(ctx.server, p.code);
  try {
    await again.call('BootNotification', { chargePointVendor: 'ZhiChong', chargePointModel: 'F-1' });
    await again.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
    assert.deepEqual(await again.call('MeterValues', { connectorId: 1, transactionId, meterValue: meter(2300) }), {});
    await until(async () => {
      const r = await pileRow(p.id);
      return r.online && r.guns.find((g) => g.gunNo === 1).state === 'charging';
    }, 'online and charging again');
    const m = ok(await ctx.admin.get(`/car/pile/${p.id}/messages`)).data.meters.find((x) => x.connectorId === 1);
    assert.equal(m.transactionId, transactionId);
    assert.equal(m.energy, 23000, 'latest register of the resumed transaction (0.0001 kWh)');
    const stop = await again.call('StopTransaction', { transactionId, idTag: 'FAULT01', meterStop: 2500, timestamp: now(), reason: 'Local' });
    assert.equal(stop.idTagInfo.status, 'Accepted');
    assert.deepEqual((await onlineLog({ deviceId: p.id })).map((r) => r.state), [1, 0, 1]);
  } finally {
    await again.close({ force: true });
  }
});

test('a charger flooding garbage is disconnected and logged; another charger\'s commands work during the flood', async () => {
  const bad = await ocppPile(ctx.admin, S);
  const good = await ocppPile(ctx.admin, S);
  const triggered = [];
  const cli = await strictClient(ctx.server, good.code, {
    TriggerMessage: ({ params }) => { triggered.push(params.requestedMessage); return { status: 'Accepted' }; },
  });
  await cli.call('BootNotification', { chargePointVendor: 'ZhiChong', chargePointModel: 'G-1' });
  const s = await rawSocket(ctx.server, bad.code);
  const closed = s.closed();
  // the flood and the commands at the same time
  const flood = (async () => {
    for (let i = 0; i < 200 && s.ws.readyState === 1; i++) {
      s.send(i % 2 ? 'garbage ' + i : '[2,"x' + i + '","NoSuchAction",{}]');
      if (i % 10 === 0) await new Promise((r) => setImmediate(r));
    }
  })();
  const results = await Promise.all(['clockSync', 'refresh', 'clockSync'].map(async (command) =>
    ok(await ctx.admin.post(`/car/pile/${good.id}/command`, { command })).data.result));
  await flood;
  assert.deepEqual(results, ['accepted', 'accepted', 'accepted']);
  assert.deepEqual(triggered.sort(), ['Heartbeat', 'Heartbeat', 'StatusNotification']);
  const c = await closed;
  assert.equal(c.code, 1008, 'the flooder is closed with policy violation');
  await until(async () => (await onlineLog({ deviceId: bad.id, state: 0 })).some((r) => /malformed/.test(r.reason)), 'offline row of the flooder naming the reason');
  const frames = ok(await ctx.admin.get(`/car/pile/${bad.id}/messages`)).data.frames;
  assert.ok(frames.some((f) => f.direction === 'in' && f.type === 'invalid'), 'garbage in the message log');
  assert.ok((await pileRow(good.id)).online, 'the other charger stays online');
  assert.ok((await cli.call('Heartbeat', {})).currentTime);
  await cli.close({ force: true });
});
