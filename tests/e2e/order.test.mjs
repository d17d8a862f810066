// End-to-end test of the order pages (ORD-CAR, ORD-BIKE, ORD-PAY, ORD-REF) against a running zhichong server
// with a real order: through the API a provider, property, approved car station with a payment configuration,
// tariff and an OCPP pile are created; zhichong-sim connects the pile; a driver signs in through the app API,
// pays on the sandbox cashier and the pile charges. In the browser the admin finds the order in 汽车订单, views
// it, ends it, refunds part of the fee (the dialog shows the maximum), exports the list (progress, download);
// 支付订单 and 退费管理 list its payment and refunds, the reconciliation check is balanced.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, ZHICHONG_SIM, CHROMIUM_PATH as the other e2e files; the server runs
//   with testing.enabled (car clock) and sms.dev_endpoint (driver sign-in) — scripts/e2e.sh sets both.
// Screenshots go to tests/e2e/artifacts/order-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok, until } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, defaultArea, addPile, addTariff } from '../integration/lib/car.mjs'
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff } from '../integration/lib/bike.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
process.env.ZHICHONG_SIM_BIN ||= path.resolve(ROOT, process.env.ZHICHONG_SIM || 'build/release/zhichong-sim')
const { driver, chargingCarOrder, chargingBikeOrder, ocppDevices } = await import('../integration/order-admin-helpers.mjs')
const appOrder = async (app, kind, no) => ok(await app.get(`/app/${kind}/orders/${no}`)).data

let browser
let page
let pageErrors = []
let shot, dialogShot, waitTable, successToast, login, openMenu, confirmBox
const fx = {} // admin, station, pile, app (driver), order, pay, sim

before(async () => {
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, login, openMenu, confirmBox } = createUi(page, { prefix: 'order-' }))

  const anon = new Api(BASE)
  const admin = await anon.session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const station = await approvedStation(property.api, admin, property.id)
  ok(await property.api.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: `19004${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) }
  }))
  const area = await defaultArea(property.api, station.id)
  await addTariff(property.api, station.id, area.id, { prepayValues: [2000, 5000] })
  ok(await admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force')
  const pile = ok(await admin.get(`/car/pile/${(await addPile(property.api, station.id, area.id, { protocol: 'ocpp16', gunCount: 2 })).id}`)).data
  // kept in fx at once: `after` stops it even when a later step of this hook fails
  const sim = fx.sim = ocppDevices(BASE, [pile.code], 2, ['--power', '60'])
  await until(async () => ok(await admin.get(`/car/pile/${pile.id}`)).data.guns[0].state === 'idle', 'gun idle', 20000)
  const gun = ok(await admin.get(`/car/pile/${pile.id}`)).data.guns.find((g) => g.gunNo === 1)
  const app = await driver(BASE)
  const order = await chargingCarOrder(BASE, app, gun, 5000)
  const pay = { payNo: order.payNo }
  await until(async () => (await appOrder(app, 'car', order.orderNo)).costSoFar >= 10, 'some fen charged', 20000)
  Object.assign(fx, { admin, station, pile, app, order, pay })

  // an e-bike order on a simulated OCPP e-bike device: mode A, 10 fen per started minute
  const bs = await addBikeStation(property.api, property.id)
  ok(await property.api.put('/bike/station/payConfig', {
    stationId: bs.id, wechat: { enabled: true, mchId: `19006${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) }
  }))
  const ba = await bikeDefaultArea(property.api, bs.id)
  await addBikeTariff(property.api, bs.id, ba.id, { mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000, prepayValues: [200] })
  const d = await addDevice(property.api, bs.id, ba.id, { socketCount: 2 })
  const dev = ok(await admin.get(`/bike/device/${d.id}`)).data
  fx.bikeSim = ocppDevices(BASE, [dev.code], 2, ['--power', '0.4'])
  await until(async () => ok(await admin.get(`/bike/device/${d.id}`)).data.online, 'e-bike device online', 20000)
  const socket = ok(await admin.get(`/bike/device/${d.id}`)).data.sockets.find((x) => x.socketNo === 1)
  fx.bikeOrder = await chargingBikeOrder(BASE, app, socket, 200)
})

after(async () => {
  await fx.sim?.stop()
  await fx.bikeSim?.stop()
  await browser?.close()
})

