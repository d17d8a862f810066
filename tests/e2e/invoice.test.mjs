// End-to-end test of e-invoices (ORD-INV, APP-5; docs/invoices.md): through the API a station with its invoice
// configuration and a driver with completed orders (test route); in the admin web the operator invoices one
// order from 汽车订单 (开票), finds it issued on 发票管理, opens its detail and downloads the PDF — page 1 is
// rendered to tests/e2e/artifacts/invoice-pdf-page1.png (pdftoppm) to be looked at; in the driver H5 the driver
// asks for an invoice of another order and sees it issued with its PDF button.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, CHROMIUM_PATH as the other e2e files (testing.enabled, sms.dev_endpoint).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { BASE, ADMIN_PASSWORD, ARTIFACTS, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok, until, randPhone } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation } from '../integration/lib/car.mjs'
import { signIn } from '../integration/lib/app.mjs'

let browser, page, pageErrors
let shot, dialogShot, waitTable, successToast, login, openMenu
const fx = {}

before(async () => {
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, login, openMenu } = createUi(page, { prefix: 'invoice-' }))
  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const station = await approvedStation(property.api, admin, property.id)
  ok(await property.api.put('/car/station/invoiceConfig', {
    stationId: station.id, merchantNo: 'M123456', sellerAddress: '深圳市南山区科技园科苑路1号', bankAccount: '6222000011112222',
    bankName: '招商银行深圳科技园支行', drawer: '张三', companyName: '深圳智充科技有限公司', payee: '李四', reviewer: '王五',
    taxpayerId: '91440300MA5ABCDE1X', electricityTaxRate: 1300, electricityTaxCode: '1100101020000000000', serviceTaxRate: 600,
    serviceTaxCode: '3040201000000000000', phone: '0755-86001234'
  }))
  const phone = randPhone()
  const token = await signIn(BASE, phone)
  const orders = ok(await admin.post('/test/invoice/orders', { orderType: 'car', stationId: station.id, phone, count: 2, energyFee: 4680, serviceFee: 1755 })).data
  Object.assign(fx, { admin, property, station, phone, token, orders })
})

after(async () => { await browser?.close() })

test('admin: 开票 on 汽车订单, issued on 发票管理, detail, PDF downloaded and rendered', async () => {
  await login('admin', ADMIN_PASSWORD)
  await openMenu('/order', '/order/car', 'page-order-car')
  const scope = page.getByTestId('page-order-car')
  await scope.getByTestId('q-phone').fill(fx.phone)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-order-car')
  const row = scope.locator('.el-table__body-wrapper tr.el-table__row', { hasText: fx.orders[0].orderNo })
  await row.getByTestId('row-invoice').locator('visible=true').first().click()
  const dlg = page.getByTestId('invoice-dialog')
  await dlg.waitFor({ state: 'visible' })
  assert.match(await dlg.getByTestId('invoice-amount').innerText(), /64\.35/)
  await dlg.getByTestId('invoice-title-type').getByText('企业').click()
  await dlg.getByTestId('invoice-title').fill('深圳市顺达物流有限公司')
  await dlg.getByTestId('invoice-taxpayer').fill('91440300MA5XYZ1234')
  await dlg.getByTestId('invoice-email').fill('finance@shunda.example.com')
  await dialogShot('request-dialog')
  await dlg.getByTestId('invoice-submit').click()
  await successToast()
  await dlg.waitFor({ state: 'hidden' })

  await openMenu('/order', '/order/invoice', 'page-order-invoice')
  const inv = page.getByTestId('page-order-invoice')
  await inv.getByTestId('q-orderNo').fill(fx.orders[0].orderNo)
  const invRow = inv.locator('.el-table__body-wrapper tr.el-table__row').first()
  await until(async () => {
    await inv.getByTestId('btn-search').click()
    await waitTable('page-order-invoice')
    return /已开票/.test(await invRow.innerText())
  }, 'invoice issued in the list', 15000)
  await shot('list')
  await invRow.getByTestId('row-detail').locator('visible=true').first().click()
  const drawer = page.getByTestId('detail-drawer')
  await drawer.waitFor({ state: 'visible' })
  await drawer.getByTestId('invoice-lines').locator('tr.el-table__row').nth(1).waitFor({ state: 'visible' })
  assert.match(await drawer.innerText(), /深圳市顺达物流有限公司[\s\S]*91440300MA5XYZ1234/)
  await dialogShot('detail')
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })

  const download = page.waitForEvent('download')
  await invRow.getByTestId('row-download').locator('visible=true').first().click()
  const file = await download
  assert.match(file.suggestedFilename(), /^FP\d+\.pdf$/)
  const pdf = path.join(ARTIFACTS, 'invoice.pdf')
  await file.saveAs(pdf)
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
  assert.equal(text.status, 0, text.stderr)
  assert.match(text.stdout, /深圳市顺达物流有限公司/)
  assert.match(text.stdout, /陆拾肆元叁角伍分/)
  const png = spawnSync('pdftoppm', ['-png', '-r', '120', '-f', '1', '-l', '1', '-singlefile', pdf, path.join(ARTIFACTS, 'invoice-pdf-page1')])
  assert.equal(png.status, 0, String(png.stderr))
  // the order's detail lists its invoice
  await openMenu('/order', '/order/car', 'page-order-car')
  await scope.getByTestId('q-phone').fill(fx.phone)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-order-car')
  await row.getByTestId('row-detail').locator('visible=true').first().click()
  await drawer.waitFor({ state: 'visible' })
  await drawer.getByTestId('order-invoices').locator('tr.el-table__row').first().waitFor({ state: 'visible' })
  assert.match(await drawer.getByTestId('order-invoices').innerText(), /已开票/)
  await page.keyboard.press('Escape')
  assert.deepEqual(pageErrors, [])
})

test('driver H5: 开发票 for an order, then 我的发票 shows it issued with its PDF', async () => {
  await page.setViewportSize({ width: 390, height: 844 })
  await page.goto(BASE + '/h5/me')
  await page.evaluate((t) => localStorage.setItem('zc-h5-token', t), fx.token)
  await page.goto(`${BASE}/h5/invoice/new?type=car&orders=${fx.orders[1].orderNo}`)
  await page.getByTestId('page-invoice-new').waitFor()
  await page.locator(`[data-testid="invoice-order"][data-order-no="${fx.orders[1].orderNo}"]`).waitFor()
  assert.match(await page.getByTestId('invoice-amount').locator('input').inputValue(), /64\.35/)
  await page.getByTestId('invoice-title').locator('input').fill('王小明')
  await page.getByTestId('invoice-email').locator('input').fill('wxm@example.com')
  await shot('h5-request')
  await page.getByTestId('invoice-submit').click()
  await page.waitForURL(/\/h5\/invoices$/)
  const first = page.getByTestId('invoice-row').first()
  await until(async () => (await first.getAttribute('data-status')) === 'issued', 'issued in the H5 list', 15000)
  await first.getByTestId('invoice-pdf').waitFor({ state: 'visible' })
  await shot('h5-list')
  const mine = ok(await new Api(BASE).as(fx.token).get('/app/invoices')).rows
  // newest first: the driver's own request, then the one the operator made for the other order
  assert.deepEqual(mine.map((v) => [v.orders[0].orderNo, v.status]), [[fx.orders[1].orderNo, 'issued'], [fx.orders[0].orderNo, 'issued']])
  assert.deepEqual(pageErrors, [])
})
