// Documented configuration that the API contract relies on: the lockout threshold is configurable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, addUser, PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';

const ctx = useServer({ env: { ZHICHONG_AUTH_MAX_FAILED_LOGINS: '2', ZHICHONG_AUTH_LOCKOUT_MINUTES: '3' } });

test('lockout threshold and duration are configurable (2 failures → 3 minutes)', async () => {
  const u = await addUser(ctx.admin);
  fail(await ctx.anon.login(u.userName, 'Wrong12345'), 400);
  ok(await ctx.anon.login(u.userName, PASSWORD), 'one failure does not lock');
  fail(await ctx.anon.login(u.userName, 'Wrong12345'), 400);
  fail(await ctx.anon.login(u.userName, 'Wrong12345'), 400);
  const r = await ctx.anon.login(u.userName, PASSWORD);
  fail(r, 400, /账号已锁定，请\d+分钟后再试/);
  const minutes = Number(r.body.msg.match(/请(\d+)分钟/)[1]);
  assert.ok(minutes >= 1 && minutes <= 3, `lockout minutes ${minutes}`);
  // the lock is recorded as a failed login, and the admin can still work
  const rows = (await ctx.admin.list('/monitor/logininfor/list', { userName: u.userName, status: 1 })).rows;
  assert.ok(rows.length >= 3);
  ok(await ctx.admin.get('/getInfo'));
});

test('a lockout affects only the locked account', async () => {
  const u = await addUser(ctx.admin);
  ok(await ctx.anon.login(u.userName, PASSWORD));
});
