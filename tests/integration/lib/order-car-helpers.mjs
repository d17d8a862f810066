// Helpers of the car order tests (order-car*.test.mjs): a driver ordering and paying (lib/app.mjs), the
// simulators (zhichong-sim ykc / ocpp), a scripted OCPP 1.6J charge point over a minimal WebSocket client
// (time stamps under the test's control). The books check: lib/books.mjs.
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { binaryPath } from './server.mjs';
import { ok, randPhone, until, sleep } from './client.mjs';
import { AppApi, payInSandbox } from './app.mjs';

export const simBin = process.env.ZHICHONG_SIM_BIN || path.join(path.dirname(binaryPath()), 'zhichong-sim');
export const haveSim = existsSync(simBin);

/** A driver signed in through the app API (lib/app.mjs). */
export const driver = (anon, phone = randPhone()) => AppApi.signIn(anon.baseUrl, phone);

/** POST /app/car/orders, pay, wait for the charging order; returns { pay, order }. */
export async function orderAndPay(ctx, app, gun, amount, extra = {}) {
  const before = new Set((await app.list('/app/car/orders')).rows.map((o) => o.orderNo));
  const pay = ok(await app.post('/app/car/orders', { gunCode: gun.code, amount, plate: '粤B12345', ...extra }), 'create').data;
  await payInSandbox(ctx.server.baseUrl, pay.cashierUrl);
  const order = await until(async () => (await app.list('/app/car/orders')).rows.find((o) => !before.has(o.orderNo)),
    'charging order created after the payment');
  return { pay, order };
}

export const detail = async (app, no) => ok(await app.get(`/app/car/orders/${no}`)).data;
export const waitState = (app, no, state, ms = 15000) =>
  until(async () => { const o = await detail(app, no); return o.state === state && o; }, `order ${no} ${state}`, ms);

/** Waits until the unused prepayment is back with the driver (the refund succeeded at the gateway). */
export async function refundSettled(admin, payNo) {
  return until(async () => {
    const rows = (await admin.list('/order/payment/list', { payNo })).rows;
    const p = rows.find((x) => x.payNo === payNo);
    if (!p) return false;
    const d = ok(await admin.get(`/order/payment/${p.id}`)).data;
    return d.refundPending === 0 && d;
  }, `refund of ${payNo} completed`);
}

/** A scripted OCPP pile (ScriptedChargePoint below) of pile `p`, booted, connector 1 plugged (Preparing). */
export async function scriptedOcppPile(ctx, p) {
  const cp = await ScriptedChargePoint.connect(ctx.server.baseUrl, p.code);
  await cp.boot();
  await until(async () => ok(await ctx.admin.get(`/car/pile/${p.id}`)).data.guns.find((g) => g.gunNo === 1).state === 'plugged',
    'gun plugged');
  return cp;
}

/** Answers the platform's RemoteStartTransaction and starts the session at `at` with meter `wh`. */
export async function ocppStart(cp, at, wh) {
  const rs = await cp.nextCall('RemoteStartTransaction');
  const conf = await cp.call('StartTransaction', { connectorId: rs.connectorId, idTag: rs.idTag, meterStart: wh, timestamp: iso(at) });
  assert.equal(conf.idTagInfo.status, 'Accepted', 'the order number is an accepted idTag');
  await cp.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Charging' });
  return { idTag: rs.idTag, tx: conf.transactionId };
}

/** fen of an exact amount in 1e-9 yuan, half-up (the one rounding). */
export const fenOf = (nano) => Math.floor((nano + 5_000_000) / 10_000_000);

/** Runs zhichong-sim ykc for the piles; events: the JSON lines so far. */
export function runYkcSim(port, piles, args) {
  const proc = spawn(simBin, ['ykc', '--host', '127.0.0.1', '--port', String(port), '--codes', piles.map((p) => p.code).join(','),
    '--guns', '2', '--heartbeat', '1', '--realtime-interval', '0.3', '--idle-interval', '1', '--reconnect', '0.3', '--quiet', '--events', ...args],
  { stdio: ['ignore', 'pipe', 'pipe'] });
  return follow(proc);
}

