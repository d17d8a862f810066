// End-to-end test of the e-bike charging pages (BIKE-*, BIKE-FLOW) against a running zhichong server.
//   ZHICHONG_URL             server base URL (default http://127.0.0.1:8080)
//   ZHICHONG_ADMIN_PASSWORD  password of the built-in `admin` user
//   CHROMIUM_PATH            browser binary (default /usr/bin/chromium)
// Flow: admin creates a provider, approves it and creates a property; the property signs in and
// creates an e-bike station (its default area appears), configures invoice and payment, adds an area,
// a device (its sockets appear), refreshes the device status ("offline" from the server, never a fake
// success), adds a mode-B tariff with power bands (a gap is shown before submit), runs the billing test
// and the prepay → duration conversion, saves prepay values, downloads a socket QR PNG and a socket QR
// Excel export, is refused deleting an area that still has a device and a tariff, deletes the device,
// and admin approves the station. Screenshots of every bike page go to tests/e2e/artifacts/bike-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'

const stamp = String(Date.now()).slice(-8)
const suffix = stamp.slice(-5)
const provider = { name: `单车服务商${suffix}`, contact: '周一', phone: `132${stamp}`, email: `bp${stamp}@example.com` }
const property = { name: `单车物业${suffix}`, contact: '吴二', phone: `131${stamp}`, email: `bq${stamp}@example.com` }
const station = { name: `E2E单车站${suffix}`, shortName: `单车站${suffix}`, phone: '0571-86660000' }
const area = { name: `北门车棚${suffix}`, phone: '0571-86661111' }
const device = { factoryNo: `BF${stamp}`, name: `北门双路桩${suffix}`, location: '北门车棚东侧第 2 根立柱' }
const tariff = { name: `功率计费${suffix}` }
let providerPassword = ''
let propertyPassword = ''
let deviceCode = ''

let browser
let page
let pageErrors = []
// the helpers of lib/ui.mjs, bound to the page in before()
let shot, dialogShot, waitTable, successToast, errorToast, pickOption, pickRegion, fillNumber, rowWith, confirmBox, login, logout, openMenu, fillDate, moreItem, stationFilter

const BIKE = {
  station: ['/bike/station', 'page-bike-station'], area: ['/bike/area', 'page-bike-area'], device: ['/bike/device', 'page-bike-device'],
  socket: ['/bike/socket', 'page-bike-socket'], tariff: ['/bike/tariff', 'page-bike-tariff']
}
const openBike = (k) => openMenu('/bike', BIKE[k][0], BIKE[k][1])

/** Pick the test's station in a page's search form and search. */
const filterByStation = (scope) => stationFilter(scope, station.name)

before(async () => {
  ({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, errorToast, pickOption, pickRegion, fillNumber, rowWith, confirmBox, login, logout, openMenu, fillDate, moreItem, filterByStation: stationFilter } = createUi(page, { prefix: 'bike-' }))
})

after(async () => {
  await browser?.close()
})

