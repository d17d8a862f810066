// End-to-end test of the parking camera pages (issue 17) with a simulated camera (zhichong-sim camera) pushing
// plates with photos to /camera/vzenith: the camera page's buttons (lock open/close, clock sync, sync lock,
// manual capture, refresh, reboot) answer through the camera's polls, and the captures page lists the plates
// with thumbnails and shows an enlarged photo. Screenshots: tests/e2e/artifacts/camera-*.png.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, ZHICHONG_SIM, CHROMIUM_PATH as in device.test.mjs
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, addArea } from '../integration/lib/car.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const SIM = path.resolve(ROOT, process.env.ZHICHONG_SIM || 'build/release/zhichong-sim')

let browser, page, sim
let shot, dialogShot, waitTable, successToast, confirmBox, rowWith, login, openMenu
const fx = {}

async function waitFor(what, fn, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

before(async () => {
  assert.ok(existsSync(SIM), `simulator binary ${SIM}`)
  ;({ browser, page } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, confirmBox, rowWith, login, openMenu } = createUi(page, { prefix: 'camera-' }))
  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const P = await approvedProvider(admin)
  const A = await propertyWithLogin(admin, P.id)
  const station = await approvedStation(A.api, admin, A.id, { name: `相机联调站${String(Date.now()).slice(-5)}` })
  const area = await addArea(A.api, station.id, { name: '相机车位区' })
  const { ids } = ok(await A.api.post('/car/spot/batch', { stationId: station.id, areaId: area.id, count: 2, lockType: 2 })).data
  const serial = `E2ECAM${Date.now()}`
  const name = `车位相机${String(Date.now()).slice(-4)}`
  const d = ok(await A.api.post('/car/camera', { stationId: station.id, areaId: area.id, factoryNo: serial, ip: '192.168.10.30', name, sim: '', leftSpotId: ids[0], rightSpotId: ids[1] })).data
  Object.assign(fx, { A, station, camera: { id: d.id, serial, name } })
  sim = spawn(SIM, ['camera', '--url', BASE, '--serials', serial, '--secret', d.secret, '--poll', '300', '--event', '1500',
    '--image-kib', '40', '--mix', '60,40,0,0', '--threads', '1'], { stdio: ['ignore', 'ignore', 'pipe'] })
  await waitFor('camera online', async () => ok(await A.api.get(`/car/camera/${d.id}`)).data.online)
  await waitFor('two captures', async () => (await A.api.list('/stat/capture/list', { cameraId: d.id })).total >= 2)
})

after(async () => {
  if (sim && sim.exitCode === null) { sim.kill('SIGTERM'); await new Promise((r) => sim.once('exit', r)) }
  await browser?.close()
})

async function command(label) {
  await rowWith('page-car-camera', fx.camera.name).getByTestId('row-command').click()
  await page.locator('.el-dropdown-menu__item:visible', { hasText: label }).first().click()
  await confirmBox()
  await successToast()
}

test('the camera page buttons work through the camera', async () => {
  await login('admin', ADMIN_PASSWORD)
  await openMenu('/car', '/car/camera', 'page-car-camera')
  await waitTable('page-car-camera')
  const row = rowWith('page-car-camera', fx.camera.name)
  await row.waitFor({ state: 'visible' })
  assert.match(await row.innerText(), /在线/)
  for (const label of ['开锁（左车位', '关锁（左车位', '开锁（右车位', '同步时钟', '同步地锁状态', '手动抓拍', '刷新状态', '重启设备']) await command(label)
  await shot('10-camera-commands')
})

test('the captures page lists the plates with thumbnails and enlarges a photo', async () => {
  await waitFor('a manual capture', async () => (await fx.A.api.list('/stat/capture/list', { cameraId: fx.camera.id })).rows.some((r) => r.manual))
  await openMenu('/stat', '/stat/capture', 'page-stat-capture')
  const scope = page.getByTestId('page-stat-capture')
  await scope.getByTestId('q-factoryNo').fill(fx.camera.serial)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-stat-capture')
  const thumb = scope.getByTestId('capture-thumb').first()
  await thumb.waitFor({ state: 'visible' })
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="capture-thumb"]')].some((i) => i.complete && i.naturalWidth > 0))
  assert.match(await scope.locator('.el-table__body-wrapper').innerText(), /粤B/)
  await shot('20-captures')
  await thumb.click()
  const full = page.getByTestId('capture-full')
  await full.waitFor({ state: 'visible' })
  await page.waitForFunction(() => { const i = document.querySelector('[data-testid="capture-full"]'); return i && i.complete && i.naturalWidth === 1280 })
  await dialogShot('21-capture-enlarged')
})
