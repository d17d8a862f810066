// End-to-end test of the device gateway pages (issue 5) against a running zhichong server, with real
// simulated devices (zhichong-sim ocpp) connected over WebSocket.
//   ZHICHONG_URL             server base URL (default http://127.0.0.1:8080)
//   ZHICHONG_ADMIN_PASSWORD  password of the built-in `admin` user
//   ZHICHONG_SIM             simulator binary (default build/release/zhichong-sim)
//   CHROMIUM_PATH            browser binary (default /usr/bin/chromium)
// Flow: through the API a provider, property, approved car station and an OCPP pile (2 guns) are
// created; the simulator connects the pile and starts a session; in the browser the online log lists
// the pile online, the pile's message log shows its BootNotification, MeterValues and the latest meter
// values of gun 1; the simulator stops and the log lists the pile offline, the hourly chart counts both
// events; the page in English. The same for an e-bike device (10 sockets) when the server accepts
// e-bike devices over OCPP. Screenshots go to tests/e2e/artifacts/device-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, createdId } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, defaultArea, addPile } from '../integration/lib/car.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SIM = path.resolve(ROOT, process.env.ZHICHONG_SIM || 'build/release/zhichong-sim')
const WS = BASE.replace(/^http/, 'ws') + '/ocpp'

let browser
let page
let pageErrors = []
let shot, dialogShot, waitTable, successToast, toastAfter, errorToast, confirmBox, pickOption, rowWith, login, openMenu, moreItem

const fixture = {}  // provider, property, station, pile {id, code, name}, bike {id, code, name} | null
const sims = new Set()

/** Starts simulated charge points; resolves once the server lists `code` online. */
function startSim(codes, connectors, extra = []) {
  const args = ['ocpp', '--url', WS, '--codes', codes.join(','), '--connectors', String(connectors), '--heartbeat', '30',
    '--meter-interval', '2', '--charge-after', '1', '--charge-duration', '600', '--reconnect', '1', ...extra]
  const child = spawn(SIM, args, { stdio: ['ignore', 'ignore', 'pipe'] })
  let log = ''
  child.stderr.on('data', (d) => { log = (log + d).slice(-4000) })
  child.log = () => log
  sims.add(child)
  child.on('exit', () => sims.delete(child))
  return child
}
async function stopSim(child) {
  if (child.exitCode !== null) return
  const done = new Promise((res) => child.once('exit', res))
  child.kill('SIGTERM')
  await done
}
async function waitFor(what, fn, timeoutMs = 15000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

/** Search the online log page for a device code and return the visible rows' texts. */
async function searchOnlineLog(code) {
  const scope = page.getByTestId('page-stat-online')
  await scope.getByTestId('q-code').fill(code)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-stat-online')
  return scope.locator('.el-table__body-wrapper tr.el-table__row').allInnerTexts()
}

before(async () => {
  assert.ok(existsSync(SIM), `simulator binary ${SIM} (build it: ninja zhichong-sim, or set ZHICHONG_SIM)`)
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, toastAfter, errorToast, confirmBox, pickOption, rowWith, login, openMenu, moreItem } = createUi(page, { prefix: 'device-' }))

  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const station = await approvedStation(property.api, admin, property.id, { name: `设备联调站${String(Date.now()).slice(-5)}` })
  const area = await defaultArea(property.api, station.id)
  const pile = await addPile(property.api, station.id, area.id, { protocol: 'ocpp16', gunCount: 2, name: `OCPP模拟桩${String(Date.now()).slice(-4)}` })
  pile.code = (await property.api.get(`/car/pile/${pile.id}`)).body.data.code
  Object.assign(fixture, { admin, provider, property, station, pile, bike: null })

  // e-bike devices over OCPP: only when the server has the bike message route (the "ocpp" work of issue 5)
  const bstation = await property.api.post('/bike/station', {
    propertyId: property.id, name: `单车联调站${String(Date.now()).slice(-5)}`, shortName: '联调站', servicePhone: '0571-86660000',
    operationType: 1, openingHours: '00:00-24:00', province: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 1 号'
  })
  const bstationId = await createdId(bstation)
  {
    const areas = (await property.api.list('/bike/area/list', { stationId: bstationId })).rows
    const r = await property.api.post('/bike/device', {
      stationId: bstationId, areaId: areas[0].id, factoryNo: `BSIM${Date.now()}`, name: `十路模拟设备${String(Date.now()).slice(-4)}`,
      deviceType: 3, location: '车棚东侧', ratedPower: 2200, ratedVoltage: 220, ratedCurrent: 100, currentUpperLimit: 100,
      currentLowerLimit: 1, socketCount: 10, protocol: 'ocpp16'
    })
    const id = await createdId(r)
    {
      const d = (await property.api.get(`/bike/device/${id}`)).body.data
      const probe = await property.api.get(`/bike/device/${id}/messages`)
      if (probe.status === 200 && probe.body.code === 200) fixture.bike = { id, code: d.code, name: d.name }
    }
  }
})