test('admin creates a provider and a property', async () => {
  await login('admin', ADMIN_PASSWORD)
  await openMenu('/system', '/system/provider', 'page-provider')
  await page.getByTestId('page-provider').getByTestId('btn-add').click()
  await page.getByTestId('provider-form').waitFor({ state: 'visible' })
  await page.getByTestId('f-name').fill(provider.name)
  await page.getByTestId('f-contact').fill(provider.contact)
  await page.getByTestId('f-phone').fill(provider.phone)
  await page.getByTestId('f-email').fill(provider.email)
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('page-provider').getByTestId('q-phone').fill(provider.phone)
  await page.getByTestId('page-provider').getByTestId('btn-search').click()
  await waitTable('page-provider')
  await rowWith('page-provider', provider.phone).getByTestId('row-audit').click()
  await page.getByTestId('audit-pass').click()
  await page.getByTestId('audit-submit').click()
  await page.getByTestId('account-result').waitFor({ state: 'visible' })
  providerPassword = (await page.getByTestId('account-password').innerText()).trim()
  await page.getByTestId('account-done').click()
  assert.ok(providerPassword.length >= 8)

  await openMenu('/system', '/system/property', 'page-property')
  await page.getByTestId('page-property').getByTestId('btn-add').click()
  await page.getByTestId('property-form').waitFor({ state: 'visible' })
  await pickOption('f-provider', provider.name)
  await page.getByTestId('f-name').fill(property.name)
  await page.getByTestId('f-contact').fill(property.contact)
  await page.getByTestId('f-phone').fill(property.phone)
  await page.getByTestId('f-email').fill(property.email)
  await pickRegion('f-region', ['浙江省', '杭州市'])
  await page.getByTestId('f-address').fill('余杭区文一西路 1000 号')
  await page.getByTestId('dialog-submit').click()
  await page.getByTestId('account-result').waitFor({ state: 'visible' })
  propertyPassword = (await page.getByTestId('account-password').innerText()).trim()
  await page.getByTestId('account-done').click()
  assert.ok(propertyPassword.length >= 8)
  await logout()
})

test('the property signs in and sees the e-bike menu', async () => {
  await login(property.phone, propertyPassword)
  await page.getByTestId('submenu-/bike').locator('.el-sub-menu__title').click()
  for (const k of Object.keys(BIKE)) await page.getByTestId('menu-' + BIKE[k][0]).waitFor({ state: 'visible' })
})

