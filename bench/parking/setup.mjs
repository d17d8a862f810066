// bench/parking: the rows (provider, property, station, area, 2 × N spots with camera locks, N cameras)
// through the admin API; prints the cameras file for zhichong-sim camera ("serial secret" a line).
//   node setup.mjs BASE_URL ADMIN_PASSWORD N
import { Api, ok } from '../../tests/integration/lib/client.mjs';
import { approvedProvider, propertyWithLogin } from '../../tests/integration/lib/fixture.mjs';
import { approvedStation, addArea } from '../../tests/integration/lib/car.mjs';

const [baseUrl, password, nArg] = process.argv.slice(2);
const n = Number(nArg);
const admin = await new Api(baseUrl).session('admin', password);
const P = await approvedProvider(admin);
const A = await propertyWithLogin(admin, P.id);
const station = await approvedStation(admin, admin, A.id);
const lines = [];
let next = 0;
await Promise.all(Array.from({ length: 8 }, async () => {
  while (next < n) {
    const i = next++;
    const area = await addArea(admin, station.id, { name: `bench-${i}` });
    const { ids } = ok(await admin.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 2, lockType: 2 })).data;
    const serial = `BENCH-CAM-${String(i).padStart(5, '0')}`;
    const d = ok(await admin.post('/car/camera', { stationId: station.id, areaId: area.id, factoryNo: serial, ip: '10.0.0.1', name: serial, sim: '', leftSpotId: ids[0], rightSpotId: ids[1] })).data;
    lines.push(`${serial} ${d.secret}`);
  }
}));
process.stdout.write(lines.join('\n') + '\n');
