// Member center (issue 16; docs/api-member.md): card products, collective accounts, cards (issue, numbers,
// top-up with bonus, ledger), members and owners, each within its data scope; the books balance after every
// money movement (GET /order/payment/reconciliation covers the card and collective accounts).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, addRole, addUser, menuIds } from './lib/fixture.mjs';
import { ok, fail, denied, randPhone } from './lib/client.mjs';
import { addStation } from './lib/car.mjs';
import { addBikeStation } from './lib/bike.mjs';
import { AppApi } from './lib/app.mjs';
import { assertBooksBalance } from './lib/books.mjs';

const ctx = useServer({ env: { ZHICHONG_TESTING_ENABLED: '1' } });
let P1; let A; let B; let carStation; let bikeStation; let otherStation;

const DAY = 86_400_000;
let seq = 0;
const cardNo = () => String(880000000000 + Date.now() % 1_000_000 * 100 + (seq++ % 100));

function productBody(fields = {}) {
  return {
    name: '月卡' + (seq++), productType: 'car', issueType: 'personal', price: 9000, faceValue: 10000,
    bonusTiers: [{ minAmount: 10000, bonus: 1000 }, { minAmount: 50000, bonus: 8000 }],
    carStationIds: [carStation.id], bikeStationIds: [], remark: '', ...fields,
  };
}

async function addProduct(api, fields = {}) {
  const r = ok(await api.post('/member/product', productBody(fields)), 'add product');
  return r.data.id;
}

async function issue(api, productId, fields = {}) {
  const body = { phone: randPhone(), holderName: '王五', cardNo: cardNo(), productId, validFrom: Date.now() - DAY,
    validTo: Date.now() + 365 * DAY, ...fields };
  const r = await api.post('/member/card', body);
  return { r, body };
}

before(async () => {
  await ctx.ready();
  P1 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P1.id);
  B = await propertyWithLogin(ctx.admin, P1.id);
  carStation = await addStation(A.api, A.id);
  bikeStation = await addBikeStation(A.api, A.id);
  otherStation = await addStation(B.api, B.id);
});

test('card products: fields checked, stations of the property only, bonus tiers, enable/disable, scope', async () => {
  fail(await A.api.post('/member/product', productBody({ productType: 'truck' })), 400, /productType/);
  fail(await A.api.post('/member/product', productBody({ carStationIds: [otherStation.id] })), 400, /carStationIds/);
  fail(await A.api.post('/member/product', productBody({ carStationIds: [] })), 400, /carStationIds: 至少/);
  fail(await A.api.post('/member/product', productBody({ productType: 'car', bikeStationIds: [bikeStation.id] })), 400, /bikeStationIds/);
  fail(await A.api.post('/member/product', productBody({ bonusTiers: [{ minAmount: 10000, bonus: 1000 }, { minAmount: 5000, bonus: 100 }] })), 400, /bonusTiers: 第2档/);
  fail(await A.api.post('/member/product', productBody({ bonusTiers: [{ minAmount: 10000 }] })), 400, /bonusTiers/);
  const id = await addProduct(A.api, { productType: 'both', bikeStationIds: [bikeStation.id] });
  const d = ok(await A.api.get(`/member/product/${id}`)).data;
  assert.equal(d.productType, 'both');
  assert.deepEqual(d.carStationIds, [carStation.id]);
  assert.deepEqual(d.bikeStationIds, [bikeStation.id]);
  assert.deepEqual(d.bonusTiers, [{ minAmount: 10000, bonus: 1000 }, { minAmount: 50000, bonus: 8000 }]);
  assert.equal(d.propertyId, A.id);
  const row = (await A.api.list('/member/product/list', { name: d.name })).rows[0];
  assert.equal(row.id, id);
  assert.match(row.carStationNames, new RegExp(carStation.name));
  // edit
  ok(await A.api.put('/member/product', { ...productBody({ name: d.name + '改' }), id }));
  assert.equal(ok(await A.api.get(`/member/product/${id}`)).data.name, d.name + '改');
  // scope: another property sees nothing of it and cannot touch it; the provider sees it
  denied(await B.api.get(`/member/product/${id}`));
  denied(await B.api.put('/member/product/changeStatus', { id, status: 1 }));
  assert.ok(!(await B.api.list('/member/product/list')).rows.some((r) => r.id === id));
  assert.ok((await P1.api.list('/member/product/list')).rows.some((r) => r.id === id));
  // disabled: not offered, cannot be issued
  ok(await A.api.put('/member/product/changeStatus', { id, status: 1 }));
  assert.ok(!ok(await A.api.get('/member/product/options')).data.some((o) => o.id === id));
  const { r } = await issue(A.api, id);
  fail(r, 409, /电卡产品已禁用/);
});