/** Runs zhichong-sim ocpp for the piles: no local sessions, only what the platform starts. */
export function runOcppSim(baseUrl, piles, args) {
  const url = baseUrl.replace(/^http/, 'ws') + '/ocpp';
  const proc = spawn(simBin, ['ocpp', '--url', url, '--codes', piles.map((p) => p.code).join(','), '--connectors', '2',
    '--heartbeat', '1', '--meter-interval', '0.3', '--reconnect', '0.3', '--quiet', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return follow(proc);
}

function follow(proc) {
  const run = { events: [], err: '', proc };
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
  proc.stderr.on('data', (d) => { run.err += d; if (run.err.length > 100000) run.err = run.err.slice(-50000); });
  run.done = new Promise((res) => proc.on('exit', (code) => res(code)));
  run.find = (pred) => run.events.find(pred);
  run.wait = (pred, what, ms = 10000) => until(async () => run.find(pred), what, ms);
  run.stop = async () => { if (proc.exitCode === null) proc.kill('SIGTERM'); return run.done; };
  run.tail = () => run.err.slice(-3000);
  return run;
}

/**
 * A scripted OCPP 1.6J charge point on a minimal WebSocket client (text frames; enough for OCPP):
 * answers the platform's calls with onCall(action, payload) (default Accepted) and sends its own.
 */
export class ScriptedChargePoint {
  static async connect(baseUrl, code) {
    const u = new URL(baseUrl);
    const cp = new ScriptedChargePoint();
    cp.code = code;
    cp.calls = [];
    cp.closed = false;
    cp.pending = new Map();
    cp.onCall = () => ({ status: 'Accepted' });
    cp.sock = net.connect({ host: u.hostname, port: Number(u.port) });
    await new Promise((res, rej) => { cp.sock.once('connect', res); cp.sock.once('error', rej); });
    cp.sock.on('error', () => {});
    const key = randomBytes(16).toString('base64');
    cp.sock.write(`GET /ocpp/${code} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n`);
    let buf = Buffer.alloc(0);
    let upgraded = false;
    await new Promise((res, rej) => {
      cp.sock.on('data', (d) => {
        buf = Buffer.concat([buf, d]);
        if (!upgraded) {
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) return;
          const head = buf.subarray(0, end).toString();
          if (!head.startsWith('HTTP/1.1 101')) return rej(new Error(`upgrade refused: ${head.split('\r\n')[0]}`));
          upgraded = true;
          buf = buf.subarray(end + 4);
          res();
        }
        buf = cp.#frames(buf);
      });
      cp.sock.on('close', () => { cp.closed = true; rej(new Error('closed before the upgrade')); });
    });
    return cp;
  }

  #frames(buf) {
    for (;;) {
      if (buf.length < 2) return buf;
      const op = buf[0] & 0x0f;
      let len = buf[1] & 0x7f;
      let off = 2;
      if (len === 126) { if (buf.length < 4) return buf; len = buf.readUInt16BE(2); off = 4; }
      else if (len === 127) { if (buf.length < 10) return buf; len = Number(buf.readBigUInt64BE(2)); off = 10; }
      if (buf.length < off + len) return buf;
      const payload = buf.subarray(off, off + len);
      buf = buf.subarray(off + len);
      if (op === 0x1) this.#message(JSON.parse(payload.toString()));
      else if (op === 0x9) this.#write(0xA, payload);
      else if (op === 0x8) this.sock.end();
    }
  }

  #write(op, payload) {
    const data = Buffer.from(payload);
    const mask = randomBytes(4);
    const head = data.length < 126 ? Buffer.from([0x80 | op, 0x80 | data.length])
      : Buffer.from([0x80 | op, 0x80 | 126, data.length >> 8, data.length & 0xff]);
    const body = Buffer.alloc(data.length);
    for (let i = 0; i < data.length; i++) body[i] = data[i] ^ mask[i % 4];
    this.sock.write(Buffer.concat([head, mask, body]));
  }

  #message(m) {
    if (m[0] === 2) {
      this.calls.push({ action: m[2], payload: m[3] });
      const result = this.onCall(m[2], m[3]) ?? {};
      this.#write(0x1, JSON.stringify([3, m[1], result]));
    } else if (m[0] === 3 || m[0] === 4) {
      const p = this.pending.get(m[1]);
      if (p) { this.pending.delete(m[1]); m[0] === 3 ? p.resolve(m[2]) : p.reject(new Error(`${m[2]}: ${m[3]}`)); }
    }
  }

  /** Sends a CALL and resolves with the CALLRESULT payload. */
  call(action, payload) {
    const id = randomBytes(6).toString('hex');
    const p = new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      setTimeout(() => { if (this.pending.delete(id)) reject(new Error(`${action}: no answer`)); }, 8000).unref();
    });
    this.#write(0x1, JSON.stringify([2, id, action, payload]));
    return p;
  }

  /** Waits for (and removes) the platform's call `action`. */
  async nextCall(action, ms = 8000) {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.calls.findIndex((c) => c.action === action);
      if (i >= 0) return this.calls.splice(i, 1)[0].payload;
      if (Date.now() > deadline) throw new Error(`no ${action} within ${ms} ms`);
      await sleep(20);
    }
  }

  async boot(connectors = 2) {
    await this.call('BootNotification', { chargePointVendor: 'ZcTest', chargePointModel: 'Scripted' });
    for (let c = 1; c <= connectors; c++)
      await this.call('StatusNotification', { connectorId: c, errorCode: 'NoError', status: 'Preparing' });
  }

  /** Drops the TCP connection without a close frame (a pile losing its network). */
  drop() { this.sock.destroy(); this.closed = true; }
  close() { this.drop(); }
}

export const iso = (ms) => new Date(ms).toISOString();
