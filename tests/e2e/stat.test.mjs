// End-to-end test of the service-log pages (STAT-CALL 接听记录, STAT-FAULT 故障记录, docs/api-stat.md) against a
// running zhichong server: through the API a provider, a property with its login and a car station with a
// pile. In the browser the property account adds a call record (a bad phone is refused under its field),
// finds it by the caller's name, edits it and exports the list (progress, download); it adds a fault linked
// to the pile, moves it to 维修中 then 已解决 (without a solution the message shows under the field), filters
// by state, views the detail and exports; the fault page in English; the station report (type filter, totals
// row, chart, export).
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, CHROMIUM_PATH as the other e2e files.
// Screenshots go to tests/e2e/artifacts/stat-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok, until } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, defaultArea, addPile } from '../integration/lib/car.mjs'

let browser
let page
let pageErrors = []
let shot, dialogShot, waitTable, successToast, pickOption, login, openMenu
const fx = {} // property, pile
const caller = `王先生${Date.now() % 100000}`
const summary = `2号枪无法启动${Date.now() % 100000}`

before(async () => {
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, pickOption, login, openMenu } = createUi(page, { prefix: 'stat-' }))
  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const station = await approvedStation(property.api, admin, property.id)
  const area = await defaultArea(property.api, station.id)
  const pile = ok(await property.api.get(`/car/pile/${(await addPile(property.api, station.id, area.id)).id}`)).data
  Object.assign(fx, { property, pile })
})

after(async () => {
  await browser?.close()
})

const scope = (testid) => page.getByTestId(testid)
const rowOf = (testid, text) => scope(testid).locator('.el-table__body-wrapper tr.el-table__row', { hasText: text })
/** The visible copy of a row's button (the fixed action column renders it twice). */
const rowButton = (row, testid) => row.getByTestId(testid).locator('visible=true').first()
const fieldError = (form, prop) => form.locator(`.el-form-item.is-error:has([data-testid="f-${prop}"]) .el-form-item__error`)

async function exportList(testid) {
  const download = page.waitForEvent('download', { timeout: 60000 })
  await scope(testid).getByTestId('btn-export').click()
  await page.getByTestId('export-dialog').waitFor({ state: 'visible' })
  const file = await download
  assert.match(file.suggestedFilename(), /\.xlsx$/)
  await until(async () => /导出完成/.test(await page.getByTestId('export-status').innerText()), 'export done')
  return file
}

test('接听记录: the property adds a call record (a bad phone refused under its field)', async () => {
  await login(fx.property.userName, fx.property.initialPassword)
  await openMenu('/stat', '/stat/call', 'page-stat-call')
  await scope('page-stat-call').getByTestId('btn-add').click()
  const form = page.getByTestId('call-form')
  await form.waitFor({ state: 'visible' })
  await form.getByTestId('f-callerName').fill(caller)
  await form.getByTestId('f-callerPhone').fill('abc')
  await form.getByTestId('f-agentName').fill('客服小周')
  await form.getByTestId('f-agentPhone').fill('400-800-1234')
  await form.getByTestId('f-content').fill('2号枪无法启动，已远程重启')
  await page.getByTestId('dialog-submit').click()
  // the server's field error, under the caller's phone
  await fieldError(form, 'callerPhone').waitFor({ state: 'visible' })
  await dialogShot('call-phone-error')
  await form.getByTestId('f-callerPhone').fill('13800138000')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
})

test('接听记录: found by the caller\'s name, edited, exported', async () => {
  await scope('page-stat-call').getByTestId('q-callerName').fill(caller)
  await scope('page-stat-call').getByTestId('btn-search').click()
  await waitTable('page-stat-call')
  const row = rowOf('page-stat-call', caller)
  await row.waitFor({ state: 'visible' })
  assert.equal(await scope('page-stat-call').locator('.el-table__body-wrapper tr.el-table__row').count(), 1)
  assert.match(await row.innerText(), /13800138000/)
  assert.match(await row.innerText(), /客服小周/)
  await shot('call-list')

  await rowButton(row, 'row-edit').click()
  const form = page.getByTestId('call-form')
  await form.waitFor({ state: 'visible' })
  assert.equal(await form.getByTestId('f-callerName').inputValue(), caller)
  await form.getByTestId('f-content').fill('已远程重启，用户确认可以充电')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
  await until(async () => /用户确认可以充电/.test(await row.innerText()), 'the edited content in the row')

  await rowButton(row, 'row-detail').click()
  const detail = page.getByTestId('detail-dialog')
  await detail.waitFor({ state: 'visible' })
  assert.match(await detail.innerText(), /400-800-1234/)
  await dialogShot('call-detail')
  await page.getByTestId('detail-close').click()
  await detail.waitFor({ state: 'hidden' })

  await exportList('page-stat-call')
  await dialogShot('call-export')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-dialog').waitFor({ state: 'hidden' })
})

