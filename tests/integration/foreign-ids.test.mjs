// Issue 13 item 6 — an id outside the caller's scope behaves exactly like an id that does not exist, in
// every body field of every route that takes ids (docs/api-system.md "Data scope"). One table of routes ×
// id fields: for each, the same request with another tenant's id and with a missing id must get the same
// status and the same message (the id itself masked), never success, and never another tenant's names.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin, addUser, addRole, addDept, addPost, topDept, PASSWORD } from './lib/fixture.mjs';
import { ok, randPhone, uniq } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile, pileBody, stationBody, factoryNo } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff, deviceBody, bikeStationBody, DOC_TARIFFS } from './lib/bike.mjs';

const ctx = useServer();
const MISSING = 987654321;
let P; let P2; let A; let B; let C;
const rows = {}; // rows.A / rows.B / rows.C: the tenant's ids by kind

async function populate(prop, provider) {
  const top = await topDept(ctx.admin, { propertyId: prop.id, name: prop.name });
  const dept = await addDept(ctx.admin, top.id);
  const post = await addPost(ctx.admin, dept.id);
  const role = await addRole(ctx.admin, { roleType: 'property', providerId: provider.id, propertyId: prop.id, roleName: uniq(`秘密角色${prop.name}`) });
  const user = await addUser(ctx.admin, { userType: 'property', providerId: provider.id, propertyId: prop.id, deptId: dept.id, postId: post.id, roleIds: [role.id] });
  const station = await approvedStation(prop.api, provider.api, prop.id);
  const area = await defaultArea(prop.api, station.id);
  const spot = ok(await prop.api.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 1, lockType: 2 })).data.ids[0];
  const pile = await addPile(prop.api, station.id, area.id, { gunCount: 1 });
  const bstation = await addBikeStation(prop.api, prop.id);
  const barea = await bikeDefaultArea(prop.api, bstation.id);
  const device = await addDevice(prop.api, bstation.id, barea.id);
  const btariff = await addBikeTariff(prop.api, bstation.id, barea.id);
  return {
    property: prop.id, provider: provider.id, top: top.id, dept: dept.id, post: post.id, role: role.id, roleName: role.roleName,
    user: user.id, station: station.id, area: area.id, spot, pile: pile.id, bstation: bstation.id, barea: barea.id, device: device.id, btariff: btariff.id,
    deptName: dept.deptName, stationName: station.name, pileFactoryNo: pile.factoryNo, deviceFactoryNo: device.factoryNo,
  };
}

before(async () => {
  await ctx.ready();
  P = await approvedProvider(ctx.admin);
  P2 = await approvedProvider(ctx.admin);
  A = await propertyWithLogin(ctx.admin, P.id);
  B = await propertyWithLogin(ctx.admin, P.id); // same provider as A
  C = await propertyWithLogin(ctx.admin, P2.id); // another provider
  rows.A = await populate(A, P);
  rows.B = await populate(B, P);
  rows.C = await populate(C, P2);
});

const userBody = (a) => ({
  userType: 'property', providerId: P.id, propertyId: A.id, nickName: uniq('用户'), phone: randPhone(), email: '', password: PASSWORD,
  deptId: a.dept, postId: a.post, roleIds: [a.role],
});
const userEdit = (a) => ({ id: a.user, nickName: uniq('用户'), email: '', deptId: a.dept, postId: a.post, roleIds: [a.role] });
const deptBody = (a) => ({ parentId: a.top, deptName: uniq('部门'), orderNum: 1, leader: '', phone: '', email: '', status: 0 });
const postBody = (a) => ({ deptId: a.dept, postCode: uniq('P'), postName: uniq('岗位'), orderNum: 1, status: 0, remark: '' });
const roleBody = () => ({ roleName: uniq('角色'), roleType: 'property', providerId: P.id, propertyId: A.id, remark: '', status: 0, menuIds: [] });
const carTariff = (a) => ({ stationId: a.station, areaId: a.area, name: uniq('计费'), mode: 'unified', tiers: { flat: { energyPrice: 100000, servicePrice: 50000 } }, periods: [], prepayValues: [2000] });
const bikeTariff = (a) => ({ stationId: a.bstation, areaId: a.barea, name: uniq('计费'), ...DOC_TARIFFS.A, prepayValues: [100] });
const pileEdit = (a) => ({ ...pileBody(a.station, a.area), factoryNo: a.pileFactoryNo, gunCount: 1, id: a.pile });
const deviceEdit = (a) => ({ ...deviceBody(a.bstation, a.barea), factoryNo: a.deviceFactoryNo, id: a.device });
const invoice = (id) => ({ stationId: id, merchantNo: 'M1', companyName: '某公司', taxpayerId: '91440300MA5ABCDE1X' });
const camera = (a) => ({ stationId: a.station, areaId: a.area, factoryNo: factoryNo('C'), name: uniq('相机') });

