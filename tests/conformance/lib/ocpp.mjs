// Helpers of the OCPP 1.6J conformance suite: a server with a pile created through the admin API, an
// ocpp-rpc RPCClient in strict mode (the independent schema judge), and a raw WebSocket for frames
// that no conforming client would send.
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { RPCClient } from 'ocpp-rpc';
import { approvedProvider, addProperty } from '../../integration/lib/fixture.mjs';
import { ok, sleep } from '../../integration/lib/client.mjs';
import { approvedStation, defaultArea, addPile } from '../../integration/lib/car.mjs';

export { sleep };

/** Provider → property → approved station (hotline set) → default area: where the test piles go. */
export async function site(admin) {
  const P = await approvedProvider(admin);
  const A = await addProperty(admin, P.id);
  const station = await approvedStation(admin, admin, A.id, { hotline: '400-800-1234' });
  const area = await defaultArea(admin, station.id);
  return { provider: P, property: A, station, area };
}

/** An OCPP pile (protocol ocpp16) added through the admin API; returns its detail row. */
export async function ocppPile(admin, s, fields = {}) {
  const p = await addPile(admin, s.station.id, s.area.id, { protocol: 'ocpp16', gunCount: 2, ...fields });
  return ok(await admin.get(`/car/pile/${p.id}`)).data;
}

export function wsUrl(server) {
  return server.baseUrl.replace(/^http/, 'ws') + '/ocpp';
}

/** A strict ocpp-rpc client for `identity`; `handlers` answer the server's calls. */
export async function strictClient(server, identity, handlers = {}, opts = {}) {
  const cli = new RPCClient({
    endpoint: wsUrl(server), identity, protocols: ['ocpp1.6'], strictMode: true, reconnect: false,
    callTimeoutMs: 10000, ...opts,
  });
  for (const [action, fn] of Object.entries(handlers)) cli.handle(action, fn);
  await cli.connect();
  return cli;
}

/** Raw WebSocket: resolves { ws, next(): the next parsed frame } or rejects with the HTTP status. */
export function rawSocket(server, identity, { protocol = 'ocpp1.6', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${wsUrl(server)}/${encodeURIComponent(identity)}`, protocol ? [protocol] : [], { headers });
    const queue = [];
    const waiters = [];
    ws.on('message', (data) => {
      const text = data.toString();
      let v;
      try { v = JSON.parse(text); } catch { v = text; }
      if (waiters.length) waiters.shift()(v); else queue.push(v);
    });
    ws.on('unexpected-response', (req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.on('error', (e) => reject(e));
    ws.on('open', () => resolve({
      ws,
      send: (x) => ws.send(typeof x === 'string' ? x : JSON.stringify(x)),
      next: (ms = 5000) => (queue.length ? Promise.resolve(queue.shift()) : new Promise((res, rej) => {
        const t = setTimeout(() => rej(new Error('no frame within ' + ms + ' ms')), ms);
        waiters.push((v) => { clearTimeout(t); res(v); });
      })),
      closed: () => new Promise((res) => { if (ws.readyState === WebSocket.CLOSED) res({}); else ws.on('close', (code, reason) => res({ code, reason: reason.toString() })); }),
    }));
  });
}

/** Waits until fn() returns a truthy value (polling). */
export async function until(fn, what, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

export const now = () => new Date().toISOString();