test('故障记录: a fault linked to the pile, repaired, solved (solution required), filtered by state, exported', async () => {
  await openMenu('/stat', '/stat/fault', 'page-stat-fault')
  const pageEl = scope('page-stat-fault')
  await pageEl.getByTestId('btn-add').click()
  const form = page.getByTestId('fault-form')
  await form.waitFor({ state: 'visible' })
  await form.getByTestId('f-summary').fill(summary)
  await form.getByTestId('f-reporterName').fill('李女士')
  await form.getByTestId('f-reporterPhone').fill('13900139000')
  await form.getByTestId('f-detail').fill('插枪后屏幕提示“绝缘检测失败”')
  await pickOption('f-deviceType', '汽车电桩', form)
  await pickOption('f-device', fx.pile.code, form)
  await dialogShot('fault-add')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })

  await pageEl.getByTestId('q-summary').fill(summary)
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-fault')
  const row = rowOf('page-stat-fault', summary)
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /待处理/)
  assert.equal((await row.getByTestId('row-device').innerText()).trim(), fx.pile.code)

  // 维修中, with the repairer
  await rowButton(row, 'row-edit').click()
  await form.waitFor({ state: 'visible' })
  await form.getByTestId('f-repairerName').fill('维修员老张')
  await form.getByTestId('f-repairerPhone').fill('13700137000')
  await form.getByTestId('f-state-repairing').click()
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
  await until(async () => /维修中/.test(await row.innerText()), 'row shows 维修中')

  // 已解决: refused without a solution, the message under the field
  await rowButton(row, 'row-edit').click()
  await form.waitFor({ state: 'visible' })
  await form.getByTestId('f-state-solved').click()
  await page.getByTestId('dialog-submit').click()
  const err = form.getByTestId('f-solution-item').locator('.el-form-item__error')
  await err.waitFor({ state: 'visible' })
  assert.match(await err.innerText(), /解决方案/)
  await dialogShot('fault-solution-required')
  await form.getByTestId('f-solution').fill('更换绝缘检测模块后恢复')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
  await until(async () => /已解决/.test(await row.innerText()), 'row shows 已解决')
  const saved = (await fx.property.api.list('/stat/fault/list', { summary })).rows[0]
  assert.equal(saved.state, 'solved')
  assert.ok(saved.solvedTime > 0)
  assert.equal(saved.deviceId, fx.pile.id)

  // by state: 已解决 lists it, 待处理 does not
  await pickOption('q-state', '待处理', pageEl)
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-fault')
  await row.waitFor({ state: 'detached' })
  await pickOption('q-state', '已解决', pageEl)
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-fault')
  await row.waitFor({ state: 'visible' })
  await shot('fault-list')

  await rowButton(row, 'row-detail').click()
  const detail = page.getByTestId('detail-dialog')
  await detail.waitFor({ state: 'visible' })
  assert.match(await detail.innerText(), /更换绝缘检测模块后恢复/)
  assert.match(await detail.innerText(), new RegExp(fx.pile.code))
  await dialogShot('fault-detail')
  await page.getByTestId('detail-close').click()
  await detail.waitFor({ state: 'hidden' })

  await exportList('page-stat-fault')
  await dialogShot('fault-export')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-dialog').waitFor({ state: 'hidden' })
})

test('故障记录 in English', async () => {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await scope('page-stat-fault').getByText('Repairer').first().waitFor({ state: 'visible' })
  await shot('fault-list-en')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
})

test('站点统计: the report of the property stations — type filter, chart empty state, export', async () => {
  await openMenu('/stat', '/stat/station', 'page-stat-station')
  const pageEl = scope('page-stat-station')
  await pickOption('q-stationType', '汽车', pageEl)
  await pageEl.getByTestId('btn-search').click()
  await waitTable('page-stat-station')
  // the new property has no orders: the chart's empty state (the totals row shows with rows only)
  await pageEl.getByTestId('station-chart').waitFor({ state: 'attached' })
  await pageEl.getByText('所选期间没有数据').waitFor({ state: 'visible' })
  await shot('station-report')
  await exportList('page-stat-station')
  await dialogShot('station-export')
  await page.keyboard.press('Escape')
  await page.getByTestId('export-dialog').waitFor({ state: 'hidden' })
})

test('no uncaught page errors', () => {
  assert.deepEqual(pageErrors, [])
})
