// End-to-end test of the driver H5 app (web/driver, served under /h5/, docs/driver-web.md) on a phone-sized
// headless Chromium: through the admin API a provider, property, approved car station (payment configuration,
// 峰平谷 tariff, an OCPP pile of zhichong-sim) and an e-bike station (mode A tariff, an OCPP device) are set up;
// then, in the browser as a driver: the station list (distance, free/total) and detail, sign-in by phone with the
// server's field errors, the resend countdown and the demo code link, plates and nickname, a wrong code on the
// scan page, the gun code → prepay → the sandbox cashier → back → live status → stop → the bill with the unused
// prepay refunded; a printed QR URL (/app/gun|pile|socket/{code}) landing on the charge page, an e-bike session
// the same way; order history, English, sign out.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, ZHICHONG_SIM, CHROMIUM_PATH as the other e2e files; the server runs
//   with testing.enabled and sms.dev_endpoint and serves web/driver/dist at /h5/ — scripts/e2e.sh does that.
// Screenshots go to tests/e2e/artifacts/driver-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { BASE, ADMIN_PASSWORD } from './lib/ui.mjs'
import { openPhone, phoneShot } from './lib/mobile.mjs'
import { Api, ok, until, randPhone } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, defaultArea, addPile, addTariff, TOU_PERIODS, TOU_TIERS } from '../integration/lib/car.mjs'
import { addBikeStation, bikeDefaultArea, addDevice, addBikeTariff } from '../integration/lib/bike.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
process.env.ZHICHONG_SIM_BIN ||= path.resolve(ROOT, process.env.ZHICHONG_SIM || 'build/release/zhichong-sim')
const { ocppDevices } = await import('../integration/order-admin-helpers.mjs')

const H5 = BASE + '/h5'
const yuan = (fen) => `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`
let browser
let page
let pageErrors = []
const fx = {} // admin, station, pile, guns, bikeStation, device, socket, sims, phone, app (driver Api), orders

