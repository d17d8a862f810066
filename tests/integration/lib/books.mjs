// The books check every money-moving test ends with (docs/payment.md): the reconciliation finds no problem.
import assert from 'node:assert/strict';
import { ok } from './client.mjs';

/** GET /order/payment/reconciliation (a system administrator's `admin`): balanced, no problems. */
export async function assertBooksBalance(admin) {
  const r = ok(await admin.get('/order/payment/reconciliation')).data;
  assert.deepEqual(r.problems, [], 'reconciliation problems');
  assert.equal(r.balanced, true);
}
