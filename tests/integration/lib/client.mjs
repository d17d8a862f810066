// A small client for the admin API (docs/api-system.md) plus assertion helpers.
import assert from 'node:assert/strict';
import http from 'node:http';

export class Api {
  constructor(baseUrl, token = null) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  as(token) { return new Api(this.baseUrl, token); }

  /** Raw request. Returns { status, body (parsed JSON or null), text, headers }. */
  async req(method, path, { body, raw, token = this.token, headers = {}, query } = {}) {
    let url = this.baseUrl + path;
    if (query) {
      const qs = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) qs.set(k, String(v));
      const s = qs.toString();
      if (s) url += (url.includes('?') ? '&' : '?') + s;
    }
    const h = { ...headers };
    if (token) h.Authorization = `Bearer ${token}`;
    let payload;
    if (raw !== undefined) { payload = raw; h['Content-Type'] ??= 'application/json'; }
    else if (body !== undefined) { payload = JSON.stringify(body); h['Content-Type'] = 'application/json'; }
    const r = await fetch(url, { method, headers: h, body: payload, signal: AbortSignal.timeout(15000) });
    const text = await r.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = null; }
    return { status: r.status, body: json, text, headers: r.headers, method, path };
  }

  get(path, query, opts = {}) { return this.req('GET', path, { ...opts, query }); }
  post(path, body, opts = {}) { return this.req('POST', path, { ...opts, body }); }
  put(path, body, opts = {}) { return this.req('PUT', path, { ...opts, body }); }
  del(path, opts = {}) { return this.req('DELETE', path, opts); }

  /** GET that must succeed; returns data. */
  async data(path, query) { return ok(await this.get(path, query)).data; }
  /** GET list that must succeed; returns { rows, total }. Admin lists take 500 a page, app lists 100. */
  async list(path, query) {
    const r = ok(await this.get(path, { pageSize: path.startsWith('/app/') ? 100 : 500, ...query }));
    assert.ok(Array.isArray(r.rows), `${path}: rows must be an array: ${r && JSON.stringify(r).slice(0, 300)}`);
    assert.equal(typeof r.total, 'number', `${path}: total must be a number`);
    return r;
  }

  async login(username, password) {
    return this.req('POST', '/login', { body: { username, password }, token: null });
  }

  /** Logs in (must succeed) and returns a new Api bound to the token. */
  async session(username, password) {
    const r = await this.login(username, password);
    ok(r, `login ${username}`);
    assert.equal(typeof r.body.data?.token, 'string', 'login data.token');
    return new Api(this.baseUrl, r.body.data.token);
  }
}

function describe(r) {
  return `${r.method} ${r.path} → HTTP ${r.status} ${r.text?.slice(0, 400)}`;
}

/** Asserts a successful envelope (HTTP 200, code 200) and returns the body. */
export function ok(r, what = '') {
  assert.equal(r.status, 200, `${what} expected 200: ${describe(r)}`);
  assert.ok(r.body && typeof r.body === 'object', `${what} expected a JSON envelope: ${describe(r)}`);
  assert.equal(r.body.code, 200, `${what} envelope code: ${describe(r)}`);
  return r.body;
}

/**
 * Asserts an error envelope. `status` is a number or an array of acceptable numbers; the envelope's
 * code must equal the HTTP status; `msg` must be a non-empty string and, when given, match `msgRe`.
 */
export function fail(r, status, msgRe, what = '') {
  const allowed = Array.isArray(status) ? status : [status];
  assert.ok(allowed.includes(r.status), `${what} expected HTTP ${allowed.join('|')}: ${describe(r)}`);
  assert.ok(r.body && typeof r.body === 'object', `${what} expected a JSON error envelope: ${describe(r)}`);
  assert.equal(r.body.code, r.status, `${what} envelope code must equal the HTTP status: ${describe(r)}`);
  assert.equal(typeof r.body.msg, 'string', `${what} msg must be a string: ${describe(r)}`);
  assert.ok(r.body.msg.length > 0, `${what} msg must not be empty: ${describe(r)}`);
  if (msgRe) assert.match(r.body.msg, msgRe, `${what} msg: ${describe(r)}`);
  return r.body;
}

/** Out-of-scope access: 404 (or 403), never data. */
export function denied(r, what = '') {
  assert.ok([403, 404].includes(r.status), `${what} expected 404 (or 403) for an out-of-scope row: ${describe(r)}`);
  if (r.body && typeof r.body === 'object') {
    assert.ok(r.body.data === undefined || r.body.data === null, `${what} must not return data: ${describe(r)}`);
    assert.ok(!Array.isArray(r.body.rows) || r.body.rows.length === 0, `${what} must not return rows: ${describe(r)}`);
  }
}

let seq = 0;
/** A unique 11-digit mobile phone number 13xxxxxxxxx. */
export function randPhone() {
  seq = (seq + 1) % 1000;
  const tail = (Math.floor(Math.random() * 1e6) * 1000 + seq) % 1e9;
  return '13' + String(tail).padStart(9, '0');
}

/** A short unique token for names. */
export function uniq(prefix = 't') {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** The id of a newly created row: data.id, data itself when a number, or looked up via `lookup()`. */
export async function createdId(r, lookup) {
  const b = ok(r);
  if (b.data && typeof b.data === 'object' && Number.isInteger(b.data.id)) return b.data.id;
  if (Number.isInteger(b.data)) return b.data;
  if (lookup) {
    const id = await lookup();
    assert.ok(Number.isInteger(id), `could not find the id of the created row (${r.method} ${r.path})`);
    return id;
  }
  assert.fail(`no id in the response to ${r.method} ${r.path}: ${r.text.slice(0, 300)}`);
}

export const sleep = (ms) => new Promise((res) => setTimeout(res, ms));

/** Polls `fn` every 50 ms until it returns something truthy (returned), failing after `ms` with `what`. */
export async function until(fn, what, ms = 8000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** Walks a tree of {children}. */
export function* walk(nodes, parents = []) {
  for (const n of nodes || []) {
    yield [n, parents];
    yield* walk(n.children, [...parents, n]);
  }
}

/** Sends a request with a body of `size` bytes using node:http (a server may answer and close early). */
export function sendLargeBody(baseUrl, path, size, token) {
  return new Promise((resolve, reject) => {
    const u = new URL(baseUrl + path);
    const body = Buffer.alloc(size, 0x20);
    body.write('{"postName":"', 0);
    body.write('"}', size - 2);
    const req = http.request({
      host: u.hostname, port: u.port, path: u.pathname, method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': size, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    });
    let done = false;
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => { text += d; });
      res.on('end', () => { done = true; let json = null; try { json = JSON.parse(text); } catch { /* not json */ } resolve({ status: res.statusCode, body: json, text, method: 'POST', path }); });
      res.on('error', () => { if (!done) { done = true; resolve({ status: res.statusCode, body: null, text, method: 'POST', path }); } });
    });
    req.on('error', (e) => { if (!done) setTimeout(() => { if (!done) { done = true; reject(e); } }, 200); });
    req.setTimeout(15000, () => req.destroy(new Error('timeout')));
    req.end(body);
  });
}