test('the property creates an e-bike station (validation first)', async () => {
  await openBike('station')
  await page.getByTestId('page-bike-station').getByTestId('btn-add').click()
  const form = page.getByTestId('station-form')
  await form.waitFor({ state: 'visible' })
  await page.getByTestId('dialog-submit').click()
  await form.locator('.el-form-item__error').first().waitFor({ state: 'visible' })
  await page.getByTestId('f-name').fill(station.name)
  await page.getByTestId('f-shortName').fill(station.shortName)
  await page.getByTestId('f-servicePhone').fill(station.phone)
  await pickRegion('f-region', ['浙江省', '杭州市', '余杭区'])
  await page.getByTestId('f-address').fill('文一西路 1000 号 3 号楼北门')
  await fillNumber('f-longitude', '120.012345')
  await fillNumber('f-latitude', '30.287654')
  await dialogShot('02-station-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
  await waitTable('page-bike-station')
  const row = rowWith('page-bike-station', station.name)
  await row.waitFor({ state: 'visible' })
  assert.ok((await row.innerText()).includes('待审核'))
  await shot('01-station-list')
})

test('station detail counts the default area', async () => {
  await rowWith('page-bike-station', station.name).getByTestId('row-detail').click()
  await page.getByTestId('detail-drawer').waitFor({ state: 'visible' })
  await page.getByTestId('count-areas').waitFor({ state: 'visible' })
  assert.match(await page.getByTestId('count-areas').innerText(), /^1\b/, 'the default area is counted')
  await page.getByTestId('station-history').waitFor({ state: 'visible' })
  await dialogShot('03-station-detail')
  await page.keyboard.press('Escape')
  await page.getByTestId('detail-drawer').waitFor({ state: 'hidden' })
})

test('invoice and payment config (shared dialogs)', async () => {
  const row = () => rowWith('page-bike-station', station.name)
  await moreItem(row(), 'row-invoice')
  await page.getByTestId('invoice-form').waitFor({ state: 'visible' })
  for (const [k, v] of Object.entries({ companyName: '杭州单车充电运营有限公司', taxpayerId: '91330100MA2YYYYY2Y', merchantNo: 'M300400500', bankName: '工商银行杭州分行', bankAccount: '1202020000000001', sellerAddress: '杭州市余杭区文一西路 1000 号', electricityTaxCode: '1100101020200000000', serviceTaxCode: '3040502020200000000', drawer: '郑三', payee: '王四', reviewer: '冯五', phone: '0571-86660000' })) {
    await page.getByTestId('inv-' + k).fill(v)
  }
  await dialogShot('04-station-invoice')
  await page.getByTestId('invoice-submit').click()
  await successToast()

  await moreItem(row(), 'row-pay')
  await page.getByTestId('pay-dialog').waitFor({ state: 'visible' })
  await page.getByTestId('pay-leshua-enabled').click()
  await page.getByTestId('pay-leshua-merchantNo').fill('LS55660077')
  await page.getByTestId('pay-leshua-sharing').click()
  await page.getByTestId('split-add').click()
  await page.getByTestId('split-account').nth(0).fill('LS-P-001')
  await page.getByTestId('split-name').nth(0).fill('物业公司')
  await fillNumber('split-ratio', 60, page.locator('[data-testid="split-editor"] tr.el-table__row').nth(0))
  assert.match(await page.getByTestId('split-sum').innerText(), /60\.00%/)
  await dialogShot('05-station-pay')
  await page.getByTestId('pay-submit').click()
  await successToast()
  await page.getByTestId('pay-dialog').waitFor({ state: 'hidden' })
})

test('the default area exists and the property adds an area', async () => {
  await openBike('area')
  await filterByStation('page-bike-area')
  await rowWith('page-bike-area', '默认区域').waitFor({ state: 'visible' })
  await page.getByTestId('page-bike-area').getByTestId('btn-add').click()
  await page.getByTestId('area-form').waitFor({ state: 'visible' })
  const selected = await page.getByTestId('f-station').innerText().catch(() => '')
  if (!selected.includes(station.name)) await pickOption('f-station', station.name)
  await page.getByTestId('f-name').fill(area.name)
  await page.getByTestId('f-phone').fill(area.phone)
  await dialogShot('11-area-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await waitTable('page-bike-area')
  await rowWith('page-bike-area', area.name).waitFor({ state: 'visible' })
  await shot('10-area-list')
})

test('the property adds a device and its sockets appear', async () => {
  await openBike('device')
  await page.getByTestId('page-bike-device').getByTestId('btn-add').click()
  await page.getByTestId('device-form').waitFor({ state: 'visible' })
  await pickOption('f-station', station.name)
  await pickOption('f-area', area.name)
  await page.getByTestId('f-factoryNo').fill(device.factoryNo)
  await page.getByTestId('f-name').fill(device.name)
  await pickOption('f-deviceType', '双路充电桩')
  assert.equal(await page.getByTestId('f-socketCount').locator('input').inputValue(), '2', 'two sockets for a dual device')
  await page.getByTestId('f-location').fill(device.location)
  await fillNumber('f-ratedPower', 1200)
  await fillNumber('f-ratedVoltage', 220)
  await fillNumber('f-ratedCurrent', 5.5)
  await fillNumber('f-currentUpperLimit', 6)
  await fillNumber('f-currentLowerLimit', 0.2)
  await fillDate('f-productionDate', '2025-03-01')
  await fillDate('f-deploymentDate', '2025-06-18')
  await dialogShot('21-device-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await waitTable('page-bike-device')
  const row = rowWith('page-bike-device', device.name)
  await row.waitFor({ state: 'visible' })
  deviceCode = (await row.locator('.code-text').first().innerText()).trim()
  assert.match(deviceCode, /^\d{12}$/, 'the server assigned a 12-digit device code')
  await shot('20-device-list')
  await row.getByTestId('row-detail').click()
  await page.getByTestId('device-sockets').locator('tr.el-table__row').nth(1).waitFor({ state: 'visible' })
  const sockets = await page.getByTestId('device-sockets').innerText()
  assert.ok(sockets.includes(deviceCode + '01') && sockets.includes(deviceCode + '02'), 'socket codes = device code + 2 digits')
  await dialogShot('22-device-detail')
  await page.keyboard.press('Escape')
})

test('refreshing the device status shows the server\'s offline error, never success', async () => {
  await rowWith('page-bike-device', device.name).getByTestId('row-refresh').click()
  const msg = await errorToast('设备')
  assert.match(msg, /设备不在线/)
  await dialogShot('23-device-refresh-offline')
  assert.equal(await page.locator('.el-message--success:visible').count(), 0, 'no fake success')
  assert.match(await rowWith('page-bike-device', device.name).getByTestId('row-online').innerText(), /离线/)
})

test('device QR dialog shows the three templates', async () => {
  await moreItem(rowWith('page-bike-device', device.name), 'row-qr')
  await page.getByTestId('qr-dialog').waitFor({ state: 'visible' })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="qr-dialog"] img[data-testid="qr-image"]').length === 3)
  await dialogShot('24-device-qr')
  await page.keyboard.press('Escape')
  await page.getByTestId('qr-dialog').waitFor({ state: 'hidden' })
})

test('the property adds a mode-B tariff (band gap shown before submit)', async () => {
  await openBike('tariff')
  await page.getByTestId('page-bike-tariff').getByTestId('btn-add').click()
  await page.getByTestId('tariff-form').waitFor({ state: 'visible' })
  await pickOption('f-station', station.name)
  await pickOption('f-area', area.name)
  await page.getByTestId('f-name').fill(tariff.name)
  // the pricing fields follow the mode
  await page.getByTestId('mode-C').click()
  await page.getByTestId('f-servicePrice').waitFor({ state: 'visible' })
  assert.equal(await page.getByTestId('band-editor').count(), 0, 'C has no bands')
  await page.getByTestId('mode-D').click()
  await page.getByTestId('f-unitPrice').waitFor({ state: 'visible' })
  await page.getByTestId('f-energyPrice').waitFor({ state: 'visible' })
  assert.equal(await page.getByTestId('f-servicePrice').count(), 0, 'D charges service per hour, not per kWh')
  await page.getByTestId('mode-E').click()
  await page.getByTestId('band-editor').waitFor({ state: 'visible' })
  await page.getByTestId('f-energyPrice').waitFor({ state: 'visible' })
  await dialogShot('37-tariff-mode-E')
  await page.getByTestId('mode-B').click()
  await page.getByTestId('f-energyPrice').waitFor({ state: 'detached' })
  await page.getByTestId('band-editor').waitFor({ state: 'visible' })
  // default bands 0–200, 200–400, 400+; prices 0.60 / 0.90 / 1.20 per 60 min
  for (const [i, p] of [0.6, 0.9, 1.2].entries()) await fillNumber('band-price', p, page, i)
  await page.getByTestId('bands-ok').waitFor({ state: 'visible' })
  // move the second band up: 200–250 W is not covered
  await fillNumber('band-min', 250, page, 1)
  const problem = page.getByTestId('band-problem').first()
  await problem.waitFor({ state: 'visible' })
  assert.match(await problem.innerText(), /200W–250W 缺失/)
  await dialogShot('31-tariff-band-gap')
  await page.getByTestId('dialog-submit').click()
  await page.getByTestId('tariff-form').locator('.el-form-item__error', { hasText: '功率区间' }).waitFor({ state: 'visible' })
  await fillNumber('band-min', 200, page, 1)
  await page.getByTestId('bands-ok').waitFor({ state: 'visible' })
  await fillNumber('f-maxDuration', 720)
  await fillNumber('f-autoStopAmount', 12)
  await fillNumber('f-freeMinutes', 5)
  await page.getByTestId('prepay-add').click()
  await page.getByTestId('prepay-add').click()
  await dialogShot('32-tariff-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await waitTable('page-bike-tariff')
  const row = rowWith('page-bike-tariff', tariff.name)
  await row.waitFor({ state: 'visible' })
  assert.ok((await row.innerText()).includes('功率模式'))
  await shot('30-tariff-list')
  await row.getByTestId('row-detail').click()
  await page.getByTestId('tariff-bands').locator('tr.el-table__row').nth(2).waitFor({ state: 'visible' })
  await dialogShot('33-tariff-detail')
  await page.keyboard.press('Escape')
})

test('billing test: the server bills 2 h 30 min at 380 W in the 200–400 W band', async () => {
  await rowWith('page-bike-tariff', tariff.name).getByTestId('row-billing-test').click()
  await page.getByTestId('billing-test').waitFor({ state: 'visible' })
  await fillNumber('bt-minutes', 150)
  await fillNumber('bt-power', 380)
  await page.getByTestId('bt-calc').click()
  const total = page.getByTestId('bt-total')
  await total.waitFor({ state: 'visible' })
  // 3 started hours × 0.90 = 2.70 (docs/billing.md B1)
  assert.equal((await total.innerText()).trim(), '¥ 2.70')
  assert.match(await page.getByTestId('bt-band').innerText(), /200W–400W/)
  await fillNumber('pd-amount', 2)
  await page.getByTestId('pd-calc').click()
  const pd = page.getByTestId('pd-result')
  await pd.waitFor({ state: 'visible' })
  // 2.00 buys 2 started hours at 0.90 → 120 min
  assert.match(await pd.innerText(), /2小时/)
  await dialogShot('34-tariff-billing-test')
  await page.keyboard.press('Escape')
})

test('prepay values dialog saves the amounts', async () => {
  await moreItem(rowWith('page-bike-tariff', tariff.name), 'row-prepay')
  await page.getByTestId('prepay-editor').waitFor({ state: 'visible' })
  await page.getByTestId('prepay-add').click()
  await dialogShot('35-tariff-prepay')
  await page.getByTestId('prepay-submit').click()
  await successToast()
  await waitTable('page-bike-tariff')
  assert.match(await rowWith('page-bike-tariff', tariff.name).innerText(), /1\.00 \/ 2\.00 \/ 3\.00/)
})

test('sockets of a device that never connected are listed offline (as the guns of a new pile), with their codes', async () => {
  await openBike('socket')
  await page.getByTestId('page-bike-socket').getByTestId('q-deviceCode').fill(deviceCode)
  await page.getByTestId('page-bike-socket').getByTestId('btn-search').click()
  await waitTable('page-bike-socket')
  const first = rowWith('page-bike-socket', deviceCode + '01')
  await first.waitFor({ state: 'visible' })
  await rowWith('page-bike-socket', deviceCode + '02').waitFor({ state: 'visible' })
  assert.match(await first.innerText(), /离线/)
  await shot('40-socket-list')
})

test('socket QR: three templates, download a PNG', async () => {
  await rowWith('page-bike-socket', deviceCode + '01').getByTestId('row-qr').click()
  await page.getByTestId('qr-dialog').waitFor({ state: 'visible' })
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="qr-dialog"] img[data-testid="qr-image"]').length === 3)
  assert.match(await page.getByTestId('qr-url').innerText(), new RegExp(`/app/socket/${deviceCode}01`))
  await page.getByTestId('qr-template-card').click()
  await dialogShot('41-socket-qr')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('qr-download').click()])
  const bytes = readFileSync(await download.path())
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature')
  assert.match(download.suggestedFilename(), /\.png$/)
  await page.keyboard.press('Escape')
  await page.getByTestId('qr-dialog').waitFor({ state: 'hidden' })
})

