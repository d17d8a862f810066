// Starts and stops a real `zhichong serve` for one test file.
//
//   ZHICHONG_BIN           the binary (default build/release/zhichong, relative to the repo root)
//   ZHICHONG_TEST_PG_URL   a PostgreSQL URL (e.g. from scripts/pg-temp.sh); each server gets a fresh
//                          database created on that cluster. Unset: SQLite in the temp dir.
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const ADMIN_PASSWORD = 'Admin12345';

export function binaryPath() {
  const bin = process.env.ZHICHONG_BIN || 'build/release/zhichong';
  return path.isAbsolute(bin) ? bin : path.join(repoRoot, bin);
}

export function backend() {
  return process.env.ZHICHONG_TEST_PG_URL ? 'postgres' : 'sqlite';
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function psql(url, sql) {
  execFileSync('psql', ['-v', 'ON_ERROR_STOP=1', '-qtA', url, '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function withDatabase(url, db) {
  const u = new URL(url);
  u.pathname = '/' + db;
  return u.toString();
}

/** A fresh PostgreSQL database on the cluster of ZHICHONG_TEST_PG_URL; returns its URL. */
function createPgDatabase(baseUrl) {
  const db = `zc_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  psql(baseUrl, `CREATE DATABASE ${db}`);
  return { url: withDatabase(baseUrl, db), drop: () => { try { psql(baseUrl, `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`); } catch { /* cluster gone */ } } };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Starts the server (`args`: extra `serve` flags, e.g. ['--demo']); resolves once GET /health answers 200.
 * Returns { baseUrl, port, dir, proc, stderr(), stop() } where stop() sends SIGTERM and resolves to
 * { code, signal, ms } — it throws if the server did not exit 0 within 10 s.
 */
export async function startServer({ env: extraEnv = {}, args = [], timeoutMs = 20000 } = {}) {
  const bin = binaryPath();
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (set ZHICHONG_BIN or build it)`);
  const dir = mkdtempSync(path.join(tmpdir(), 'zc-it-'));
  const port = await freePort();
  let pg = null;
  let dbUrl = `sqlite:${dir}/zc.db`;
  if (process.env.ZHICHONG_TEST_PG_URL) {
    pg = createPgDatabase(process.env.ZHICHONG_TEST_PG_URL);
    dbUrl = pg.url;
  }
  const env = {
    ...process.env,
    ZHICHONG_HTTP_HOST: '127.0.0.1',
    ZHICHONG_HTTP_PORT: String(port),
    ZHICHONG_DATABASE_URL: dbUrl,
    ZHICHONG_AUTH_INITIAL_ADMIN_PASSWORD: ADMIN_PASSWORD,
    ZHICHONG_YKC_PORT: '0', // parallel servers must not share the default 8767; YKC tests pass a free port
    ZHICHONG_LOG_LEVEL: process.env.ZHICHONG_LOG_LEVEL || 'warn',
    ZHICHONG_SMS_DEV_ENDPOINT: '1', // driver sign-in codes readable at GET /app/dev/sms (lib/app.mjs signIn)
    ZHICHONG_SMS_IP_HOURLY_LIMIT: '0', // every test driver signs in from 127.0.0.1 (app-auth tests the limit)
    ZHICHONG_HTTP_PUBLIC_RATE_PER_S: '0', // … and calls the public routes from there (rate-limit tests the limit)
    ...extraEnv,
  };
  const proc = spawn(bin, ['serve', ...args], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => { out += d; if (out.length > 200000) out = out.slice(-100000); });
  proc.stderr.on('data', (d) => { err += d; if (err.length > 200000) err = err.slice(-100000); });
  let exited = null;
  const exitPromise = new Promise((resolve) => {
    proc.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); });
    proc.on('error', (e) => { exited = { code: -1, signal: null, error: e }; resolve(exited); });
  });
  // ZHICHONG_HTTP_PORT=0 (any free port): the port is the one the server prints it listens on.
  let baseUrl = `http://127.0.0.1:${port}`;
  let boundPort = port;
  const anyPort = env.ZHICHONG_HTTP_PORT === '0';
  const cleanup = () => {
    if (pg) pg.drop();
    if (!process.env.ZHICHONG_TEST_KEEP) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (Date.now() < deadline && !exited) {
    if (anyPort) {
      const m = /listening on http:\/\/\S+?:(\d+)/.exec(out);
      if (!m) { await sleep(50); continue; }
      boundPort = Number(m[1]);
      baseUrl = `http://127.0.0.1:${boundPort}`;
    }
    try {
      const r = await fetch(baseUrl + '/health', { signal: AbortSignal.timeout(2000) });
      await r.arrayBuffer();
      if (r.status === 200) { ready = true; break; }
    } catch { /* not listening yet */ }
    await sleep(100);
  }
  if (!ready) {
    if (!exited) { proc.kill('SIGKILL'); await exitPromise; }
    cleanup();
    const msg = `zhichong serve did not become healthy within ${timeoutMs} ms on ${baseUrl}` +
      ` (exit: ${JSON.stringify(exited)})\n--- stderr ---\n${err}\n--- stdout ---\n${out}`;
    console.error(msg);
    throw new Error(msg);
  }

  let stopped = null;
  async function doStopOnce(limitMs) {
    const t0 = Date.now();
    if (!exited) proc.kill('SIGTERM');
    // the limit's timer is cleared once the server exits: left pending it kept every test file's
    // process alive for limitMs after its last test
    let timer;
    const limit = new Promise((resolve) => { timer = setTimeout(() => resolve(null), limitMs); });
    const res = await Promise.race([exitPromise, limit]);
    clearTimeout(timer);
    const ms = Date.now() - t0;
    if (!res) {
      proc.kill('SIGKILL');
      await exitPromise;
      cleanup();
      throw new Error(`server did not exit within ${limitMs} ms of SIGTERM\n--- stderr ---\n${err.slice(-5000)}`);
    }
    cleanup();
    if (res.code !== 0) throw new Error(`server exited with ${JSON.stringify(res)} after SIGTERM (expected 0)\n--- stderr ---\n${err.slice(-5000)}`);
    return { ...res, ms };
  }
  /** SIGTERM; resolves { code, signal, ms } or rejects unless it exits 0 within limitMs (default 10 s). */
  function stop(limitMs = 10000) {
    stopped ??= doStopOnce(limitMs);
    return stopped;
  }

  const doStop = stop;
  let stopCalled = false;
  return {
    baseUrl, port: boundPort, dir, dbUrl, cleanup, proc, stderr: () => err, stdout: () => out, exited: () => exited,
    stop: (limitMs) => { stopCalled = true; return doStop(limitMs); },
    stopCalled: () => stopCalled,
  };
}
