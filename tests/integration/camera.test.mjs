// DEV-CAM, STAT-CAP (docs/camera.md): parking cameras over the Vzenith IVS HTTP push. Identity (unknown,
// disabled, wrong secret), plates stored once with their photos as files, the 413 of the camera route,
// every admin command through the camera's next poll (lock commands done when the lock report shows the new
// state; offline, timeout), captures and photos limited to the user's scope.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok, fail, until, sleep } from './lib/client.mjs';
import { approvedStation, addArea, factoryNo } from './lib/car.mjs';
import { Camera, jpeg } from './lib/camera.mjs';

const ctx = useServer({ env: {
  ZHICHONG_GATEWAY_FLUSH_INTERVAL_MS: '50',
  ZHICHONG_CAMERA_BODY_LIMIT: '400000',
  ZHICHONG_CAMERA_COMMAND_TIMEOUT_MS: '1500',
  ZHICHONG_CAMERA_IDLE_TIMEOUT_S: '1',
} });
let A; let B; let S; let spots; let cam; let camB;

async function addCamera(api, stationId, areaId, left, right) {
  const body = { stationId, areaId, factoryNo: factoryNo('CAM'), ip: '192.168.1.20', name: '相机', sim: '', leftSpotId: left, rightSpotId: right };
  const d = ok(await api.post('/car/camera', body)).data;
  assert.match(d.secret, /^[A-Za-z0-9]{24}$/, 'the secret is shown on create');
  return { ...body, id: d.id, secret: d.secret };
}

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id);
  S = await approvedStation(A.api, P.api, A.id);
  const area = await addArea(A.api, S.id);
  spots = ok(await A.api.post('/car/spot/batch', { stationId: S.id, areaId: area.id, count: 4, lockType: 2 })).data.ids;
  cam = await addCamera(A.api, S.id, area.id, spots[0], spots[1]);
  const SB = await approvedStation(B.api, P.api, B.id);
  const areaB = await addArea(B.api, SB.id);
  camB = await addCamera(B.api, SB.id, areaB.id, null, null);
});

test('identity: unknown, wrong or missing secret, serial mismatch, disabled are refused (and logged); a new secret replaces the old', async () => {
  const base = ctx.server.baseUrl;
  const c = new Camera(base, cam.factoryNo, cam.secret);
  assert.equal((await new Camera(base, 'NO-SUCH-CAMERA', 'x').poll()).status, 403);
  assert.equal((await c.poll({ key: 'wrong-secret' })).status, 401);
  assert.equal((await c.poll({ key: null })).status, 401);
  assert.equal((await c.poll({ sn: 'OTHER' })).status, 401);
  assert.equal((await c.post('not json')).status, 400);
  const r = await c.poll();
  assert.equal(r.status, 200, r.text);
  assert.deepEqual(r.json, { status: 'ok' });
  await until(async () => ok(await A.api.get(`/car/camera/${cam.id}`)).data.online, 'camera online');

  // a disabled camera: refused, with a row in the online log
  const d = await addCamera(A.api, S.id, (await addArea(A.api, S.id)).id, null, null);
  ok(await A.api.put('/car/camera/changeStatus', { id: d.id, status: 1 }));
  assert.equal((await new Camera(base, d.factoryNo, d.secret).poll()).status, 403);
  await until(async () => (await A.api.list('/stat/online/list', { deviceType: 'car_camera', deviceId: d.id })).rows
    .some((x) => /disabled/.test(x.reason)), 'refusal logged');

  // regenerated secret: the old one is refused
  const fresh = ok(await A.api.put(`/car/camera/${d.id}/secret`)).data.secret;
  ok(await A.api.put('/car/camera/changeStatus', { id: d.id, status: 0 }));
  await sleep(100);
  assert.equal((await new Camera(base, d.factoryNo, d.secret).poll()).status, 401);
  assert.equal((await new Camera(base, d.factoryNo, fresh).poll()).status, 200);
  fail(await B.api.put(`/car/camera/${d.id}/secret`), 404, /相机不存在/);
});

