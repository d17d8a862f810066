// Issue 13 item 8 — the export of a list and the list itself parse their filters through the same code
// (docs/api-system.md "Conventions"): for every list/export pair, a filter the list refuses is refused by
// the export with the same status and message, and a filter the list accepts starts an export.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { useServer, approvedProvider, propertyWithLogin } from './lib/fixture.mjs';
import { ok } from './lib/client.mjs';
import { approvedStation, defaultArea, addPile } from './lib/car.mjs';
import { addBikeStation, bikeDefaultArea, addDevice } from './lib/bike.mjs';

const ctx = useServer();

before(async () => {
  await ctx.ready();
  const P = await approvedProvider(ctx.admin);
  const A = await propertyWithLogin(ctx.admin, P.id);
  const s = await approvedStation(A.api, P.api, A.id);
  await addPile(A.api, s.id, (await defaultArea(A.api, s.id)).id, { gunCount: 1 });
  const bs = await addBikeStation(A.api, A.id);
  await addDevice(A.api, bs.id, (await bikeDefaultArea(A.api, bs.id)).id);
});

// list (GET, query) → export (POST, JSON body)
const PAIRS = [
  ['/car/pile/list', '/car/pile/qrExport'],
  ['/car/gun/list', '/car/gun/qrExport'],
  ['/bike/device/list', '/bike/device/qrExport'],
  ['/bike/socket/list', '/bike/socket/qrExport'],
  ['/order/car/list', '/order/car/export'],
  ['/order/bike/list', '/order/bike/export'],
  ['/order/payment/list', '/order/payment/export'],
  ['/order/refund/list', '/order/refund/export'],
  ['/monitor/logininfor/list', '/monitor/logininfor/export'],
  ['/monitor/operlog/list', '/monitor/operlog/export'],
];

// Each filter as the list gets it (query string) and as the export gets it (JSON body).
const FILTERS = [
  [{ status: 'x' }, { status: 'x' }],
  [{ status: '1' }, { status: 1 }],
  [{ stationId: 'abc' }, { stationId: 'abc' }],
  [{ stationId: '1.5' }, { stationId: 1.5 }],
  [{ stationId: '99999999999999999999' }, { stationId: '99999999999999999999' }],
  [{ stationId: '7' }, { stationId: 7 }],
  [{ beginTime: 'yesterday' }, { beginTime: 'yesterday' }],
  [{ endTime: '1e3' }, { endTime: '1e3' }],
  [{ stationId: 'true' }, { stationId: true }],
  [{ name: 'x'.repeat(201) }, { name: 'x'.repeat(201) }],
  [{ code: 'x'.repeat(201) }, { code: 'x'.repeat(201) }],
  [{ phone: 'x'.repeat(201) }, { phone: 'x'.repeat(201) }],
  [{ pageSize: '0' }, { pageSize: 0 }],
  [{ pageSize: '501' }, { pageSize: 501 }],
  [{ pageNum: '0' }, { pageNum: 0 }],
  [{ orderByColumn: 'password' }, { orderByColumn: 'password' }],
  [{ orderByColumn: 'id; DROP TABLE x' }, { orderByColumn: 'id; DROP TABLE x' }],
];

const answer = (r) => `${r.status} ${r.body?.msg ?? ''}`;

test('every export refuses exactly what its list refuses, with the same message', async () => {
  const problems = [];
  for (const [list, exp] of PAIRS) {
    let refused = 0;
    for (const [query, body] of FILTERS) {
      const l = await ctx.admin.get(list, query);
      const e = await ctx.admin.post(exp, body);
      const what = `${exp} ${JSON.stringify(body).slice(0, 60)}`;
      if (l.status === 200) {
        if (e.status !== 200) problems.push(`${what}: the list accepts it, the export answers ${answer(e)}`);
        continue;
      }
      refused += 1;
      if (answer(l) !== answer(e)) problems.push(`${what}: list → ${answer(l)} | export → ${answer(e)}`);
    }
    // the pair is really exercised: its list refuses bad paging and sorting (also when it has no rows)
    assert.ok(refused >= 5, `${list} refuses the bad filters (${refused})`);
  }
  assert.deepEqual(problems, []);
});

test('a filter value that is neither text nor a number is refused by the export, naming it', async () => {
  for (const [, exp] of PAIRS) {
    for (const body of [{ stationId: [1] }, { stationId: { a: 1 } }]) {
      const r = await ctx.admin.post(exp, body);
      assert.equal(r.status, 400, `${exp} ${JSON.stringify(body)}: ${answer(r)}`);
      assert.match(r.body.msg, /^stationId: /, `${exp}: ${r.body.msg}`);
    }
    // null and "" mean "no filter", as an empty query parameter does for the list
    ok(await ctx.admin.post(exp, { stationId: null, status: '' }), `${exp} null/empty`);
  }
});