test('socket QR export: progress, then an xlsx with the filtered rows', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60000 }),
    page.getByTestId('page-bike-socket').getByTestId('btn-qr-export').click()
  ])
  await page.getByTestId('export-dialog').waitFor({ state: 'visible' })
  await page.getByTestId('export-status').filter({ hasText: '导出完成' }).waitFor({ state: 'visible' })
  await dialogShot('42-socket-qr-export')
  const file = await download.path()
  const bytes = readFileSync(file)
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'xlsx is a zip')
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  const listing = execFileSync('unzip', ['-l', file]).toString()
  assert.equal((listing.match(/xl\/media\/[^\s]+\.png/g) || []).length, 2, 'one QR image per socket')
  const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml']).toString()
  const xml = sheet + (listing.includes('xl/sharedStrings.xml') ? execFileSync('unzip', ['-p', file, 'xl/sharedStrings.xml']).toString() : '')
  assert.ok(xml.includes(deviceCode + '01') && xml.includes(deviceCode + '02'), 'both socket codes')
  assert.ok(xml.includes(station.name), 'station column')
  assert.equal((sheet.match(/<row /g) || []).length, 3, 'header + 2 rows')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-dialog').waitFor({ state: 'hidden' })
})

test('deleting an area with a device and a tariff is refused with the server\'s message', async () => {
  await openBike('area')
  await filterByStation('page-bike-area')
  const row = rowWith('page-bike-area', area.name)
  await row.waitFor({ state: 'visible' })
  await row.getByTestId('row-delete').click()
  await confirmBox()
  const msg = await errorToast('区域下存在')
  assert.match(msg, /区域下存在充电设备，请先删除设备/)
  await dialogShot('12-area-delete-refused')
  await waitTable('page-bike-area')
  await row.waitFor({ state: 'visible' })
  await row.getByTestId('row-detail').click()
  await page.getByTestId('count-devices').waitFor({ state: 'visible' })
  assert.match(await page.getByTestId('count-devices').innerText(), /^1\b/)
  await dialogShot('13-area-detail')
  await page.keyboard.press('Escape')
})

