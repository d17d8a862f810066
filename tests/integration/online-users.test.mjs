// Online users (/monitor/online, issue 22): the live sessions of the accounts in the caller's scope, forcing
// one out (its token answers 401 at once on this node; the login log says who did it), never the caller's own;
// another provider's session is a missing one.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, addUser, PASSWORD } from './lib/fixture.mjs';
import { ok, fail } from './lib/client.mjs';

const ctx = useServer();
let P; let P2;

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  P2 = await approvedProvider(ctx.admin);
});

const sessionsOf = async (api, userName) => (await api.list('/monitor/online/list', { userName })).rows;

test('a provider sees the live sessions of its accounts only, with browser and OS, its own marked current', async () => {
  const second = await ctx.anon.session(P.userName, P.initialPassword);
  const mine = await sessionsOf(P.api, P.userName);
  assert.equal(mine.length, 2, JSON.stringify(mine));
  assert.equal(mine.filter((s) => s.current).length, 1, 'exactly one is the caller\'s own');
  for (const s of mine) {
    assert.equal(s.userName, P.userName);
    assert.ok(s.loginTime > 0 && s.expiresAt > s.loginTime);
    assert.equal(typeof s.browser, 'string');
    assert.equal(s.ipaddr, '127.0.0.1');
  }
  assert.deepEqual(await sessionsOf(P.api, P2.userName), [], 'no session of another provider');
  assert.deepEqual(await sessionsOf(P.api, 'admin'), [], 'no session of the super admin');
  assert.ok((await sessionsOf(ctx.admin, P2.userName)).length >= 1, 'the super admin sees everyone');
  ok(await second.post('/logout'));
  assert.equal((await sessionsOf(P.api, P.userName)).length, 1, 'a signed-out session is gone');
});

test('forcing a session out: its token is refused at once, logged; the own session and out-of-scope ones are refused', async () => {
  const other = await ctx.anon.session(P.userName, P.initialPassword);
  ok(await other.get('/getInfo'));
  const target = (await sessionsOf(P.api, P.userName)).find((s) => !s.current);
  const own = (await sessionsOf(P.api, P.userName)).find((s) => s.current);
  fail(await P.api.del(`/monitor/online/${own.id}`), 400, /id/);
  const p2Session = (await sessionsOf(ctx.admin, P2.userName))[0];
  const outOfScope = await P.api.del(`/monitor/online/${p2Session.id}`);
  const missing = await P.api.del('/monitor/online/987654321');
  assert.deepEqual([outOfScope.status, outOfScope.body.code, outOfScope.body.msg], [missing.status, missing.body.code, missing.body.msg]);
  ok(await P2.api.get('/getInfo'), 'the other provider is still signed in');
  ok(await P.api.del(`/monitor/online/${target.id}`));
  fail(await other.get('/getInfo'), 401);
  fail(await P.api.del(`/monitor/online/${target.id}`), 404, null, 'an ended session cannot be forced out again');
  const log = (await P.api.list('/monitor/logininfor/list', { userName: P.userName })).rows;
  assert.ok(log.some((l) => l.msg.includes('强制退出')), JSON.stringify(log.slice(0, 3)));
});

test('a user without the permission cannot list or force out', async () => {
  const u = await addUser(ctx.admin);
  const none = await ctx.anon.session(u.userName, PASSWORD);
  fail(await none.get('/monitor/online/list'), 403);
  fail(await none.del('/monitor/online/1'), 403);
});
