// Driver sign-in (APP-1, docs/api-app.md): SMS codes within their limits, sign-in creating the account,
// logout revoking the token at once, app and admin tokens never opening each other's API; profile, plates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useServer } from './lib/fixture.mjs';
import { startServer } from './lib/server.mjs';
import { Api } from './lib/client.mjs';
import { ok, fail, randPhone } from './lib/client.mjs';
import { AppApi, signIn } from './lib/app.mjs';

// A short resend interval keeps the file fast; the 429 inside the interval is still tested.
const ctx = useServer({ env: { ZHICHONG_SMS_RESEND_INTERVAL_S: '1', ZHICHONG_SMS_DAILY_LIMIT: '3' } });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function code(phone) {
  return ok(await ctx.anon.get('/app/dev/sms', { phone })).data.code;
}

test('sign in with an SMS code: the account is created, the profile answers, logout revokes the token', async () => {
  const phone = randPhone();
  const sent = ok(await ctx.anon.post('/app/auth/sms', { phone })).data;
  assert.deepEqual(sent, { expiresIn: 300, resendIn: 1 });
  const c = await code(phone);
  assert.match(c, /^\d{6}$/);
  const login = ok(await ctx.anon.post('/app/auth/login', { phone, code: c })).data;
  assert.equal(login.user.phone, phone);
  assert.ok(Number.isInteger(login.user.id));
  assert.ok(login.expiresAt > Date.now() + 29 * 86400000, 'app sign-in lasts 30 days');
  const app = new AppApi(ctx.server.baseUrl, login.token);
  let me = ok(await app.get('/app/user/profile')).data;
  assert.equal(me.phone, phone);
  assert.equal(me.id, login.user.id);
  ok(await app.put('/app/user/profile', { nickname: '老司机' }));
  me = ok(await app.get('/app/user/profile')).data;
  assert.equal(me.nickname, '老司机');
  fail(await app.put('/app/user/profile', { nickname: 'x'.repeat(31) }), 400, /nickname/);

  // The same code cannot sign in twice.
  fail(await ctx.anon.post('/app/auth/login', { phone, code: c }), 400, /code/);

  // A second sign-in finds the same account; the first token keeps working until it is logged out.
  const token2 = await (async () => { await sleep(1100); return signIn(ctx.server.baseUrl, phone); })();
  const app2 = app.as(token2);
  assert.equal(ok(await app2.get('/app/user/profile')).data.id, login.user.id);
  ok(await app.post('/app/auth/logout', {}));
  fail(await app.get('/app/user/profile'), 401);
  fail(await app.post('/app/auth/logout', {}), 401);
  ok(await app2.get('/app/user/profile'));
});

test('phone and code are validated and the errors name the field', async () => {
  for (const phone of ['', '1380013800', '138001380000', '12800138000', '2380013800a', 'abcdefghijk'])
    fail(await ctx.anon.post('/app/auth/sms', { phone }), 400, /phone/, `phone "${phone}"`);
  fail(await ctx.anon.post('/app/auth/sms', {}), 400, /phone/);
  fail(await ctx.anon.post('/app/auth/sms', { phone: 13800138000 }), 400, /phone/);
  fail(await ctx.anon.post('/app/auth/sms', 'nope'), 400);
  const phone = randPhone();
  fail(await ctx.anon.post('/app/auth/login', { phone, code: '12345' }), 400, /code/);
  fail(await ctx.anon.post('/app/auth/login', { phone, code: 'abcdef' }), 400, /code/);
  fail(await ctx.anon.post('/app/auth/login', { phone, code: '123456' }), 400, /code/, 'no code was sent');
  fail(await ctx.anon.post('/app/auth/login', { phone: '123', code: '123456' }), 400, /phone/);
  fail(await ctx.anon.get('/app/dev/sms', { phone }), 404, /phone/);
  fail(await ctx.anon.get('/app/dev/sms', { phone: 'x' }), 400, /phone/);
});