test('a personal card: issued to a phone (the holder becomes an owner and a member), topped up with the product\'s bonus, its ledger and the books', async () => {
  const productId = await addProduct(A.api);
  fail((await issue(A.api, productId, { cardNo: '12ab' })).r, 400, /cardNo/);
  fail((await issue(A.api, productId, { physicalNo: 'XYZ' })).r, 400, /physicalNo/);
  fail((await issue(A.api, productId, { phone: '123' })).r, 400, /phone/);
  fail((await issue(P1.api, productId)).r, 403, /只有物业账号可以发卡/);
  fail((await issue(B.api, productId)).r, 404, /productId/);
  const { r, body } = await issue(A.api, productId, { physicalNo: 'a1b2c3d4' });
  const id = ok(r, 'issue').data.id;
  const card = ok(await A.api.get(`/member/card/${id}`)).data;
  assert.equal(card.cardNo, body.cardNo);
  assert.equal(card.physicalNo, '00000000A1B2C3D4');
  assert.equal(card.balance, 10000); // the face value; the holder paid 90.00
  assert.equal(card.faceValue, 10000);
  assert.equal(card.status, 0);
  assert.deepEqual(card.stations.car.map((s) => s.id), [carStation.id]);
  // numbers are unique on the platform (printed and physical alike)
  fail((await issue(A.api, productId, { cardNo: body.cardNo })).r, 409, /卡号已存在/);
  fail((await issue(A.api, productId, { physicalNo: 'A1B2C3D4' })).r, 409, /物理卡号已存在/);
  // top up 100.00 → +10.00 bonus; 500.00 → +80.00
  fail(await A.api.post('/member/card/topup', { id, amount: 0 }), 400, /amount/);
  let t = ok(await A.api.post('/member/card/topup', { id, amount: 10000, remark: '前台现金' })).data;
  assert.deepEqual(t, { balance: 21000, bonus: 1000 });
  t = ok(await A.api.post('/member/card/topup', { id, amount: 50000 })).data;
  assert.deepEqual(t, { balance: 79000, bonus: 8000 });
  t = ok(await A.api.post('/member/card/topup', { id, amount: 5000 })).data;
  assert.deepEqual(t, { balance: 84000, bonus: 0 });
  const ledger = (await A.api.list(`/member/card/${id}/ledger`)).rows;
  assert.deepEqual(ledger.map((l) => [l.kind, l.amount]).reverse(),
    [['card_issue', 10000], ['card_topup', 10000], ['card_bonus', 1000], ['card_topup', 50000], ['card_bonus', 8000], ['card_topup', 5000]]);
  assert.equal(ledger.at(-2).remark, '前台现金');
  await assertBooksBalance(ctx.admin);
  // edit the numbers; disable → no top-up
  const newNo = cardNo();
  ok(await A.api.put('/member/card', { id, cardNo: newNo, physicalNo: '', holderName: '王五', validFrom: body.validFrom, validTo: body.validTo }));
  const edited = ok(await A.api.get(`/member/card/${id}`)).data;
  assert.equal(edited.cardNo, newNo);
  assert.equal(edited.physicalNo, null);
  fail(await A.api.put('/member/card', { id, cardNo: newNo, validFrom: body.validFrom, validTo: body.validFrom - 1 }), 400, /validTo/);
  ok(await A.api.put('/member/card/changeStatus', { id, status: 1 }));
  fail(await A.api.post('/member/card/topup', { id, amount: 100 }), 409, /已禁用/);
  // the holder is an owner (added by the property) and a member
  const owner = (await A.api.list('/member/owner/list', { phone: body.phone })).rows[0];
  assert.equal(owner.source, 'operator');
  assert.equal(owner.realName, '王五');
  const member = (await A.api.list('/member/member/list', { phone: body.phone })).rows[0];
  assert.equal(member.cardCount, 1);
  assert.equal(member.balance, 84000);
  const md = ok(await A.api.get(`/member/member/${member.userId}`)).data;
  assert.equal(md.cards.length, 1);
  // scope: another property sees neither card, member nor owner
  denied(await B.api.get(`/member/card/${id}`));
  denied(await B.api.get(`/member/card/${id}/ledger`));
  denied(await B.api.post('/member/card/topup', { id, amount: 100 }));
  denied(await B.api.get(`/member/member/${member.userId}`));
  denied(await B.api.get(`/member/owner/${owner.id}`));
  assert.equal((await B.api.list('/member/member/list', { phone: body.phone })).total, 0);
  assert.equal((await B.api.list('/member/card/list', { cardNo: newNo })).total, 0);
  assert.ok((await P1.api.list('/member/card/list', { cardNo: newNo })).total === 1);
});

