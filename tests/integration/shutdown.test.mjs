// Graceful shutdown with a request still in flight: the documented drain time
// (http.shutdown_grace_ms) is honoured and the exit code is 0.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { startServer } from './lib/server.mjs';

test('SIGTERM with a stalled request body: exits 0 once the grace period is over', async () => {
  const server = await startServer({ env: { ZHICHONG_HTTP_SHUTDOWN_GRACE_MS: '2000' } });
  const s = net.connect(server.port, '127.0.0.1');
  s.on('error', () => {});
  try {
    await new Promise((r) => s.once('connect', r));
    s.write('POST /system/post HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"po');
    await new Promise((r) => setTimeout(r, 100));
    const res = await server.stop(5000);
    assert.equal(res.code, 0);
    assert.ok(res.ms < 4000, `exited after ${res.ms} ms with a 2000 ms grace`);
  } finally {
    s.destroy();
    if (!server.exited()) server.proc.kill('SIGKILL');
  }
});

test('SIGTERM on an idle server exits 0 quickly', async () => {
  const server = await startServer();
  const res = await server.stop();
  assert.equal(res.code, 0);
  assert.ok(res.ms < 3000, `idle shutdown took ${res.ms} ms`);
});