// [caller, method, path, body(own rows), field, kind of the row, options]. A field ending in [] takes an array.
// The request with the caller's own row must succeed (the body is valid; only the id makes the difference).
const CASES = [
  // system management — a property admin of A
  ['A', 'post', '/system/user', userBody, 'deptId', 'dept'],
  ['A', 'post', '/system/user', userBody, 'postId', 'post'],
  ['A', 'post', '/system/user', userBody, 'roleIds[]', 'role'],
  ['A', 'post', '/system/user', userBody, 'propertyId', 'property'],
  ['A', 'put', '/system/user', userEdit, 'deptId', 'dept'],
  ['A', 'put', '/system/user', userEdit, 'postId', 'post'],
  ['A', 'put', '/system/user', userEdit, 'roleIds[]', 'role'],
  ['A', 'put', '/system/user', userEdit, 'id', 'user'],
  ['A', 'put', '/system/user/changeStatus', (a) => ({ id: a.user, status: 0 }), 'id', 'user'],
  ['A', 'put', '/system/user/resetPwd', (a) => ({ id: a.user, password: 'Passw0rd456' }), 'id', 'user'],
  ['A', 'put', '/system/user/stations', (a) => ({ id: a.user, stationType: 'car', stationIds: [a.station] }), 'stationIds[]', 'station'],
  ['A', 'put', '/system/user/stations', (a) => ({ id: a.user, stationType: 'bike', stationIds: [a.bstation] }), 'stationIds[]', 'bstation'],
  ['A', 'put', '/system/user/stations', (a) => ({ id: a.user, stationType: 'car', stationIds: [a.station] }), 'id', 'user'],
  ['A', 'post', '/system/role', roleBody, 'propertyId', 'property'],
  ['A', 'put', '/system/role', () => ({ roleName: uniq('角色'), remark: '', status: 0, menuIds: [] }), 'id', 'role'],
  ['A', 'put', '/system/role/changeStatus', () => ({ status: 0 }), 'id', 'role'],
  ['A', 'put', '/system/role/authUser/select', (a) => ({ roleId: a.role, userIds: [a.user] }), 'roleId', 'role'],
  ['A', 'put', '/system/role/authUser/select', (a) => ({ roleId: a.role, userIds: [a.user] }), 'userIds[]', 'user'],
  ['A', 'put', '/system/role/authUser/cancel', (a) => ({ roleId: a.role, userIds: [] }), 'roleId', 'role'],
  ['A', 'post', '/system/dept', deptBody, 'parentId', 'top'],
  ['A', 'put', '/system/dept', (a) => ({ ...deptBody(a), id: a.dept }), 'parentId', 'top'],
  ['A', 'put', '/system/dept', (a) => ({ ...deptBody(a) }), 'id', 'dept'],
  ['A', 'post', '/system/post', postBody, 'deptId', 'dept'],
  ['A', 'put', '/system/post', (a) => ({ ...postBody(a), id: a.post }), 'deptId', 'dept'],
  ['A', 'put', '/system/post', postBody, 'id', 'post'],
  ['P', 'put', '/system/property', () => ({ name: uniq('物业'), contact: 'x', email: '' }), 'id', 'property'],
  // system management — a provider admin of P (foreign rows of P2's property C only)
  ['P', 'post', '/system/property', () => ({ name: uniq('物业'), contact: 'x', phone: randPhone(), email: '', province: '', city: '', address: '' }), 'providerId', 'provider'],
  ['P', 'post', '/system/user', () => ({ userType: 'provider', nickName: uniq('u'), phone: randPhone(), email: '', password: PASSWORD, roleIds: [] }), 'providerId', 'provider'],
  ['P', 'post', '/system/role', () => ({ roleName: uniq('角色'), roleType: 'provider', remark: '', status: 0, menuIds: [] }), 'providerId', 'provider'],
  ['P', 'put', '/system/provider', () => ({ name: uniq('服务商'), contact: 'x', email: '' }), 'id', 'provider'],
  ['P', 'post', '/car/station', () => stationBody(undefined), 'propertyId', 'property'],
  ['P', 'post', '/bike/station', () => bikeStationBody(undefined), 'propertyId', 'property'],
  // car management — A
  ['A', 'post', '/car/station', () => stationBody(A.id), 'propertyId', 'property'],
  ['A', 'post', '/car/area', (a) => ({ stationId: a.station, name: uniq('区域') }), 'stationId', 'station'],
  ['A', 'post', '/car/spot/batch', (a) => ({ stationId: a.station, areaId: a.area, count: 1 }), 'stationId', 'station'],
  ['A', 'post', '/car/spot/batch', (a) => ({ stationId: a.station, areaId: a.area, count: 1 }), 'areaId', 'area'],
  ['A', 'post', '/car/camera', camera, 'stationId', 'station'],
  ['A', 'post', '/car/camera', camera, 'areaId', 'area'],
  ['A', 'post', '/car/camera', camera, 'leftSpotId', 'spot'],
  ['A', 'post', '/car/camera', camera, 'rightSpotId', 'spot', { ownCheck: false }], // the spot has its camera now
  ['A', 'post', '/car/pile', (a) => pileBody(a.station, a.area), 'stationId', 'station'],
  ['A', 'post', '/car/pile', (a) => pileBody(a.station, a.area), 'areaId', 'area'],
  ['A', 'put', '/car/pile', pileEdit, 'id', 'pile'],
  ['A', 'put', '/car/pile/changeStatus', () => ({ status: 0 }), 'id', 'pile'],
  ['A', 'post', '/car/tariff', carTariff, 'stationId', 'station'],
  ['A', 'post', '/car/tariff', carTariff, 'areaId', 'area', { ownCheck: false }], // the area has its tariff now
  ['A', 'put', '/car/station/invoiceConfig', (a) => invoice(a.station), 'stationId', 'station'],
  ['A', 'put', '/car/station/payConfig', (a) => ({ stationId: a.station }), 'stationId', 'station'],
  ['A', 'put', '/car/station/changeStatus', () => ({ status: 0 }), 'id', 'station'],
  // e-bike management — A
  ['A', 'post', '/bike/station', () => bikeStationBody(A.id), 'propertyId', 'property'],
  ['A', 'post', '/bike/area', (a) => ({ stationId: a.bstation, name: uniq('区域'), phone: '' }), 'stationId', 'bstation'],
  ['A', 'post', '/bike/device', (a) => deviceBody(a.bstation, a.barea), 'stationId', 'bstation'],
  ['A', 'post', '/bike/device', (a) => deviceBody(a.bstation, a.barea), 'areaId', 'barea'],
  ['A', 'put', '/bike/device', deviceEdit, 'id', 'device'],
  ['A', 'put', '/bike/device/changeStatus', () => ({ status: 0 }), 'id', 'device'],
  ['A', 'post', '/bike/tariff', bikeTariff, 'stationId', 'bstation'],
  ['A', 'post', '/bike/tariff', bikeTariff, 'areaId', 'barea'],
  ['A', 'put', '/bike/tariff', (a) => ({ ...bikeTariff(a), id: a.btariff }), 'areaId', 'barea'], // moves the tariff
  ['A', 'put', '/bike/tariff', (a) => bikeTariff(a), 'id', 'btariff'],
  ['A', 'put', '/bike/station/invoiceConfig', (a) => invoice(a.bstation), 'stationId', 'bstation'],
  ['A', 'put', '/bike/station/payConfig', (a) => ({ stationId: a.bstation }), 'stationId', 'bstation'],
];