test('the device is deleted after confirmation', async () => {
  await openBike('device')
  const row = rowWith('page-bike-device', device.name)
  await row.waitFor({ state: 'visible' })
  await moreItem(row, 'row-delete')
  await page.locator('.el-message-box', { hasText: '2 个插座' }).waitFor({ state: 'visible' })
  await confirmBox()
  await successToast()
  await waitTable('page-bike-device')
  assert.equal(await row.count(), 0)
  await openBike('area')
  await filterByStation('page-bike-area')
  await rowWith('page-bike-area', area.name).getByTestId('row-delete').click()
  await confirmBox()
  assert.match(await errorToast('计费规则'), /区域下存在计费规则，请先删除计费规则/)
})

test('admin approves the station; station detail shows the counts', async () => {
  await logout()
  await login('admin', ADMIN_PASSWORD)
  await openBike('station')
  await page.getByTestId('page-bike-station').getByTestId('q-name').fill(station.name)
  await page.getByTestId('page-bike-station').getByTestId('btn-search').click()
  await waitTable('page-bike-station')
  await rowWith('page-bike-station', station.name).getByTestId('row-audit').click()
  await page.getByTestId('station-audit-form').waitFor({ state: 'visible' })
  await page.getByTestId('audit-pass').click()
  await page.getByTestId('audit-remark').fill('资料齐全，同意运营')
  await dialogShot('06-station-audit')
  await page.getByTestId('audit-submit').click()
  await successToast()
  await waitTable('page-bike-station')
  assert.ok((await rowWith('page-bike-station', station.name).innerText()).includes('通过'))
  await rowWith('page-bike-station', station.name).getByTestId('row-detail').click()
  await page.getByTestId('count-areas').waitFor({ state: 'visible' })
  assert.match(await page.getByTestId('count-areas').innerText(), /^2\b/)
  await page.keyboard.press('Escape')
})

test('English labels on the e-bike pages', async () => {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await openBike('tariff')
  await page.getByTestId('page-bike-tariff').getByText('Tariff name').first().waitFor({ state: 'visible' })
  await shot('36-tariff-list-en')
  await openBike('device')
  await shot('25-device-list-en')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
})

test('no uncaught page errors', () => {
  assert.deepEqual(pageErrors, [])
})