test('a collective account: top-up, a collective card debits it, refused when short, locked or disabled; its ledger; the books', async () => {
  fail(await A.api.post('/member/collective', { name: '' }), 400, /name/);
  fail(await A.api.post('/member/collective', { name: '科技公司', email: 'bad' }), 400, /email/);
  const cid = ok(await A.api.post('/member/collective', { name: '科技公司' + seq++, contact: '赵六', phone: '0755-88886666',
    email: 'hr@example.com', address: '南山区', remark: '' })).data.id;
  const productId = await addProduct(A.api, { issueType: 'collective', price: 0, faceValue: 20000 });
  fail((await issue(A.api, productId)).r, 400, /collectiveId/);
  fail((await issue(A.api, productId, { collectiveId: cid })).r, 409, /集体户余额不足/);
  ok(await A.api.post('/member/collective/topup', { id: cid, amount: 30000, remark: '对公转账' }));
  const { r } = await issue(A.api, productId, { collectiveId: cid });
  const cardId = ok(r).data.id;
  assert.equal(ok(await A.api.get(`/member/collective/${cid}`)).data.balance, 10000);
  assert.equal(ok(await A.api.get(`/member/card/${cardId}`)).data.balance, 20000);
  // a top-up of a collective card is paid by the collective (and earns the bonus)
  fail(await A.api.post('/member/card/topup', { id: cardId, amount: 20000 }), 409, /集体户余额不足/);
  const t = ok(await A.api.post('/member/card/topup', { id: cardId, amount: 10000 })).data;
  assert.deepEqual(t, { balance: 31000, bonus: 1000 });
  assert.equal(ok(await A.api.get(`/member/collective/${cid}`)).data.balance, 0);
  const ledger = (await A.api.list(`/member/collective/${cid}/ledger`)).rows;
  assert.deepEqual(ledger.map((l) => [l.kind, l.amount]).reverse(),
    [['collective_topup', 30000], ['collective_issue', -20000], ['card_topup', -10000]]);
  await assertBooksBalance(ctx.admin);
  // locked / disabled: no issuing; a disabled account takes no top-up
  ok(await A.api.post('/member/collective/topup', { id: cid, amount: 50000 }));
  ok(await A.api.put('/member/collective/lock', { id: cid, locked: 1 }));
  fail((await issue(A.api, productId, { collectiveId: cid })).r, 409, /集体户已锁定/);
  assert.ok(!ok(await A.api.get('/member/collective/options')).data.some((o) => o.id === cid));
  ok(await A.api.put('/member/collective/lock', { id: cid, locked: 0 }));
  ok(await A.api.put('/member/collective/changeStatus', { id: cid, status: 1 }));
  fail((await issue(A.api, productId, { collectiveId: cid })).r, 409, /集体户已停用/);
  fail(await A.api.post('/member/collective/topup', { id: cid, amount: 100 }), 409, /已停用/);
  // scope
  denied(await B.api.get(`/member/collective/${cid}`));
  denied(await B.api.post('/member/collective/topup', { id: cid, amount: 100 }));
  assert.equal((await A.api.list('/member/card/list', { collectiveId: cid })).total, 1);
  await assertBooksBalance(ctx.admin);
});