after(async () => {
  for (const c of [...sims]) await stopSim(c)
  await browser?.close()
})

test('a simulated OCPP pile goes online and the online log lists it', async () => {
  const sim = startSim([fixture.pile.code], 2)
  fixture.pileSim = sim
  await waitFor('the pile online', async () => {
    const r = await fixture.property.api.get(`/car/pile/${fixture.pile.id}`)
    return r.body.data?.online
  }).catch((e) => { throw new Error(`${e.message}\nsimulator: ${sim.log()}`) })

  await login('admin', ADMIN_PASSWORD)
  await openMenu('/stat', '/stat/online', 'page-stat-online')
  const rows = await searchOnlineLog(fixture.pile.code)
  assert.ok(rows.length >= 1, 'one row for the pile')
  assert.match(rows[0], /上线/)
  assert.match(rows[0], new RegExp(fixture.pile.name))
  assert.match(rows[0], /汽车电桩/)
  assert.match(rows[0], new RegExp(fixture.station.name))
  assert.match(rows[0], /127\.0\.0\.1/)
  assert.match(rows[0], new RegExp(fixture.pile.factoryNo))
  // 当前在线: the pile counts among the car piles online now
  const tile = page.getByTestId('now-car_pile')
  assert.match(await tile.innerText(), /当前在线 · 汽车电桩/)
  assert.ok(Number(await tile.locator('b').innerText()) >= 1)
})

test('the pile message log shows BootNotification, MeterValues and the latest meter values', async () => {
  // the simulator charges gun 1 one second after boot and sends MeterValues every 2 s
  await waitFor('meter values of gun 1', async () => {
    const r = await fixture.property.api.get(`/car/pile/${fixture.pile.id}/messages`)
    return (r.body.data?.meters || []).some((m) => m.connectorId === 1 && m.energy !== undefined)
  })
  await openMenu('/car', '/car/pile', 'page-car-pile')
  await page.getByTestId('page-car-pile').getByTestId('q-code').fill(fixture.pile.code)
  await page.getByTestId('page-car-pile').getByTestId('btn-search').click()
  await waitTable('page-car-pile')
  const row = rowWith('page-car-pile', fixture.pile.code)
  assert.match(await row.innerText(), /在线/)
  await moreItem(row, 'row-messages')
  const drawer = page.getByTestId('message-log')
  await drawer.waitFor({ state: 'visible' })
  const frames = drawer.getByTestId('ml-frames')
  await frames.locator('tr.el-table__row', { hasText: 'BootNotification' }).first().waitFor({ state: 'visible' })
  assert.match(await drawer.getByTestId('ml-online').innerText(), /在线/)
  assert.match(await drawer.getByTestId('ml-session').innerText(), /OCPP 1\.6J/)
  const framesText = await frames.innerText()
  assert.match(framesText, /MeterValues/)
  assert.match(framesText, /上行/)
  assert.match(framesText, /下行/)
  assert.match(framesText, /CALLRESULT/)
  const meters = await drawer.getByTestId('ml-meters').innerText()
  assert.match(meters, /kWh/)
  assert.match(meters, /kW/)
  await dialogShot('10-pile-message-log')

  // expand the BootNotification frame: the whole JSON, pretty-printed
  const boot = frames.locator('tr.el-table__row', { hasText: 'BootNotification' }).filter({ hasText: '上行' }).first()
  await boot.locator('.el-table__expand-icon').click()
  const full = drawer.getByTestId('ml-frame-full').first()
  await full.waitFor({ state: 'visible' })
  assert.match(await full.innerText(), /"chargePointVendor"/)
  await dialogShot('11-pile-message-expanded')

  // "in" only, then refresh
  await drawer.getByTestId('ml-direction').getByText('上行').click()
  assert.doesNotMatch(await frames.innerText(), /下行/)
  await drawer.getByTestId('ml-refresh').click()
  await frames.locator('tr.el-table__row', { hasText: 'MeterValues' }).first().waitFor({ state: 'visible' })
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
})