const scopeOf = (testid) => page.getByTestId(testid)
const orderRow = () => scopeOf('page-order-car').locator('.el-table__body-wrapper tr.el-table__row', { hasText: fx.order.orderNo })
/** The visible copy of a row's cell that is also rendered in the fixed column. */
const rowButton = (row, testid) => row.getByTestId(testid).locator('visible=true').first()

async function searchPhone(testid, field = 'q-phone') {
  await scopeOf(testid).getByTestId(field).fill(fx.app.phone)
  await scopeOf(testid).getByTestId('btn-search').click()
  await waitTable(testid)
}

test('汽车订单: the order is listed (last 7 days), viewed and ended', async () => {
  await login('admin', ADMIN_PASSWORD)
  await openMenu('/order', '/order/car', 'page-order-car')
  await searchPhone('page-order-car')
  await orderRow().waitFor({ state: 'visible' })
  assert.match(await orderRow().innerText(), /充电中/)
  assert.match(await orderRow().innerText(), new RegExp(fx.station.name))
  // the running cost, not 0.00 (issue 15)
  const live = orderRow().getByTestId('cost-so-far')
  await until(async () => Number((await live.innerText()).replace(/[^0-9.]/g, '')) >= 0.1, 'running cost in the list')
  assert.match(await live.innerText(), /实时/)
  await shot('car-list')

  await rowButton(orderRow(), 'row-detail').click()
  const drawer = page.getByTestId('detail-drawer')
  await drawer.waitFor({ state: 'visible' })
  await drawer.getByText(fx.pay.payNo).first().waitFor({ state: 'visible' })
  assert.match(await drawer.innerText(), new RegExp(fx.pile.factoryNo))
  await dialogShot('car-detail-charging')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  await rowButton(orderRow(), 'row-end').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.match(await page.locator('.el-message-box').innerText(), new RegExp(fx.order.orderNo))
  await dialogShot('car-end-confirm')
  await confirmBox()
  await successToast()
  await until(async () => /已完成/.test(await orderRow().innerText()), 'row shows 已完成')
  await until(async () => (await appOrder(fx.app, 'car', fx.order.orderNo)).state === 'completed', 'completed in the app too')
})

test('汽车订单: refund within the maximum, the detail shows the billing breakdown and refunds; export', async () => {
  const o = ok(await fx.admin.get('/order/car/list', { phone: fx.app.phone })).rows[0]
  assert.ok(o.charged >= 10 && o.refundable === o.charged, JSON.stringify(o))
  await scopeOf('page-order-car').getByTestId('btn-search').click()
  await waitTable('page-order-car')
  await rowButton(orderRow(), 'row-refund').click()
  const dlg = page.getByTestId('refund-dialog')
  await dlg.waitFor({ state: 'visible' })
  assert.equal(await dlg.getByTestId('refund-max').innerText(), (o.charged / 100).toFixed(2))
  await dlg.getByTestId('refund-custom').click()
  const amount = dlg.getByTestId('refund-amount').locator('input')
  await amount.fill(((o.charged + 100) / 100).toFixed(2))
  await amount.press('Tab')
  assert.notEqual(await amount.inputValue(), ((o.charged + 100) / 100).toFixed(2), 'capped at the maximum')
  await amount.fill('0.05')
  await amount.press('Tab')
  const reason = dlg.getByTestId('refund-reason')
  const reasonBox = (await reason.evaluate((e) => e.tagName)) === 'TEXTAREA' ? reason : reason.locator('textarea')
  // an empty reason: the message under the field (no toast, no page error), gone once a reason is typed
  const reasonError = dlg.getByTestId('refund-reason-item').locator('.el-form-item__error')
  await dlg.getByTestId('refund-submit').click()
  await reasonError.waitFor({ state: 'visible' })
  assert.match(await reasonError.innerText(), /退费原因|reason/i)
  await reasonBox.fill('充电桩故障补偿')
  await reasonError.waitFor({ state: 'detached' })
  await dialogShot('car-refund-dialog')
  await dlg.getByTestId('refund-submit').click()
  await confirmBox()
  await successToast()
  await dlg.waitFor({ state: 'hidden' })
  const after = await until(async () => {
    const r = ok(await fx.admin.get(`/order/car/${o.id}`)).data
    return r.refunds.some((x) => x.refundType === 'fee_refund' && x.amount === 5 && x.status === 'succeeded') && r
  }, 'fee refund succeeded')
  assert.equal(after.refundable, o.charged - 5)
  assert.equal(after.refunded, 5000 - o.charged + 5)

  await scopeOf('page-order-car').getByTestId('btn-search').click()
  await waitTable('page-order-car')
  await rowButton(orderRow(), 'row-detail').click()
  const drawer = page.getByTestId('detail-drawer')
  await drawer.waitFor({ state: 'visible' })
  await drawer.getByTestId('billing-breakdown').locator('.el-table').first().waitFor({ state: 'visible' })
  await until(async () => (await drawer.getByTestId('refund-table').locator('tr.el-table__row').count()) === 2, 'two refunds in the detail')
  assert.match(await drawer.innerText(), /充电桩故障补偿/)
  // the prepayment's return apart from the operator's refund, in the detail and the row
  const yuanOf = (fen) => (fen / 100).toFixed(2)
  assert.match(await drawer.innerText(), new RegExp(`预付退回\\s*${yuanOf(5000 - o.charged)}`))
  assert.match(await drawer.innerText(), /退费\s*0\.05/)
  assert.equal(await orderRow().getByTestId('prepay-returned').innerText(), yuanOf(5000 - o.charged))
  assert.match(await orderRow().getByTestId('fee-refunded').innerText(), /退费\s*0\.05/)
  await dialogShot('car-detail')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  const download = page.waitForEvent('download')
  await scopeOf('page-order-car').getByTestId('btn-export').click()
  await page.getByTestId('export-dialog').waitFor({ state: 'visible' })
  const file = await download
  assert.match(file.suggestedFilename(), /\.xlsx$/)
  await until(async () => /导出完成/.test(await page.getByTestId('export-status').innerText()), 'export done')
  await dialogShot('car-export')
  await page.keyboard.press('Escape')
})