test('concurrent top-ups from one collective never take its balance below zero', async () => {
  const cid = ok(await A.api.post('/member/collective', { name: '并发公司' + seq++ })).data.id;
  ok(await A.api.post('/member/collective/topup', { id: cid, amount: 10000 }));
  const productId = await addProduct(A.api, { issueType: 'collective', price: 0, faceValue: 0, bonusTiers: [] });
  const cardId = ok((await issue(A.api, productId, { collectiveId: cid })).r).data.id;
  const results = await Promise.all(Array.from({ length: 8 }, () => A.api.post('/member/card/topup', { id: cardId, amount: 3000 })));
  const okCount = results.filter((r) => r.status === 200 && r.body.code === 200).length;
  assert.equal(okCount, 3);
  assert.equal(ok(await A.api.get(`/member/collective/${cid}`)).data.balance, 1000);
  assert.equal(ok(await A.api.get(`/member/card/${cardId}`)).data.balance, 9000);
  await assertBooksBalance(ctx.admin);
});

test('car owners: added by an operator, verified, disabled (no card for them); plates checked; a phone is one owner', async () => {
  const phone = randPhone();
  fail(await A.api.post('/member/owner', { phone, plates: ['ABC'] }), 400, /plates/);
  fail(await A.api.post('/member/owner', { phone, gender: 'x' }), 400, /gender/);
  const id = ok(await A.api.post('/member/owner', { phone, nickname: '小李', realName: '李雷', gender: 'male',
    plates: ['粤b12345', '粤B12345', '粤BD12345'] })).data.id;
  fail(await A.api.post('/member/owner', { phone }), 409, /手机号已注册/);
  let o = ok(await A.api.get(`/member/owner/${id}`)).data;
  assert.equal(o.plates.split(',').sort().join(','), '粤B12345,粤BD12345');
  assert.equal(o.verified, 0);
  assert.equal(o.propertyName, A.name);
  ok(await A.api.put('/member/owner/verify', { id, verified: 1 }));
  o = ok(await A.api.get(`/member/owner/${id}`)).data;
  assert.equal(o.verified, 1);
  assert.ok(o.verifiedAt > 0);
  assert.equal((await A.api.list('/member/owner/list', { plate: 'BD123', verified: 1 })).rows[0]?.id, id);
  ok(await A.api.put('/member/owner', { id, nickname: '小李2', realName: '李雷', gender: 'male', plates: [] }));
  assert.equal(ok(await A.api.get(`/member/owner/${id}`)).data.plates, null);
  denied(await B.api.get(`/member/owner/${id}`));
  denied(await B.api.put('/member/owner/verify', { id, verified: 0 }));
  // disabled: no card issued to the phone
  ok(await A.api.put('/member/owner/changeStatus', { id, status: 1 }));
  const productId = await addProduct(A.api);
  fail((await issue(A.api, productId, { phone })).r, 409, /车主已禁用/);
});

test('a collective user (SYS-USER type collective) sees only its collective\'s cards and members', async () => {
  const mk = async (name) => ok(await A.api.post('/member/collective', { name: name + seq++ })).data.id;
  const mine = await mk('甲公司');
  const other = await mk('乙公司');
  const productId = await addProduct(A.api, { issueType: 'collective', price: 0, faceValue: 0, bonusTiers: [] });
  const myCard = (await issue(A.api, productId, { collectiveId: mine })).body;
  const otherCard = (await issue(A.api, productId, { collectiveId: other })).body;
  const perms = ['member:card:list', 'member:card:query', 'member:member:list', 'member:collective:list', 'member:card:issue'];
  const role = await addRole(A.api, { roleType: 'collective', collectiveId: mine, menuIds: await menuIds(A.api, perms) });
  const user = await addUser(A.api, { userType: 'collective', collectiveId: mine, roleIds: [role.id] });
  const C = await A.api.session(user.userName, user.password);
  const cards = (await C.list('/member/card/list')).rows.map((r) => r.cardNo);
  assert.deepEqual(cards, [myCard.cardNo]);
  assert.ok(!cards.includes(otherCard.cardNo));
  assert.deepEqual((await C.list('/member/member/list')).rows.map((r) => r.phone), [myCard.phone]);
  assert.deepEqual((await C.list('/member/collective/list')).rows.map((r) => r.id), [mine]);
  fail((await issue(C, productId, { collectiveId: mine })).r, 403, /只有物业账号可以发卡/);
  // a collective that does not exist (or is not the caller's) is not an owner of users
  fail(await A.api.post('/system/user', { userType: 'collective', collectiveId: 999999, nickName: 'x', phone: randPhone(),
    password: 'Passw0rd123', roleIds: [] }), 404, /collectiveId/);
});