test('the pile detail opens the same message log', async () => {
  const row = rowWith('page-car-pile', fixture.pile.code)
  await row.getByTestId('row-detail').click()
  await page.getByTestId('detail-drawer').waitFor({ state: 'visible' })
  await page.getByTestId('detail-messages').click()
  const drawer = page.getByTestId('message-log')
  await drawer.getByTestId('ml-frames').locator('tr.el-table__row', { hasText: 'BootNotification' }).first().waitFor({ state: 'visible' })
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'hidden' })
  await page.keyboard.press('Escape')
})

/** Runs pile command `label` from the row's 指令 menu (confirmed); resolves with the toast's text. */
async function pileCommand(label, kind) {
  return toastAfter(kind, async () => {
    await rowWith('page-car-pile', fixture.pile.code).getByTestId('row-command').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: label }).click()
    await confirmBox()
  })
}
/** Switches the admin web to `lang` unless it is already showing it (a failed test must not leave the next one in English). */
async function switchLanguage(lang) {
  const current = await page.evaluate(() => document.documentElement.lang)
  if (current === lang) return
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-' + lang).click()
}

// Issue 15: a command's result is a localized message from the reply's reason code, never the device's
// protocol text ("Accepted", "pile clock set to …").
test('pile commands answer with a localized message in both languages', async () => {
  const menu = page.getByTestId('page-car-pile')
  await menu.waitFor({ state: 'visible' })
  assert.equal(await pileCommand('同步时钟', 'success'), '“同步时钟”已执行')
  await dialogShot('05-pile-command-accepted')
  await switchLanguage('en')
  try {
    await menu.getByText('Pile code').first().waitFor({ state: 'visible' })
    assert.equal(await pileCommand('Sync clock', 'success'), '“Sync clock” done')
    assert.equal(await page.locator('.el-message:visible', { hasText: /Accepted|Heartbeat|TriggerMessage/ }).count(), 0)
    await dialogShot('06-pile-command-accepted-en')
  } finally {
    await switchLanguage('zh-CN')
  }
  await menu.getByText('电桩编号').first().waitFor({ state: 'visible' })
})

test('the device records page lists the pile\'s local session without an order; the pile opens it; an operator reviews it', async () => {
  // the simulator's session (a local start, any idTag accepted) has no platform order: listed as 无订单
  await waitFor('the session recorded', async () => {
    const r = await fixture.property.api.get('/order/record/list', { deviceType: 'car_pile', deviceId: fixture.pile.id })
    return r.body.rows?.length > 0
  })
  await openMenu('/order', '/order/record', 'page-order-record')
  const scope = page.getByTestId('page-order-record')
  await scope.getByTestId('q-code').fill(fixture.pile.code)
  await scope.getByTestId('q-without-order').click()
  await scope.getByTestId('btn-search').click()
  await waitTable('page-order-record')
  const row = rowWith('page-order-record', fixture.pile.code).first()
  const text = await row.innerText()
  assert.match(text, /汽车电桩/)
  assert.match(text, new RegExp(fixture.station.name))
  assert.match(text, /无订单/)
  assert.match(text, /进行中|已结束/)
  assert.match(text, /待核对/)
  await shot('12-device-records')
  // review with a note
  await row.getByTestId('row-review').click()
  await page.getByTestId('review-note').fill('本地启动，待储值卡功能上线后补单')
  await dialogShot('13-device-record-review')
  await page.getByTestId('review-submit').click()
  await successToast()
  await waitTable('page-order-record')
  assert.match(await rowWith('page-order-record', fixture.pile.code).first().innerText(), /已核对/)
  // from the pile page: 更多 › 交易记录 opens the list filtered to the pile
  await openMenu('/car', '/car/pile', 'page-car-pile')
  await page.getByTestId('page-car-pile').getByTestId('q-code').fill(fixture.pile.code)
  await page.getByTestId('page-car-pile').getByTestId('btn-search').click()
  await waitTable('page-car-pile')
  await moreItem(rowWith('page-car-pile', fixture.pile.code).first(), 'row-records')
  await page.waitForURL(/\/order\/record\?/)
  await waitTable('page-order-record')
  assert.equal(await scope.getByTestId('q-code').inputValue(), fixture.pile.code)
  const rows = await scope.locator('.el-table__body-wrapper tr.el-table__row').allInnerTexts()
  assert.ok(rows.length >= 1 && rows.every((r) => r.includes(fixture.pile.code)), rows.join('\n'))
})

