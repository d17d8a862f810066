// bench/ykc: the rows one YKC pile needs, created through the admin API like an operator would
// (provider → property → approved station → default area → TOU tariff → one pile with its guns).
// run.sh then clones that pile in SQL for the other 18,999 (no bulk import exists).
//   node bench/ykc/setup.mjs BASE_URL ADMIN_PASSWORD PILE_CODE GUNS  → prints {"pileId":…,"stationId":…}
import { Api, ok, createdId, uniq, randPhone } from '../../tests/integration/lib/client.mjs';
import { approvedStation, defaultArea, addTariff, addPile, TOU_PERIODS, TOU_TIERS } from '../../tests/integration/lib/car.mjs';

const [baseUrl, password, code, guns] = process.argv.slice(2);
const admin = await new Api(baseUrl).session('admin', password);

const provider = { name: uniq('服务商'), contact: '张三', phone: randPhone(), email: `${uniq('p')}@example.com` };
provider.id = await createdId(await admin.post('/system/provider', provider),
  async () => (await admin.list('/system/provider/list', { phone: provider.phone })).rows[0]?.id);
const audit = ok(await admin.put('/system/provider/audit', { id: provider.id, auditStatus: 1, auditRemark: 'ok' })).data;
const providerApi = await admin.session(audit.userName, audit.initialPassword);

const propertyBody = { providerId: provider.id, name: uniq('物业'), contact: '李四', phone: randPhone(),
  email: `${uniq('m')}@example.com`, province: '广东省', city: '深圳市', address: '南山区科技园 1 号' };
const prop = ok(await admin.post('/system/property', propertyBody)).data;
const propertyApi = await admin.session(prop.userName, prop.initialPassword);
const propertyId = (await admin.list('/system/property/list', { phone: propertyBody.phone })).rows[0].id;

const station = await approvedStation(propertyApi, providerApi, propertyId);
const area = await defaultArea(propertyApi, station.id);
await addTariff(propertyApi, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS });
const pile = await addPile(propertyApi, station.id, area.id, { code, gunCount: Number(guns), currentType: 'DC' });
console.log(JSON.stringify({ pileId: pile.id, stationId: station.id, areaId: area.id }));