test('支付订单 and 退费管理 list the order\'s payment and refunds; the books balance', async () => {
  await openMenu('/order', '/order/payment', 'page-order-payment')
  await searchPhone('page-order-payment')
  const payRow = scopeOf('page-order-payment').locator('.el-table__body-wrapper tr.el-table__row', { hasText: fx.pay.payNo })
  await payRow.waitFor({ state: 'visible' })
  assert.match(await payRow.innerText(), /已支付/)
  await shot('payment-list')
  await rowButton(payRow, 'row-detail').click()
  const drawer = page.getByTestId('detail-drawer')
  await drawer.waitFor({ state: 'visible' })
  await until(async () => (await drawer.getByTestId('ledger-table').locator('tr.el-table__row').count()) >= 6, 'ledger rows')
  assert.match(await drawer.innerText(), /payment\.succeeded/)
  await dialogShot('payment-detail')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  await scopeOf('page-order-payment').getByTestId('btn-reconcile').click()
  await page.getByTestId('reconcile-ok').waitFor({ state: 'visible' })
  await dialogShot('payment-reconcile')
  await page.keyboard.press('Escape')

  await openMenu('/order', '/order/refund', 'page-order-refund')
  await searchPhone('page-order-refund', 'q-payee')
  const rows = scopeOf('page-order-refund').locator('.el-table__body-wrapper tr.el-table__row')
  await until(async () => (await rows.count()) === 2, 'two refunds listed')
  assert.match(await rows.first().innerText(), /费用退款/)
  assert.match(await rows.nth(1).innerText(), /预付退回/)
  await shot('refund-list')
  await rowButton(rows.first(), 'row-detail').click()
  await page.getByTestId('detail-drawer').waitFor({ state: 'visible' })
  await until(async () => /sbr/.test(await page.getByTestId('detail-drawer').innerText()), 'third-party refund no.')
  // labels, not codes; the charging order by its number, linked to the order list filtered by it (issue 15)
  const refundText = await page.getByTestId('detail-drawer').innerText()
  assert.match(refundText, /退款成功/)
  assert.doesNotMatch(refundText, /SUCCESS/)
  await dialogShot('refund-detail')
  const link = page.getByTestId('detail-drawer').getByTestId('detail-link').filter({ hasText: fx.order.orderNo })
  await link.click()
  await page.waitForURL(/\/order\/car\?orderNo=/)
  await orderRow().waitFor({ state: 'visible' })
  assert.equal(await scopeOf('page-order-car').locator('.el-table__body-wrapper tr.el-table__row').count(), 1, 'the linked order alone')

  assert.deepEqual(pageErrors, [])
})

