// End-to-end test of the split records page (STAT-SPLIT 分账记录, docs/splits.md) against a running zhichong
// server: through the API a car station whose payment configuration splits 30 % and 15.5 % to two
// merchants; a payment on the sandbox cashier settled with 12.34 yuan is split automatically (3.70 + 1.91).
// In the browser the property account finds the split by its number and by the receiver, views its
// receivers, revokes it (confirmation; the return completes asynchronously → 已回退), and sees the page in
// English.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, CHROMIUM_PATH as the other e2e files (testing.enabled).
// Screenshots go to tests/e2e/artifacts/split-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok, until, randPhone } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation } from '../integration/lib/car.mjs'

let browser
let page
let pageErrors = []
let shot, dialogShot, waitTable, successToast, login, openMenu, confirmBox
const fx = {}

before(async () => {
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, login, openMenu, confirmBox } = createUi(page, { prefix: 'split-' }))
  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const station = await approvedStation(property.api, admin, property.id)
  const tag = Date.now() % 100000000
  ok(await property.api.put('/car/station/payConfig', {
    stationId: station.id,
    leshua: {
      enabled: true, merchantNo: `66${tag}`, profitSharing: true,
      splitAccounts: [{ type: 'merchant', account: `SA${tag}`, name: '业主甲', ratio: 3000 }, { type: 'merchant', account: `SB${tag}`, name: '合伙人乙', ratio: 1550 }]
    }
  }))
  const p = ok(await admin.post('/test/payment/prepay', { orderType: 'car', stationId: station.id, amount: 5000, phone: randPhone() })).data
  await fetch(BASE + p.cashierPath + '/confirm', { method: 'POST' })
  await until(async () => ok(await admin.get(`/order/payment/${p.id}`)).data.status === 'paid', 'paid')
  ok(await admin.post('/test/payment/settle', { payOrderId: p.id, cost: 1234 }))
  const split = await until(async () => {
    const s = (await admin.list('/stat/split/list', {})).rows.find((r) => r.payNo === p.payNo)
    return s && s.status === 'succeeded' && s
  }, 'split succeeded', 15000)
  Object.assign(fx, { admin, property, split, tag })
})

after(async () => {
  await browser?.close()
})

const scope = (testid) => page.getByTestId(testid)
const rowOf = (text) => scope('page-stat-split').locator('.el-table__body-wrapper tr.el-table__row', { hasText: text })
const rowButton = (row, testid) => row.getByTestId(testid).locator('visible=true').first()

test('分账记录: found by split no. and receiver, detail, revoke (confirmed, asynchronous)', async () => {
  await login(fx.property.userName, fx.property.initialPassword)
  await openMenu('/stat', '/stat/split', 'page-stat-split')
  const pageEl = scope('page-stat-split')
  await pageEl.getByTestId('q-receiver').fill('合伙人')
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-split')
  const row = rowOf(fx.split.splitNo)
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /5\.61/)
  assert.match(await row.innerText(), /分账成功/)
  await pageEl.getByTestId('btn-reset').click()
  await pageEl.getByTestId('q-splitNo').fill(fx.split.splitNo)
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-split')
  assert.equal(await pageEl.locator('.el-table__body-wrapper tr.el-table__row').count(), 1)

  await rowButton(row, 'row-detail').click()
  const receivers = page.getByTestId('split-receivers')
  await receivers.waitFor({ state: 'visible' })
  await until(async () => /3\.70/.test(await receivers.innerText()), 'the receivers loaded')
  assert.match(await receivers.innerText(), /1\.91/)
  await dialogShot('detail')
  await page.keyboard.press('Escape')
  await receivers.waitFor({ state: 'hidden' })

  await rowButton(row, 'row-revoke').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.match(await page.locator('.el-message-box').innerText(), new RegExp(fx.split.splitNo))
  await confirmBox()
  await successToast()
  await until(async () => {
    await pageEl.getByTestId('btn-search').click()
    await waitTable('page-stat-split')
    return (await row.locator('.el-tag', { hasText: '已回退' }).count()) > 0
  }, 'the split returned', 15000)
  assert.equal(await rowButton(row, 'row-revoke').count(), 0)
  await shot('revoked')
  const d = ok(await fx.admin.get(`/stat/split/${fx.split.id}`)).data
  assert.deepEqual(d.returns.map((r) => r.status), ['succeeded', 'succeeded'])
  assert.equal(ok(await fx.admin.get('/order/payment/reconciliation')).data.balanced, true)
})

test('分账记录 in English', async () => {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await scope('page-stat-split').getByText('Split no.').first().waitFor({ state: 'visible' })
  assert.match(await scope('page-stat-split').innerText(), /Receiver/)
  assert.match(await scope('page-stat-split').innerText(), /Returned/)
  await shot('en')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  assert.deepEqual(pageErrors, [])
})