function withId(body, field, id) {
  const b = { ...body };
  if (field.endsWith('[]')) b[field.slice(0, -2)] = [id];
  else b[field] = id;
  return b;
}

const mask = (msg, id) => String(msg ?? '').replace(new RegExp(`(?<![0-9])${id}(?![0-9])`, 'g'), '#');

test('a foreign id and a missing id get the same answer in every id field of every route', async () => {
  const callers = { A: () => A.api, P: () => P.api };
  const problems = [];
  for (const [who, method, path, make, field, kind, opts = {}] of CASES) {
    const api = callers[who]();
    const own = rows.A;
    // foreign rows: of a sibling property under the same provider (B) and under another provider (C)
    const foreign = who === 'P' ? [rows.C] : [rows.B, rows.C];
    const what = `${who} ${method.toUpperCase()} ${path} ${field}`;
    if (opts.ownCheck !== false) {
      const mine = await api[method](path, withId(make(own), field, own[kind]));
      if (mine.status !== 200) { problems.push(`${what}: the caller's own id was refused: ${mine.status} ${mine.body?.msg}`); continue; }
    }
    const missing = await api[method](path, withId(make(own), field, MISSING));
    if (missing.status === 200) { problems.push(`${what}: a missing id was accepted`); continue; }
    for (const f of foreign) {
      const id = f[kind];
      assert.ok(Number.isInteger(id), `${what}: foreign ${kind}`);
      const r = await api[method](path, withId(make(own), field, id));
      const got = `${r.status} ${mask(r.body?.msg, id)}`;
      const want = `${missing.status} ${mask(missing.body?.msg, MISSING)}`;
      if (got !== want) problems.push(`${what}: foreign → ${got} | missing → ${want}`);
      for (const name of [f.roleName, f.deptName, f.stationName])
        if (String(r.body?.msg ?? '').includes(name)) problems.push(`${what}: the answer names a foreign row: ${r.body.msg}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('nothing of the foreign tenants changed', async () => {
  for (const t of [rows.B, rows.C]) {
    const u = ok(await ctx.admin.get(`/system/user/${t.user}`)).data;
    assert.deepEqual(u.roleIds, [t.role]);
    assert.equal(u.status, 0);
    assert.equal(ok(await ctx.admin.get(`/system/role/${t.role}`)).data.status, 0);
    assert.equal(ok(await ctx.admin.get(`/car/station/${t.station}`)).data.status, 0);
    assert.equal(ok(await ctx.admin.get(`/car/pile/${t.pile}`)).data.status, 0);
    assert.equal(ok(await ctx.admin.get(`/bike/device/${t.device}`)).data.status, 0);
  }
});