test('单车订单: ended by a custom duration (settled by the e-bike tariff); the refused prepayment return is held, warned of and refunded', async () => {
  await openMenu('/order', '/order/bike', 'page-order-bike')
  await searchPhone('page-order-bike')
  const row = scopeOf('page-order-bike').locator('.el-table__body-wrapper tr.el-table__row', { hasText: fx.bikeOrder.orderNo })
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /充电中/)
  await shot('bike-list')
  await rowButton(row, 'row-end').click()
  const dlg = page.getByTestId('end-dialog')
  await dlg.waitFor({ state: 'visible' })
  await dlg.getByTestId('end-custom').click()
  const minutes = dlg.getByTestId('end-minutes').locator('input')
  await minutes.fill('7')
  await minutes.press('Tab')
  await dialogShot('bike-end-dialog')
  // the merchant's balance is short: the gateway refuses the settlement's prepayment return
  ok(await fx.admin.post('/test/payment/sandboxRefuseRefunds', { count: 1 }))
  await dlg.getByTestId('end-submit').click()
  await successToast()
  await until(async () => /已结束/.test(await row.innerText()), 'row shows 已结束')
  const o = ok(await fx.admin.get('/order/bike/list', { phone: fx.app.phone })).rows[0]
  assert.equal(o.charged, 70, '7 started minutes × 0.10 yuan')
  assert.match(o.endReason, /自定义时长7分钟/)
  await until(async () => /退费/.test(await row.innerText()), 'refund button once finished')
  await rowButton(row, 'row-detail').click()
  await page.getByTestId('detail-drawer').waitFor({ state: 'visible' })
  const drawer = page.getByTestId('detail-drawer')
  await until(async () => /0\.70/.test(await drawer.innerText()), 'fee in the detail')
  await drawer.getByTestId('stuck-held').waitFor({ state: 'visible' })
  assert.match(await drawer.getByTestId('stuck-held').innerText(), /1\.30 元仍冻结/)
  assert.match(await drawer.getByTestId('refund-table').innerText(), /NOT_ENOUGH/)
  await dialogShot('bike-detail-held')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  // 退费 in full: the held 1.30 and the fee 0.70
  await scopeOf('page-order-bike').getByTestId('btn-search').click()
  await waitTable('page-order-bike')
  await rowButton(row, 'row-refund').click()
  const rdlg = page.getByTestId('refund-dialog')
  await rdlg.waitFor({ state: 'visible' })
  assert.equal(await rdlg.getByTestId('refund-max').innerText(), '2.00')
  const reason = rdlg.getByTestId('refund-reason')
  await ((await reason.evaluate((e) => e.tagName)) === 'TEXTAREA' ? reason : reason.locator('textarea')).fill('退回冻结的预付款')
  await rdlg.getByTestId('refund-submit').click()
  await confirmBox()
  await successToast()
  await rdlg.waitFor({ state: 'hidden' })
  const done = await until(async () => {
    const r = ok(await fx.admin.get(`/order/bike/${o.id}`)).data
    return r.refunded === 200 && r.refunds.filter((x) => x.status === 'succeeded').length === 2 && r
  }, 'held part and fee refunded')
  assert.equal(done.refundable, 0)
  await rowButton(row, 'row-detail').click()
  await drawer.waitFor({ state: 'visible' })
  await until(async () => (await drawer.getByTestId('refund-table').locator('tr.el-table__row').count()) === 3, 'three refunds in the detail')
  assert.equal(await drawer.getByTestId('stuck-held').count(), 0, 'nothing held any more')
  await dialogShot('bike-detail')
  await page.keyboard.press('Escape')
  assert.deepEqual(pageErrors, [])
})

test('the car order page in English', async () => {
  await openMenu('/order', '/order/car', 'page-order-car')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await scopeOf('page-order-car').getByText('Order No.').first().waitFor({ state: 'visible' })
  await searchPhone('page-order-car')
  await orderRow().waitFor({ state: 'visible' })
  assert.match(await orderRow().innerText(), /Completed/)
  assert.match(await scopeOf('page-order-car').locator('.el-table__header-wrapper').innerText(), /Prepay Returned/)
  assert.match(await orderRow().getByTestId('fee-refunded').innerText(), /Refund\s*0\.05/)
  await shot('car-list-en')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  assert.deepEqual(pageErrors, [])
})