test('the pile goes offline when the simulator stops; the chart counts both events', async () => {
  await stopSim(fixture.pileSim)
  await waitFor('the pile offline', async () => !(await fixture.property.api.get(`/car/pile/${fixture.pile.id}`)).body.data?.online)
  await openMenu('/stat', '/stat/online', 'page-stat-online')
  const rows = await waitFor('the offline row', async () => {
    const r = await searchOnlineLog(fixture.pile.code)
    return r.length >= 2 && r
  })
  assert.match(rows[0], /下线/) // newest first
  assert.match(rows[1], /上线/)
  const total = await page.getByTestId('chart-total').innerText()
  const [on, off] = (total.match(/\d+/g) || []).map(Number)
  assert.ok(on >= 1 && off >= 1, `chart totals ${total}`)
  assert.equal(await page.getByTestId('now-car_pile').locator('b').innerText(), '0')
  // filtered by state: only the offline event
  await pickOption('q-state', '下线', page.getByTestId('page-stat-online'))
  const offline = await searchOnlineLog(fixture.pile.code)
  assert.equal(offline.length, 1)
  assert.match(offline[0], /下线/)
  await page.getByTestId('page-stat-online').getByTestId('btn-reset').click()
  await waitTable('page-stat-online')
  await shot('01-online-log')
  // a command to the offline pile: refused, localized in both languages
  await openMenu('/car', '/car/pile', 'page-car-pile')
  await waitTable('page-car-pile')
  assert.equal(await pileCommand('重启设备', 'error'), '“重启设备”未执行：设备不在线')
  await switchLanguage('en')
  try {
    await page.getByTestId('page-car-pile').getByText('Pile code').first().waitFor({ state: 'visible' })
    assert.equal(await pileCommand('Reboot', 'error'), '“Reboot” not done: The device is offline')
    await dialogShot('07-pile-command-offline-en')
  } finally {
    await switchLanguage('zh-CN')
  }
  await openMenu('/stat', '/stat/online', 'page-stat-online')
})

test('the online log page in English', async () => {
  await switchLanguage('en')
  try {
    await page.getByTestId('page-stat-online').getByText('Online / offline events per hour').waitFor({ state: 'visible' })
    const rows = await searchOnlineLog(fixture.pile.code)
    assert.match(rows[0], /Offline/)
    assert.match(rows[0], /Car pile/)
    await shot('02-online-log-en')
  } finally {
    await switchLanguage('zh-CN')
  }
  await page.getByTestId('page-stat-online').getByText('上下线事件（每小时）').waitFor({ state: 'visible' })
})

test('an OCPP e-bike device: online log and message log with 10 sockets', async (t) => {
  if (!fixture.bike) return t.skip('the server does not offer GET /bike/device/{id}/messages (e-bike over OCPP) yet')
  const sim = startSim([fixture.bike.code], 10, ['--power', '0.3'])
  await waitFor('the device online', async () => (await fixture.property.api.get(`/bike/device/${fixture.bike.id}`)).body.data?.online)
    .catch((e) => { throw new Error(`${e.message}\nsimulator: ${sim.log()}`) })
  await waitFor('meter values of socket 1', async () => {
    const r = await fixture.property.api.get(`/bike/device/${fixture.bike.id}/messages`)
    return (r.body.data?.meters || []).some((m) => m.connectorId === 1)
  })
  await openMenu('/bike', '/bike/device', 'page-bike-device')
  await page.getByTestId('page-bike-device').getByTestId('q-code').fill(fixture.bike.code)
  await page.getByTestId('page-bike-device').getByTestId('btn-search').click()
  await waitTable('page-bike-device')
  const row = rowWith('page-bike-device', fixture.bike.code)
  await moreItem(row, 'row-messages')
  const drawer = page.getByTestId('message-log')
  await drawer.getByTestId('ml-frames').locator('tr.el-table__row', { hasText: 'BootNotification' }).first().waitFor({ state: 'visible' })
  assert.match(await drawer.getByTestId('ml-frames').innerText(), /StatusNotification/)
  assert.match(await drawer.getByTestId('ml-meters').innerText(), /kWh/)
  await dialogShot('20-bike-message-log')
  await page.keyboard.press('Escape')
  await stopSim(sim)

  await openMenu('/stat', '/stat/online', 'page-stat-online')
  const rows = await waitFor('the device offline row', async () => {
    const r = await searchOnlineLog(fixture.bike.code)
    return r.length >= 2 && r
  })
  assert.match(rows[0], /下线/)
  assert.match(rows[1], /单车设备/)
})

test('no page errors', () => {
  assert.deepEqual(pageErrors, [])
})