test('plates: decision in the reply, photos as files served back, resends applied once, 413 above camera.body_limit, scope', async () => {
  const c = new Camera(ctx.server.baseUrl, cam.factoryNo, cam.secret);
  const photo = jpeg(100 * 1024);
  let r = await c.push({ plate: '粤BD12345', color: 5, side: 'left', plateid: 1, image: photo });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.Response_AlarmInfoPlate.info, 'ok');
  assert.equal(r.json.Response_AlarmInfoPlate.plateid, 1);
  r = await c.push({ plate: '粤B55555', color: 1, side: 'right', plateid: 2 });
  assert.equal(r.json.Response_AlarmInfoPlate.info, 'no');
  // an offline record resent twice: stored once, never answered with a decision
  for (let i = 0; i < 2; i++) {
    r = await c.push({ plate: '粤BD77777', color: 5, plateid: 3, offline: 1 });
    assert.equal(r.status, 200);
    assert.equal(r.json.Response_AlarmInfoPlate.info, undefined);
  }
  const rows = (await A.api.list('/stat/capture/list', { stationId: S.id })).rows;
  assert.equal(rows.filter((x) => x.recordId === 3).length, 1, 'resend stored once');
  const first = rows.find((x) => x.recordId === 1);
  assert.equal(first.plate, '粤BD12345');
  assert.equal(first.side, 'left');
  assert.equal(first.spotId, spots[0]);
  assert.equal(first.decision, 'open');
  assert.equal(first.reason, 'new_energy');
  assert.equal(first.hasImage, 1);
  assert.equal(first.factoryNo, cam.factoryNo);
  const second = rows.find((x) => x.recordId === 2);
  assert.equal(second.side, 'right');
  assert.equal(second.spotId, spots[1]);
  assert.equal(second.reason, 'fuel_refused');
  assert.equal(rows.find((x) => x.recordId === 3).offline, 1);
  // filters
  assert.equal((await A.api.list('/stat/capture/list', { plate: 'BD123' })).total, 1);
  assert.equal((await A.api.list('/stat/capture/list', { factoryNo: cam.factoryNo })).total, 3);
  assert.equal((await A.api.list('/stat/capture/list', { beginTime: Date.now() + 3600e3 })).total, 0);

  // the photo, byte for byte, only within the scope
  const img = await fetch(`${ctx.server.baseUrl}/stat/capture/${first.id}/image`, { headers: { Authorization: `Bearer ${A.api.token}` } });
  assert.equal(img.status, 200);
  assert.equal(img.headers.get('content-type'), 'image/jpeg');
  assert.ok(Buffer.from(await img.arrayBuffer()).equals(photo), 'the stored photo');
  const crop = await fetch(`${ctx.server.baseUrl}/stat/capture/${first.id}/image?kind=plate`, { headers: { Authorization: `Bearer ${A.api.token}` } });
  assert.ok(Buffer.from(await crop.arrayBuffer()).equals(jpeg()), 'the plate crop');
  assert.equal((await B.api.list('/stat/capture/list', {})).total, 0, 'B sees none of A');
  fail(await B.api.get(`/stat/capture/${first.id}/image`), 404);
  assert.equal((await fetch(`${ctx.server.baseUrl}/stat/capture/${first.id}/image`)).status, 401);

  // body limit of the camera route (400 000 here); other routes keep http.body_limit
  r = await c.push({ plateid: 4, image: jpeg(320 * 1024) });
  assert.equal(r.status, 413);
  r = await c.push({ plateid: 5, image: jpeg(250 * 1024) });
  assert.equal(r.status, 200, 'under the limit');

  // the message log holds the decoded push without the photo
  const log = ok(await A.api.get(`/car/camera/${cam.id}/messages`)).data;
  const push = log.frames.find((f) => f.action === 'push');
  assert.ok(push && /<jpeg, \d+ base64 chars>/.test(push.frame) && !push.frame.includes('/9j/'), JSON.stringify(log.frames[0]).slice(0, 300));
  assert.ok(log.frames.some((f) => f.direction === 'out' && /Response_AlarmInfoPlate/.test(f.frame)));
});

test('commands: taken on the next poll, locks done when the report shows them; timeout and offline', async () => {
  const c = new Camera(ctx.server.baseUrl, cam.factoryNo, cam.secret);
  c.start(100);
  try {
    await until(async () => ok(await A.api.get(`/car/camera/${cam.id}`)).data.online, 'camera online');
    const cmd = (command, side) => A.api.post(`/car/camera/${cam.id}/command`, { command, side });
    for (const [command, field] of [['reboot', 'reboot_dev'], ['clockSync', 'time_sync'], ['syncLock', 'lock_query'], ['refresh', null]]) {
      const before = c.seen.length;
      assert.equal(ok(await cmd(command, 'left'), command).data.result, 'accepted');
      // accepted once taken: the reply reaches the camera just after
      if (field) await until(async () => c.seen.slice(before).some((x) => x[field] !== undefined), `${command} carried as ${field}`);
    }
    assert.equal(c.seen.find((x) => x.time_sync).time_sync.timeStamp.Timeval.sec > 1.7e9, true);
    assert.equal(ok(await cmd('syncLock')).data.result, 'accepted', 'sync lock without a side (the admin button)');
    ok(await cmd('lockOpen', 'left'));
    assert.equal(c.locks.left, 'lowered');
    ok(await cmd('lockOpen', 'right'));
    assert.equal(c.locks.right, 'lowered');
    ok(await cmd('lockClose', 'left'));
    assert.equal(c.locks.left, 'raised');
    ok(await A.api.put('/car/spot/lock', { id: spots[1], action: 'close' }), 'spot page lock through the camera');
    assert.equal(c.locks.right, 'raised');
    // manual capture: accepted when taken; the camera's push is a manual capture record
    ok(await cmd('capture'));
    await until(async () => (await A.api.list('/stat/capture/list', { cameraId: cam.id })).rows.some((x) => x.manual === 1), 'manual capture stored');
    // a lock that never reports its new state: timeout
    c.obeyLocks = false;
    fail(await cmd('lockOpen', 'left'), 409, /超时/);
    c.obeyLocks = true;
  } finally {
    await c.stop();
  }
  // silent for camera.idle_timeout_s: offline, commands answer offline at once
  await until(async () => !ok(await A.api.get(`/car/camera/${cam.id}`)).data.online, 'camera offline', 5000);
  fail(await A.api.post(`/car/camera/${cam.id}/command`, { command: 'reboot' }), 409, /不在线/);
  const log = (await A.api.list('/stat/online/list', { deviceType: 'car_camera', deviceId: cam.id })).rows;
  assert.ok(log.some((x) => x.state === 0 && x.reason === 'no poll'), JSON.stringify(log));
  assert.ok(log.some((x) => x.state === 1 && x.protocol === 'vzenith'));
});