before(async () => {
  ;({ browser, page, pageErrors } = await openPhone())
  const anon = new Api(BASE)
  const admin = await anon.session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const tag = String(Date.now() % 10000).padStart(4, '0')
  const station = await approvedStation(property.api, admin, property.id, {
    name: `科技园超级充电站 ${tag}`, address: '深圳市南山区科苑路 15 号 B1 停车场', openingHours: '00:00-24:00'
  })
  ok(await property.api.put('/car/station/payConfig', {
    stationId: station.id, wechat: { enabled: true, mchId: `19008${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) }
  }))
  const area = await defaultArea(property.api, station.id)
  // the tariff takes effect tomorrow: made at the real time (another file may have moved the test clock),
  // in force 2 days later; after() puts the clock back for the files that follow
  ok(await admin.post('/test/clock', { offsetMs: 0 }), 'test clock at the real time')
  const tariff = await addTariff(property.api, station.id, area.id, { mode: 'tou', tiers: TOU_TIERS, periods: TOU_PERIODS, prepayValues: [2000, 5000, 10000] })
  ok(await admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force')
  const p = await addPile(property.api, station.id, area.id, { protocol: 'ocpp16', gunCount: 2, name: '1号快充桩' })
  const pile = ok(await admin.get(`/car/pile/${p.id}`)).data
  fx.sim = ocppDevices(BASE, [pile.code], 2, ['--power', '60'])
  await until(async () => ok(await admin.get(`/car/pile/${pile.id}`)).data.guns.every((g) => g.state === 'idle'), 'guns idle', 20000)
  const guns = ok(await admin.get(`/car/pile/${pile.id}`)).data.guns.sort((a, b) => a.gunNo - b.gunNo)

  const bs = await addBikeStation(property.api, property.id, { name: `科技园东门电单车棚 ${tag}`, address: '深圳市南山区科苑路 15 号东门' })
  ok(await admin.put('/bike/station/audit', { id: bs.id, auditStatus: 1, auditRemark: 'ok' }), 'approve the e-bike station')
  ok(await property.api.put('/bike/station/payConfig', {
    stationId: bs.id, wechat: { enabled: true, mchId: `19009${Date.now() % 100000}`, appId: 'wx0000000000000001', apiV3Key: 'k'.repeat(32) }
  }))
  const ba = await bikeDefaultArea(property.api, bs.id)
  await addBikeTariff(property.api, bs.id, ba.id, { name: '按时计费', mode: 'A', maxDurationMinutes: 600, autoStopAmount: 5000, freeMinutes: 0, unitMinutes: 1, unitPrice: 1000, prepayValues: [200, 500] })
  const d = await addDevice(property.api, bs.id, ba.id, { socketCount: 4 })
  const device = ok(await admin.get(`/bike/device/${d.id}`)).data
  fx.bikeSim = ocppDevices(BASE, [device.code], 4, ['--power', '0.4'])
  await until(async () => ok(await admin.get(`/bike/device/${d.id}`)).data.online, 'e-bike device online', 20000)
  const socket = ok(await admin.get(`/bike/device/${d.id}`)).data.sockets.find((x) => x.socketNo === 1)
  Object.assign(fx, { admin, property, tariff, station, pile, guns, bikeStation: bs, device, socket, phone: randPhone() })
})

after(async () => {
  if (fx.admin) await fx.admin.post('/test/clock', { offsetMs: 0 })
  await fx.sim?.stop()
  await fx.bikeSim?.stop()
  await browser?.close()
})

const byId = (id) => page.getByTestId(id)
/** The charge page has loaded its gun/socket (or shows the server's error, which fails the test). */
async function chargePage() {
  await page.locator('[data-testid="charge-unit"], [data-testid="charge-error"]').first().waitFor()
  if (await byId('charge-error').isVisible()) assert.fail(`charge page: ${await byId('charge-error').innerText()}`)
}
const text = async (id) => (await byId(id).first().innerText()).trim()
async function appApi() {
  const token = await page.evaluate(() => localStorage.getItem('zc-h5-token'))
  assert.ok(token, 'signed in')
  return new Api(BASE).as(token)
}
async function confirmDialog() {
  await page.locator('.van-dialog__confirm:visible').click()
}

test('找电站: the station list shows the station with free/total and distance; its detail shows guns and prices', async () => {
  await page.goto(H5 + '/')
  await byId('page-home').waitFor()
  await byId('station-search').locator('input').fill(fx.station.name)
  await byId('station-search').locator('input').press('Enter')
  const card = byId('station-card').filter({ hasText: fx.station.name })
  await card.waitFor()
  await until(async () => /\d+m/.test(await card.innerText()), 'distance from the phone\'s position')
  assert.match(await card.innerText(), /空闲\s*2\s*\/2/)
  // the price in force now, as the server's tariff engine says (the tier of the station's local time)
  const [row] = ok(await new Api(BASE).get('/app/stations', { type: 'car', keyword: fx.station.name })).rows
  assert.ok(row.priceNow, 'a price now')
  const yuan4 = (p) => (p / 100000).toFixed(4)
  const priceText = await card.getByTestId('station-price').innerText()
  assert.match(priceText, new RegExp(`¥\\s*${yuan4(row.priceNow.unitPrice).replace('.', '\\.')}\\s*元/度`))
  assert.match(priceText, new RegExp(`${row.priceNow.start}–${row.priceNow.end}`))
  await byId('station-search').locator('input').fill('')
  await byId('station-search').locator('input').press('Enter')
  await card.waitFor()
  // nearest first: the distances down the list never decrease, stations without one come last
  await until(async () => (await byId('station-card').count()) > 0, 'cards')
  const cards = await byId('station-card').evaluateAll((els) => els.map((el) => el.querySelector('[data-testid="station-distance"]')?.innerText.trim() || null))
  const metres = cards.map((d) => (d == null ? null : /km$/.test(d) ? Number.parseFloat(d) * 1000 : Number.parseFloat(d)))
  const known = metres.filter((m) => m != null)
  assert.ok(known.length >= 1, `distances: ${cards}`)
  for (let i = 1; i < known.length; i += 1) assert.ok(known[i] >= known[i - 1] - 50, `sorted by distance: ${cards}`)
  assert.ok(metres.indexOf(null) === -1 || metres.slice(metres.indexOf(null)).every((m) => m == null), `unknown distances last: ${cards}`)
  await phoneShot(page, 'home')
  // e-bike tab: the mode A tariff's price per minute
  await byId('station-tabs').getByText('电单车').click()
  await byId('station-search').locator('input').fill(fx.bikeStation.name)
  await byId('station-search').locator('input').press('Enter')
  const bikeCard = byId('station-card').filter({ hasText: fx.bikeStation.name })
  await bikeCard.waitFor()
  assert.match(await bikeCard.getByTestId('station-price').innerText(), /¥\s*0\.10\s*元\/分钟/)
  await phoneShot(page, 'home-bike')
  await byId('station-search').locator('input').fill('')
  await byId('station-tabs').getByText('汽车').click()
  await card.waitFor()

  await card.click()
  await page.waitForURL(/\/h5\/station\/car\/\d+$/)
  await byId('station-name').waitFor()
  assert.equal(await text('station-name'), fx.station.name)
  await until(async () => (await byId('gun-chip').count()) === 2, 'two guns')
  assert.match(await byId('gun-chip').first().innerText(), /1号枪[\s\S]*空闲/)
  assert.match(await byId('tariff-card').innerText(), /尖|峰|平|谷/)
  await phoneShot(page, 'station', { fullPage: true })
})

// Issue 13 item 10: an idle gun whose area has no tariff in force cannot start — the station page says why
// instead of showing a free gun (here the area's tariff is disabled for a moment).
test('no tariff in force: the station page shows the reason, not free guns', async () => {
  ok(await fx.property.api.put('/car/tariff/changeStatus', { id: fx.tariff.id, status: 1 }))
  try {
    await page.goto(`${H5}/station/car/${fx.station.id}`)
    await byId('station-name').waitFor()
    await byId('station-reason').waitFor()
    assert.equal(await text('station-reason'), '没有生效的计费规则')
    await until(async () => (await byId('gun-chip').count()) === 2, 'two guns')
    assert.match(await byId('gun-chip').first().innerText(), /1号枪[\s\S]*不可用/)
    assert.doesNotMatch(await byId('gun-chip').first().innerText(), /空闲/)
    await phoneShot(page, 'station-no-tariff', { fullPage: true })
    await byId('gun-chip').first().click()
    await page.locator('.van-toast', { hasText: '没有生效的计费规则' }).waitFor()
  } finally {
    ok(await fx.property.api.put('/car/tariff/changeStatus', { id: fx.tariff.id, status: 0 }))
  }
  // in force again: the page (left open for the next test) shows the free guns
  await page.reload()
  await until(async () => (await byId('gun-chip').count()) === 2 && /空闲/.test(await byId('gun-chip').first().innerText()), 'gun 1 free again')
  assert.equal(await byId('station-reason').count(), 0)
})

test('登录: a gun needs sign-in; the server\'s field errors, the 60 s countdown, the demo code link', async () => {
  await byId('gun-chip').first().click()
  await page.waitForURL(/\/h5\/login\?redirect=/)
  await byId('login-phone').locator('input').fill('12345')
  await byId('login-send').click()
  const phoneMsg = (await new Api(BASE).post('/app/auth/sms', { phone: '12345' })).body.msg.replace(/^phone:\s*/, '')
  await byId('login-phone').locator('.van-field__error-message').filter({ hasText: phoneMsg }).waitFor()

  await byId('login-phone').locator('input').fill(fx.phone)
  await byId('login-send').click()
  await until(async () => /\d+s 后重发/.test(await byId('login-send').innerText()), 'resend countdown')
  assert.ok(await byId('login-send').isDisabled())
  // the demo server's code fills itself in
  const real = ok(await new Api(BASE).get('/app/dev/sms', { phone: fx.phone })).data.code
  await until(async () => (await byId('login-code').locator('input').inputValue()) === real, 'code filled in by itself')
  // no sign-in before the agreements are accepted; their titles open the texts
  await byId('login-submit').click()
  await page.locator('.van-toast').filter({ hasText: '请先阅读并同意' }).waitFor()
  assert.match(page.url(), /\/h5\/login/)
  await byId('agreement-privacy').click()
  await byId('agreement-title').filter({ hasText: '隐私政策' }).waitFor()
  await phoneShot(page, 'login-privacy')
  await byId('agreement-read').click()
  await byId('agreement-popup').waitFor({ state: 'hidden' })
  await byId('login-agree-box').click()
  // a wrong code: the server's message under the field
  await byId('login-code').locator('input').fill(real === '000000' ? '111111' : '000000')
  await byId('login-submit').click()
  await byId('login-code').locator('.van-field__error-message').filter({ hasText: /验证码/ }).waitFor()
  await phoneShot(page, 'login-error')
  await byId('login-dev-fill').click()
  await until(async () => (await byId('login-code').locator('input').inputValue()) === real, 'code filled in')
  await phoneShot(page, 'login')
  await byId('login-submit').click()
  await page.waitForURL(new RegExp(`/h5/charge/${fx.guns[0].code}$`))
  await byId('charge-unit').waitFor()
  assert.match(await text('charge-unit'), /1号枪/)
  fx.app = await appApi()
})

test('我的: a plate is added (a bad one gets the server\'s message) and the nickname set', async () => {
  await page.goto(H5 + '/me')
  await byId('me-name').waitFor()
  await byId('me-plates').click()
  await page.waitForURL(/\/h5\/plates$/)
  await byId('plate-input').locator('input').fill('ABC')
  await byId('plate-add').click()
  const plateMsg = (await fx.app.post('/app/user/plates', { plate: 'ABC' })).body.msg.replace(/^plate:\s*/, '')
  await byId('plate-input').locator('.van-field__error-message').filter({ hasText: plateMsg }).waitFor()
  await byId('plate-input').locator('input').fill('粤B·D12345')
  await byId('plate-add').click()
  await byId('plate-row').filter({ hasText: '粤BD12345' }).waitFor()
  await phoneShot(page, 'plates')
  await page.goBack()
  await byId('me-nickname').click()
  await byId('nick-input').locator('input').fill('林师傅')
  await confirmDialog()
  await until(async () => (await text('me-name')) === '林师傅', 'nickname shown')
  assert.equal(ok(await fx.app.get('/app/user/profile')).data.nickname, '林师傅')
  await phoneShot(page, 'me')
})

// Issue 16: the cards a property issued to the driver's phone, with their balance, stations and ledger.
test('我的电卡: the card the property issued to this phone, its balance, stations and ledger', async () => {
  const product = ok(await fx.property.api.post('/member/product', {
    name: '科技园储值卡', productType: 'both', issueType: 'personal', price: 10000, faceValue: 10000,
    bonusTiers: [{ minAmount: 10000, bonus: 1000 }], carStationIds: [fx.station.id], bikeStationIds: [fx.bikeStation.id],
  })).data.id
  const cardNo = String(Date.now()).slice(-12)
  const card = ok(await fx.property.api.post('/member/card', {
    phone: fx.phone, holderName: '林师傅', cardNo, productId: product, validFrom: Date.now() - 86400000, validTo: 0,
  })).data.id
  ok(await fx.property.api.post('/member/card/topup', { id: card, amount: 10000 }))
  await page.goto(H5 + '/me')
  await byId('me-cards').click()
  await page.waitForURL(/\/h5\/cards$/)
  const row = byId('card-row').first()
  await row.waitFor()
  assert.match(await row.innerText(), /科技园储值卡/)
  assert.equal(await byId('card-balance').first().innerText(), '¥210.00')
  assert.match(await row.innerText(), /长期有效/)
  await phoneShot(page, 'cards')
  await row.click()
  await byId('ledger-row').nth(2).waitFor()
  const ledger = await byId('card-detail').innerText()
  assert.match(ledger, /开卡/)
  assert.match(ledger, /充值赠送/)
  assert.match(ledger, /\+¥10\.00/)
  assert.match(ledger, new RegExp(fx.station.name))
  await phoneShot(page, 'card-ledger')
})

test('扫码充电: a wrong code shows the server\'s error; the gun code opens the charge page', async () => {
  await page.goto(H5 + '/')
  await byId('tab-scan').click()
  await page.waitForURL(/\/h5\/scan$/)
  const wrong = '99999999999901'
  const msg = (await fx.app.get('/app/scan', { code: wrong })).body.msg.replace(/^code:\s*/, '')
  await byId('scan-code').locator('input').fill(wrong)
  await byId('scan-submit').click()
  await byId('scan-code').locator('.van-field__error-message').filter({ hasText: msg }).waitFor()
  await phoneShot(page, 'scan-error')
  await byId('scan-code').locator('input').fill(fx.guns[0].code)
  await byId('scan-submit').click()
  await page.waitForURL(new RegExp(`/h5/charge/${fx.guns[0].code}$`))
  await byId('charge-unit').waitFor()
  assert.equal(await byId('prepay-option').count(), 3)
  await byId('plate-option').filter({ hasText: '粤BD12345' }).waitFor()
})

test('汽车充电: pay ¥50 on the sandbox cashier, back to the live status, stop, the bill refunds the rest', async () => {
  await byId('prepay-option').filter({ hasText: '¥50.00' }).click()
  await byId('plate-option').filter({ hasText: '粤BD12345' }).click()
  assert.match(await text('charge-pay'), /¥50\.00/)
  await phoneShot(page, 'charge', { fullPage: true })
  await byId('charge-pay').click()
  await page.waitForURL(/\/sandbox\/pay\/[^/?]+\?returnUrl=%2Fh5%2Fpay%2F/)
  assert.match(await page.locator('#amount').innerText(), /¥50\.00/)
  await page.locator('#return').waitFor()
  await phoneShot(page, 'cashier')
  await page.locator('#confirm').click()
  await page.waitForURL(/\/h5\/order\/car\/\w+$/, { timeout: 30000 })
  const orderNo = page.url().split('/').pop()
  await until(async () => (await text('order-state')) === '充电中', '充电中', 30000)
  await until(async () => Number(await text('live-energy')) > 0 && (await text('live-cost')) !== '¥0.00' &&
    (await text('live-duration')) >= '00:00:03', 'live energy, cost and duration', 30000)
  assert.equal(await text('live-prepaid'), '¥50.00')
  // the cost and the prepayment appear once each; what is left of the prepay beside it
  assert.equal(await byId('live-cost').count(), 1)
  assert.equal(await byId('live-prepaid').count(), 1)
  assert.equal(await page.getByText('当前费用', { exact: true }).count(), 1)
  assert.equal(await page.getByText('预付金额', { exact: true }).count(), 1)
  const fen = (s) => Math.round(Number(s.replace(/[¥,]/g, '')) * 100)
  await until(async () => fen(await text('live-prepaid-left')) === 5000 - fen(await text('live-cost')), 'prepay left = prepaid − cost')
  assert.match(await text('live-power'), /^\d+(\.\d+)?kW$/)
  assert.match(await text('live-duration'), /^\d\d:\d\d:\d\d$/)
  const live = ok(await fx.app.get(`/app/car/orders/${orderNo}`)).data
  assert.equal(live.plate, '粤BD12345')
  await phoneShot(page, 'live')

  await byId('order-stop').click()
  await page.locator('.van-dialog').filter({ hasText: '停止充电' }).waitFor()
  await phoneShot(page, 'stop-confirm')
  await confirmDialog()
  await byId('order-done').waitFor({ timeout: 30000 })
  assert.equal(await text('order-state'), '已完成')
  const done = await until(async () => {
    const o = ok(await fx.app.get(`/app/car/orders/${orderNo}`)).data
    return o.state === 'completed' && o.refunded === o.prepaid - o.charged && o
  }, 'refunded', 20000)
  assert.ok(done.charged > 0 && done.charged < 5000, JSON.stringify(done))
  await until(async () => /已退款/.test(await text('bill-refund')), 'refund shown', 20000)
  assert.equal(await text('bill-refunded'), yuan(done.refunded))
  assert.equal(await text('bill-charged'), yuan(done.charged))
  assert.ok((await byId('bill-tiers').count()) === (done.tiers.length ? 1 : 0))
  await phoneShot(page, 'bill', { fullPage: true })
  fx.carOrder = orderNo
})

test('汽车充电 with my card: the charge page offers the card instead of paying; it starts without the cashier, the balance is the cap, the bill debits the card', async () => {
  await page.goto(`${H5}/charge/${fx.guns[1].code}`)
  await chargePage()
  const pick = byId('pay-card').first()
  await pick.waitFor()
  assert.match(await pick.innerText(), /余额 ¥210\.00/)
  await pick.click()
  assert.equal(await byId('prepay-option').count(), 0, 'no prepayment with a card')
  assert.equal(await text('charge-pay'), '用电卡开始充电')
  await phoneShot(page, 'charge-card', { fullPage: true })
  await byId('charge-pay').click()
  await page.waitForURL(/\/h5\/order\/car\/\w+$/, { timeout: 30000 })
  const orderNo = page.url().split('/').pop()
  await until(async () => (await text('order-state')) === '充电中', '充电中', 30000)
  assert.equal(await text('live-prepaid'), '¥210.00', 'the card balance is the cap')
  await phoneShot(page, 'live-card')
  await byId('order-stop').click()
  await confirmDialog()
  await byId('order-done').waitFor({ timeout: 30000 })
  const done = await until(async () => {
    const o = ok(await fx.app.get(`/app/car/orders/${orderNo}`)).data
    return o.state === 'completed' && o
  }, 'completed', 20000)
  const [card] = (await fx.app.list('/app/user/cards')).rows
  assert.equal(card.balance, 21000 - done.charged, 'the card paid the bill')
})

test('二维码: the printed QR URLs land in the H5 — a gun on its charge page, a pile with a gun choice', async () => {
  await page.goto(`${BASE}/app/gun/${fx.guns[1].code}`)
  await page.waitForURL(new RegExp(`/h5/charge/${fx.guns[1].code}$`))
  await byId('charge-unit').waitFor()
  assert.match(await text('charge-unit'), /2号枪/)
  await phoneShot(page, 'qr-gun')
  await page.goto(`${BASE}/app/pile/${fx.pile.code}`)
  await page.waitForURL(new RegExp(`/h5/charge/${fx.pile.code}$`))
  await until(async () => (await byId('slot-choice').count()) === 2, 'two guns to choose from')
  await byId('slot-choice').nth(1).click()
  await page.waitForURL(new RegExp(`/h5/charge/${fx.guns[1].code}$`))
  await byId('charge-pay').waitFor()
})

test('电单车: the socket QR URL → pay ¥2 → live → stop → the bill refunds the unused prepay', async () => {
  await page.goto(`${BASE}/app/socket/${fx.socket.code}`)
  await page.waitForURL(new RegExp(`/h5/charge/${fx.socket.code}$`))
  await chargePage()
  assert.match(await text('charge-unit'), /1号插座/)
  await byId('prepay-option').filter({ hasText: '¥2.00' }).click()
  await phoneShot(page, 'bike-charge', { fullPage: true })
  await byId('charge-pay').click()
  await page.waitForURL(/\/sandbox\/pay\//)
  await page.locator('#confirm').click()
  await page.waitForURL(/\/h5\/order\/bike\/\w+$/, { timeout: 30000 })
  const orderNo = page.url().split('/').pop()
  await until(async () => (await text('order-state')) === '充电中', '充电中', 30000)
  await until(async () => Number(await text('live-energy')) > 0 || (await text('live-duration')) !== '00:00:00', 'live values', 30000)
  assert.equal(await text('live-prepaid'), '¥2.00')
  // mode A (0.10 yuan a minute): ¥2 buys 20 minutes; the remaining time only counts down — it does not jump
  // when the device's power arrives, and ticks between the polls
  const secs = (s) => { const m = /(\d\d):(\d\d):(\d\d)/.exec(s); return m ? (+m[1]) * 3600 + (+m[2]) * 60 + (+m[3]) : null }
  await until(async () => secs(await text('live-remaining')) != null, 'remaining time shown', 20000)
  const seen = []
  for (let i = 0; i < 8; i += 1) {
    seen.push(secs(await text('live-remaining')))
    await page.waitForTimeout(700)
  }
  assert.ok(seen[0] <= 1200 && seen[0] > 1100, `remaining ${seen}`)
  for (let i = 1; i < seen.length; i += 1) assert.ok(seen[i] <= seen[i - 1], `never up: ${seen}`)
  assert.ok(seen[seen.length - 1] < seen[0], `counts down: ${seen}`)
  assert.equal(await page.getByText('当前费用', { exact: true }).count(), 1)
  assert.equal(await page.getByText('预付金额', { exact: true }).count(), 1)
  await phoneShot(page, 'bike-live')
  await byId('order-stop').click()
  await confirmDialog()
  await byId('order-done').waitFor({ timeout: 30000 })
  const done = await until(async () => {
    const o = ok(await fx.app.get(`/app/bike/orders/${orderNo}`)).data
    return o.state === 'finished' && o.refunded === o.prepaid - o.charged && o
  }, 'e-bike refunded', 20000)
  await until(async () => /已退款/.test(await text('bill-refund')), 'refund shown', 20000)
  assert.equal(await text('bill-refunded'), yuan(done.refunded))
  assert.equal(await text('bill-charged'), yuan(done.charged))
  await phoneShot(page, 'bike-bill', { fullPage: true })
  fx.bikeOrder = orderNo
})

test('订单: both orders in the history and their detail; English; sign out; no demo code link without the dev endpoint', async () => {
  await page.goto(H5 + '/me')
  await byId('me-orders').click()
  await page.waitForURL(/\/h5\/orders$/)
  await page.locator('.van-tab', { hasText: '汽车' }).click()
  const carRow = page.locator(`[data-testid="order-row"][data-order-no="${fx.carOrder}"]`)
  await carRow.waitFor()
  assert.match(await carRow.innerText(), /已完成/)
  await phoneShot(page, 'orders')
  await page.locator('.van-tab', { hasText: '电单车' }).click()
  const bikeRow = page.locator(`[data-testid="order-row"][data-order-no="${fx.bikeOrder}"]`)
  await bikeRow.waitFor()
  await bikeRow.click()
  await page.waitForURL(new RegExp(`/h5/order/bike/${fx.bikeOrder}$`))
  await byId('order-bill').waitFor()
  assert.equal(await text('order-no'), fx.bikeOrder)

  await page.goto(H5 + '/me')
  await byId('me-lang').click()
  await page.getByText('Sign out').waitFor()
  await phoneShot(page, 'me-en')
  await page.goto(H5 + '/')
  await page.getByText('Scan to charge').first().waitFor()
  await phoneShot(page, 'home-en')
  await byId('lang-toggle').click()
  await page.getByText('扫码充电').first().waitFor()

  await page.goto(H5 + '/me')
  await byId('me-signout').click()
  await confirmDialog()
  await page.waitForURL(/\/h5\/login$/)
  assert.equal(await page.evaluate(() => localStorage.getItem('zc-h5-token')), null)
  const after = await fx.app.get('/app/user/profile')
  assert.ok(after.status === 401 || after.body?.code === 401, 'token revoked')

  // a server without sms.dev_endpoint (GET /app/dev/sms is a 404 there): no demo link
  await page.route('**/app/dev/sms*', (r) => r.fulfill({ status: 404, contentType: 'application/json', body: '{"code":404,"msg":"not found"}' }))
  await byId('login-phone').locator('input').fill(randPhone())
  await byId('login-send').click()
  await until(async () => /\d+s 后重发/.test(await byId('login-send').innerText()), 'code sent')
  await page.waitForTimeout(500)
  assert.equal(await byId('login-dev-fill').count(), 0, 'no demo code link')
  assert.equal(await byId('login-code').locator('input').inputValue(), '', 'no code filled in')
  await page.unroute('**/app/dev/sms*')
  assert.deepEqual(pageErrors, [])
})
