// bench/orders: the rows the generated orders belong to, created through the admin API like an operator
// would: one provider, two properties (each with its own admin, for the scoped measurements), STATIONS
// approved car stations per property, each with a TOU tariff and PILES piles of 2 guns.
// run.sh then generates the orders in SQL (no bulk import of orders exists — orders come from drivers).
//   node bench/orders/setup.mjs BASE_URL ADMIN_PASSWORD STATIONS PILES → prints JSON (ids, logins)
import { Api, ok, createdId, uniq, randPhone } from '../../tests/integration/lib/client.mjs';
import { approvedStation, defaultArea, addTariff, addPile, TOU_PERIODS, TOU_TIERS } from '../../tests/integration/lib/car.mjs';

const [baseUrl, password, stationsArg, pilesArg] = process.argv.slice(2);
const admin = await new Api(baseUrl).session('admin', password);

const provider = { name: uniq('服务商'), contact: '张三', phone: randPhone(), email: `${uniq('p')}@example.com` };
provider.id = await createdId(await admin.post('/system/provider', provider),
  async () => (await admin.list('/system/provider/list', { phone: provider.phone })).rows[0]?.id);
const audit = ok(await admin.put('/system/provider/audit', { id: provider.id, auditStatus: 1, auditRemark: 'ok' })).data;
const providerApi = await admin.session(audit.userName, audit.initialPassword);

const out = { providerId: provider.id, properties: [] };
for (let p = 0; p < 2; p++) {
  const body = { providerId: provider.id, name: uniq('物业'), contact: '李四', phone: randPhone(),
    email: `${uniq('m')}@example.com`, province: '广东省', city: '深圳市', address: '南山区科技园 1 号' };
  const prop = ok(await admin.post('/system/property', body)).data;
  const propertyApi = await admin.session(prop.userName, prop.initialPassword);
  const propertyId = (await admin.list('/system/property/list', { phone: body.phone })).rows[0].id;
  const stations = [];
  for (let s = 0; s < Number(stationsArg); s++) {
    const station = await approvedStation(propertyApi, providerApi, propertyId);
    const area = await defaultArea(propertyApi, station.id);
    await addTariff(propertyApi, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS });
    for (let i = 0; i < Number(pilesArg); i++) await addPile(propertyApi, station.id, area.id, { gunCount: 2, currentType: 'DC' });
    stations.push(station.id);
  }
  out.properties.push({ id: propertyId, user: prop.userName, password: prop.initialPassword, stations });
}
console.log(JSON.stringify(out));