test('the driver app: my cards with their stations and ledger; another driver\'s card is missing', async () => {
  const productId = await addProduct(A.api, { productType: 'both', bikeStationIds: [bikeStation.id] });
  const phone = randPhone();
  const { r, body } = await issue(A.api, productId, { phone });
  const id = ok(r).data.id;
  ok(await A.api.post('/member/card/topup', { id, amount: 10000 }));
  const me = await AppApi.signIn(ctx.server.baseUrl, phone);
  const cards = ok(await me.get('/app/user/cards')).rows;
  assert.equal(cards.length, 1);
  assert.equal(cards[0].cardNo, body.cardNo);
  assert.equal(cards[0].balance, 21000);
  assert.deepEqual(cards[0].stations.car.map((s) => s.id), [carStation.id]);
  assert.deepEqual(cards[0].stations.bike.map((s) => s.id), [bikeStation.id]);
  const ledger = ok(await me.get(`/app/user/cards/${id}/ledger`)).rows;
  assert.deepEqual(ledger.map((l) => l.kind).sort(), ['card_bonus', 'card_issue', 'card_topup']);
  const other = await AppApi.signIn(ctx.server.baseUrl, randPhone());
  assert.equal(ok(await other.get('/app/user/cards')).rows.length, 0);
  denied(await other.get(`/app/user/cards/${id}/ledger`));
  assert.equal((await ctx.anon.get('/app/user/cards')).status, 401);
});

test('plate whitelist: plates checked and listed once per property, car stations of the property, enable/disable, delete, scope', async () => {
  fail(await A.api.post('/member/whitelist', { plate: 'ABC', stationIds: [carStation.id] }), 400, /plate/);
  fail(await A.api.post('/member/whitelist', { plate: '粤B12345', stationIds: [] }), 400, /stationIds/);
  fail(await A.api.post('/member/whitelist', { plate: '粤B12345', stationIds: [otherStation.id] }), 400, /stationIds/);
  fail(await A.api.post('/member/whitelist', { plate: '粤B12345', stationIds: [bikeStation.id + 100000] }), 400, /stationIds/);
  const id = ok(await A.api.post('/member/whitelist', { plate: '粤b·12345', remark: '物业班车', stationIds: [carStation.id] })).data.id;
  fail(await A.api.post('/member/whitelist', { plate: '粤B12345', stationIds: [carStation.id] }), 409, /已在白名单/);
  // another property may list the same plate for its own stations
  ok(await B.api.post('/member/whitelist', { plate: '粤B12345', stationIds: [otherStation.id] }));
  const d = ok(await A.api.get(`/member/whitelist/${id}`)).data;
  assert.equal(d.plate, '粤B12345');
  assert.deepEqual(d.stationIds, [carStation.id]);
  assert.equal((await A.api.list('/member/whitelist/list', { plate: 'B123', stationId: carStation.id })).rows[0].stationNames, carStation.name);
  ok(await A.api.put('/member/whitelist', { id, remark: '物业班车（新）', stationIds: [carStation.id] }));
  ok(await A.api.put('/member/whitelist/changeStatus', { id, status: 1 }));
  assert.equal(ok(await A.api.get(`/member/whitelist/${id}`)).data.status, 1);
  denied(await B.api.get(`/member/whitelist/${id}`));
  denied(await B.api.del(`/member/whitelist/${id}`));
  ok(await A.api.del(`/member/whitelist/${id}`));
  denied(await A.api.get(`/member/whitelist/${id}`));
});

test('member pages need their permissions', async () => {
  const anonList = await ctx.anon.get('/member/card/list');
  assert.equal(anonList.status, 401);
});