test('limits: one code per resend interval, a daily maximum, 5 wrong tries invalidate the code', async () => {
  const phone = randPhone();
  ok(await ctx.anon.post('/app/auth/sms', { phone }));
  fail(await ctx.anon.post('/app/auth/sms', { phone }), 429, /频繁/);
  const first = await code(phone);
  await sleep(1100);
  ok(await ctx.anon.post('/app/auth/sms', { phone }));
  const second = await code(phone);
  const login = (code) => ctx.anon.post('/app/auth/login', { phone, code });
  const wrong = second === '000000' ? '000001' : '000000';
  // Only the newest code signs in: the older one counts as a wrong try of the new one.
  fail(await login(first !== second ? first : wrong), 400, /还可尝试4次/);
  for (const left of [3, 2, 1]) fail(await login(wrong), 400, new RegExp(`还可尝试${left}次`));
  // The 5th wrong try spends the code: the right one is refused now.
  fail(await login(wrong), 400, /次数过多/);
  fail(await ctx.anon.post('/app/auth/login', { phone, code: second }), 400, /无效或已过期/);
  await sleep(1100);
  ok(await ctx.anon.post('/app/auth/sms', { phone }));
  await sleep(1100);
  // Daily limit 3 in this server (10 by default).
  fail(await ctx.anon.post('/app/auth/sms', { phone }), 429, /上限/);
  // The third code still signs in.
  ok(await ctx.anon.post('/app/auth/login', { phone, code: await code(phone) }));
});

test('an app token never opens the admin API and an admin token never the app API', async () => {
  const app = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  fail(await app.get('/getInfo'), 401);
  fail(await app.get('/system/user/list'), 401);
  fail(await ctx.admin.get('/app/user/profile'), 401);
  fail(await ctx.admin.get('/app/user/plates'), 401);
  fail(await ctx.anon.get('/app/user/profile'), 401);
  fail(await app.as('not-a-token').get('/app/user/profile'), 401);
  // Both still work on their own side.
  ok(await ctx.admin.get('/getInfo'));
  ok(await app.get('/app/user/profile'));
  // Public app routes ignore an unknown bearer token instead of refusing it.
  ok(await app.as('garbage').post('/app/auth/sms', { phone: randPhone() }));
});

test('plates: Chinese plates incl. new-energy, normalised, at most 5, own only', async () => {
  const app = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  const other = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  for (const plate of ['粤B12345', '京AD12345', '沪A12345D', '苏E·1234学', 'zhe A 12b34'.replace('zhe', '浙')]) {
    ok(await app.post('/app/user/plates', { plate }), plate);
  }
  const list = ok(await app.get('/app/user/plates'));
  assert.deepEqual(list.rows.map((r) => r.plate), ['粤B12345', '京AD12345', '沪A12345D', '苏E1234学', '浙A12B34']);
  assert.equal(list.total, 5);
  fail(await app.post('/app/user/plates', { plate: '粤B54321' }), 409, /最多添加5个/);
  for (const plate of ['粤B1234', 'AB12345', '粤I12345', '粤B1234O', '粤BA12345', '粤B123456D', 'x'.repeat(20), '粤B12345学生'])
    fail(await other.post('/app/user/plates', { plate }), 400, /plate/, plate);
  fail(await other.post('/app/user/plates', {}), 400, /plate/);
  ok(await other.post('/app/user/plates', { plate: '粤B12345' }), 'another driver may add the same plate');
  fail(await other.post('/app/user/plates', { plate: '粤b12345' }), 409, /已添加/);
  // Deleting: own only.
  const id = list.rows[0].id;
  fail(await other.del(`/app/user/plates/${id}`), 404);
  ok(await app.del(`/app/user/plates/${id}`));
  fail(await app.del(`/app/user/plates/${id}`), 404);
  fail(await app.del('/app/user/plates/abc'), 400);
  assert.equal(ok(await app.get('/app/user/plates')).total, 4);
  ok(await app.post('/app/user/plates', { plate: '粤B54321' }));
});

test('one client address gets at most sms.ip_hourly_limit codes an hour, whatever the phones', async () => {
  const server = await startServer({ env: { ZHICHONG_SMS_IP_HOURLY_LIMIT: '3' } });
  try {
    const anon = new Api(server.baseUrl);
    for (let i = 0; i < 3; ++i) ok(await anon.post('/app/auth/sms', { phone: randPhone() }));
    const phone = randPhone();
    fail(await anon.post('/app/auth/sms', { phone }), 429, /过于频繁/);
    fail(await anon.get('/app/dev/sms', { phone }), 404, undefined, 'no code was made for the refused request');
  } finally {
    await server.stop();
  }
});

test('without sms.dev_endpoint the dev route does not exist; sign-in codes only go to the SMS provider', async () => {
  const server = await startServer({ env: { ZHICHONG_SMS_DEV_ENDPOINT: 'false' } });
  try {
    const anon = new Api(server.baseUrl);
    const phone = randPhone();
    ok(await anon.post('/app/auth/sms', { phone }));
    fail(await anon.get('/app/dev/sms', { phone }), 404);
  } finally {
    await server.stop();
  }
});
