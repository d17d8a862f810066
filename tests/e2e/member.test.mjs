// End-to-end test of the member-center pages (MEM-PROD, MEM-CARD, MEM-MEMBER, MEM-OWNER, MEM-COLL) against a
// running zhichong server. Through the API the admin creates a provider and a property with a car station
// and an e-bike station; in the browser the property account creates a card product with a top-up bonus
// tier bound to the car station, issues a card to a phone, tops it up (the dialog shows the bonus), reads
// the card's ledger (开卡 / 充值 / 充值赠送), edits its numbers and disables it; creates a collective account,
// tops it up, issues a collective card from it (its balance goes down), and sees issuing refused in the
// dialog once the account is locked; adds a car owner and verifies them; finds the holder in 会员管理.
// Card charging: a simulated YKC pile (zhichong-sim) of the car station swipes the topped-up card; the session
// is a 刷卡 order in 汽车订单 and its spend a line of the card's ledger.
//   ZHICHONG_URL, ZHICHONG_ADMIN_PASSWORD, CHROMIUM_PATH as the other e2e files; ZHICHONG_YKC_PORT (the server's
//   YKC listener) and ZHICHONG_SIM for the swipe (scripts/e2e.sh sets them).
// Screenshots go to tests/e2e/artifacts/member-*.png.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'
import { Api, ok, until, randPhone } from '../integration/lib/client.mjs'
import { approvedProvider, propertyWithLogin } from '../integration/lib/fixture.mjs'
import { approvedStation, defaultArea, addPile, addTariff } from '../integration/lib/car.mjs'
import { addBikeStation } from '../integration/lib/bike.mjs'

if (process.env.ZHICHONG_SIM) process.env.ZHICHONG_SIM_BIN ??= process.env.ZHICHONG_SIM
const { runYkcSim } = await import('../integration/lib/order-car-helpers.mjs')
const YKC_PORT = process.env.ZHICHONG_YKC_PORT

const stamp = String(Date.now()).slice(-8)
const product = { name: `业主月卡${stamp.slice(-4)}` }
const collectiveProduct = { name: `企业集体卡${stamp.slice(-4)}` }
const holder = { phone: randPhone(), name: '王小明', cardNo: `8${stamp}`, physicalNo: `04A1${stamp}00`, physicalNo2: `ABCD${stamp.slice(-4)}` }
const collective = { name: `科技园集体户${stamp.slice(-4)}`, contact: '李经理', phone: randPhone() }
const collectiveCard = { phone: randPhone(), name: '赵集体', cardNo: `9${stamp}` }
const lockedCard = { phone: randPhone(), name: '钱锁定', cardNo: `7${stamp}` }
const owner = { phone: randPhone(), nickname: '车主小周', realName: '周六', plate: '粤B6E123' }

let browser
let page
let pageErrors = []
let shot, dialogShot, waitTable, successToast, pickOption, fillNumber, rowWith, confirmBox, login, openMenu
const fx = {} // admin, property, carStation, bikeStation, cardId, cardBalance (after the swipe), collectiveId, sim

const MEM = {
  product: ['/member/product', 'page-member-product'], card: ['/member/card', 'page-member-card'], member: ['/member/member', 'page-member-member'],
  owner: ['/member/owner', 'page-member-owner'], collective: ['/member/collective', 'page-member-collective']
}
const openMem = (k) => openMenu('/member', MEM[k][0], MEM[k][1])
const scope = (k) => page.getByTestId(MEM[k][1])
/** The visible copy of a row's button (fixed columns render a second copy). */
const rowButton = (row, testid) => row.getByTestId(testid).locator('visible=true').first()
const drawer = () => page.getByTestId('detail-drawer').last()

async function search(k, field, value) {
  await scope(k).getByTestId(field).fill(value)
  await scope(k).getByTestId('btn-search').click()
  await waitTable(MEM[k][1])
}
async function cardRow(cardNo) {
  await search('card', 'q-cardNo', cardNo)
  const row = rowWith(MEM.card[1], cardNo)
  await row.waitFor({ state: 'visible' })
  return row
}
/** Fills the 发卡 dialog up to the product (and the collective for a collective product). */
async function fillIssue(c, productName, collectiveName) {
  await scope('card').getByTestId('btn-issue').click()
  await page.getByTestId('card-form').waitFor({ state: 'visible' })
  await page.getByTestId('f-phone').fill(c.phone)
  await page.getByTestId('f-holderName').fill(c.name)
  await page.getByTestId('f-cardNo').fill(c.cardNo)
  if (c.physicalNo) await page.getByTestId('f-physicalNo').fill(c.physicalNo)
  await pickOption('f-product', productName)
  if (collectiveName) await pickOption('f-collective', collectiveName)
}
const ledgerText = async () => {
  await drawer().getByTestId('ledger-table').locator('.el-table__body tr').first().waitFor({ state: 'visible' })
  return drawer().getByTestId('ledger-table').innerText()
}

before(async () => {
  ;({ browser, page, pageErrors } = await openBrowser())
  ;({ shot, dialogShot, waitTable, successToast, pickOption, fillNumber, rowWith, confirmBox, login, openMenu } = createUi(page, { prefix: 'member-' }))
  const admin = await new Api(BASE).session('admin', ADMIN_PASSWORD)
  const provider = await approvedProvider(admin)
  const property = await propertyWithLogin(admin, provider.id)
  const carStation = await approvedStation(property.api, admin, property.id)
  const bikeStation = await addBikeStation(property.api, property.id)
  Object.assign(fx, { admin, property, carStation, bikeStation })
})

after(async () => {
  await fx.sim?.stop()
  await browser?.close()
})

test('the property signs in and sees every member page', async () => {
  await login(fx.property.userName, fx.property.initialPassword)
  for (const k of Object.keys(MEM)) {
    await openMem(k)
    assert.equal(await page.getByTestId('placeholder-page').count(), 0, `${k} is a page, not the placeholder`)
  }
})

test('电卡产品: a product with a bonus tier bound to the car station (validation first)', async () => {
  await openMem('product')
  await scope('product').getByTestId('btn-add').click()
  const form = page.getByTestId('product-form')
  await form.waitFor({ state: 'visible' })
  await page.getByTestId('dialog-submit').click()
  await form.getByText('产品名称不能为空').waitFor({ state: 'visible' })
  await form.getByText('请至少选择一个适用电站').waitFor({ state: 'visible' })

  await page.getByTestId('f-name').fill(product.name)
  await fillNumber('f-price', '90')
  await fillNumber('f-faceValue', '100')
  await pickOption('f-carStations', fx.carStation.name)
  await page.getByTestId('f-name').click() // closes the multi-select's dropdown
  await page.getByTestId('tier-add').click()
  // a bonus above its top-up is refused under the field
  await fillNumber('tier-min', '100', form)
  await fillNumber('tier-bonus', '150', form)
  await page.getByTestId('dialog-submit').click()
  await form.getByText('第1档：赠送金额不能超过充值金额').waitFor({ state: 'visible' })
  await fillNumber('tier-bonus', '10', form)
  await dialogShot('product-form')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })

  await search('product', 'q-name', product.name)
  const row = rowWith(MEM.product[1], product.name)
  await row.waitFor({ state: 'visible' })
  const text = await row.innerText()
  assert.match(text, /汽车卡/)
  assert.match(text, /个人卡/)
  assert.match(text, /100\.00/)
  assert.match(text, /满100\.00元送10\.00元/)
  assert.ok(text.includes(fx.carStation.name), text)
  await shot('product-list')

  await rowButton(row, 'row-detail').click()
  await drawer().waitFor({ state: 'visible' })
  await drawer().getByText(fx.carStation.name).first().waitFor({ state: 'visible' })
  await dialogShot('product-detail')
  await page.keyboard.press('Escape')
  await drawer().waitFor({ state: 'hidden' })

  // the collective product of the collective flow, through the API
  ok(await fx.property.api.post('/member/product', {
    name: collectiveProduct.name, productType: 'both', issueType: 'collective', price: 10000, faceValue: 10000, bonusTiers: [],
    carStationIds: [fx.carStation.id], bikeStationIds: [fx.bikeStation.id], remark: ''
  }), 'collective product')
})

test('卡管理: issue a card to a phone, top up with the bonus, read the ledger', async () => {
  await openMem('card')
  await fillIssue(holder, product.name)
  await page.getByTestId('product-summary').waitFor({ state: 'visible' })
  await dialogShot('card-issue')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('card-form').waitFor({ state: 'hidden' })

  let row = await cardRow(holder.cardNo)
  let text = await row.innerText()
  assert.ok(text.includes(holder.physicalNo.toUpperCase()), text)
  assert.ok(text.includes(holder.phone) && text.includes(holder.name), text)
  assert.match(await row.getByTestId('row-balance').innerText(), /^100\.00$/)

  await rowButton(row, 'row-topup').click()
  await page.getByTestId('topup-form').waitFor({ state: 'visible' })
  await fillNumber('f-amount', '150')
  await page.getByTestId('topup-bonus').waitFor({ state: 'visible' })
  assert.match(await page.getByTestId('topup-bonus').innerText(), /赠送 10\.00 元[\s\S]*160\.00/)
  await dialogShot('card-topup')
  await page.getByTestId('dialog-submit').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.match(await page.locator('.el-message-box').innerText(), /150\.00[\s\S]*10\.00/)
  await confirmBox()
  await successToast()
  row = await cardRow(holder.cardNo)
  assert.match(await row.getByTestId('row-balance').innerText(), /^260\.00$/)
  await shot('card-list')

  await rowButton(row, 'row-detail').click()
  await drawer().waitFor({ state: 'visible' })
  const ledger = await ledgerText()
  assert.match(ledger, /开卡[\s\S]*\+100\.00/)
  assert.match(ledger, /充值[\s\S]*\+150\.00/)
  assert.match(ledger, /充值赠送[\s\S]*\+10\.00/)
  assert.match(await drawer().innerText(), new RegExp(fx.carStation.name))
  await dialogShot('card-detail')
  await page.keyboard.press('Escape')
  await drawer().waitFor({ state: 'hidden' })
  fx.cardId = (await fx.property.api.list('/member/card/list', { cardNo: holder.cardNo })).rows[0]?.id
})

test('刷卡充电: a YKC pile swipes the card — a 刷卡 order in 汽车订单, the spend in the card\'s ledger', { skip: !YKC_PORT && 'no ZHICHONG_YKC_PORT' }, async () => {
  const area = await defaultArea(fx.property.api, fx.carStation.id)
  await addTariff(fx.property.api, fx.carStation.id, area.id, { prepayValues: [5000] })
  ok(await fx.admin.post('/test/clock', { offsetMs: 2 * 86400000 }), 'tariff version in force') // versions start at local midnight
  const p = await addPile(fx.property.api, fx.carStation.id, area.id, { protocol: 'ykc' })
  const pile = ok(await fx.admin.get(`/car/pile/${p.id}`)).data
  const physical = holder.physicalNo.toUpperCase().padStart(16, '0')
  fx.sim = runYkcSim(YKC_PORT, [pile], ['--cards', physical, '--card-start-after', '0', '--charge-duration', '4'])
  const start = await fx.sim.wait((e) => e.event === 'start' && e.via === 'card', 'the 0x32 of the swipe', 30000)
  assert.equal(start.result, 'ok', `swipe refused: ${JSON.stringify(start)}`)
  assert.equal(start.balance, 26000, 'the 0x32 carries the card balance')
  await fx.sim.wait((e) => e.event === 'record' && e.confirmed, 'the record confirmed', 30000)
  const order = await until(async () => {
    const rows = (await fx.property.api.list('/order/car/list', { phone: holder.phone, startMethod: 'card' })).rows
    return rows.find((o) => o.status === 'completed' || o.state === 'completed')
  }, 'the card order completed', 20000)
  assert.ok(order.charged > 0, JSON.stringify(order))

  await openMenu('/order', '/order/car', 'page-order-car')
  const orders = page.getByTestId('page-order-car')
  await orders.getByTestId('q-phone').fill(holder.phone)
  await orders.getByTestId('btn-search').click()
  await waitTable('page-order-car')
  const row = orders.locator('.el-table__body-wrapper tr.el-table__row', { hasText: order.orderNo })
  await row.waitFor({ state: 'visible' })
  await rowButton(row, 'row-detail').click()
  const detail = page.getByTestId('detail-drawer').last()
  await detail.waitFor({ state: 'visible' })
  await detail.getByText('刷卡').first().waitFor({ state: 'visible' })
  const detailText = await detail.innerText()
  assert.ok(detailText.includes(holder.cardNo) || detailText.includes(physical), 'the order names the card')
  await dialogShot('card-order-detail')
  await page.keyboard.press('Escape')
  await detail.waitFor({ state: 'hidden' })

  const spent = (order.charged / 100).toFixed(2)
  await openMem('card')
  await rowButton(await cardRow(holder.cardNo), 'row-detail').click()
  await drawer().waitFor({ state: 'visible' })
  const ledger = await ledgerText()
  assert.ok(ledger.includes(order.orderNo), ledger)
  assert.ok(ledger.includes(`-${spent}`), ledger)
  await dialogShot('card-ledger-spend')
  await page.keyboard.press('Escape')
  await drawer().waitFor({ state: 'hidden' })
  const card = ok(await fx.property.api.get(`/member/card/${fx.cardId}`)).data
  assert.equal(card.balance, 26000 - order.charged)
  fx.cardBalance = card.balance
  const books = ok(await fx.admin.get('/order/payment/reconciliation')).data
  assert.deepEqual(books.problems, [])
  await fx.sim.stop()
})

test('卡管理: edit the numbers, then disable the card', async () => {
  let row = await cardRow(holder.cardNo)
  await rowButton(row, 'row-edit').click()
  await page.getByTestId('card-form').waitFor({ state: 'visible' })
  await page.getByTestId('f-physicalNo').fill(holder.physicalNo2)
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('card-form').waitFor({ state: 'hidden' })
  row = await cardRow(holder.cardNo)
  assert.ok((await row.innerText()).includes(holder.physicalNo2.toUpperCase()))

  await rowButton(row, 'row-status').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.ok((await page.locator('.el-message-box').innerText()).includes(holder.cardNo))
  await confirmBox()
  await successToast()
  await until(async () => ok(await fx.property.api.get(`/member/card/${fx.cardId}`)).data.status === 1, 'card disabled')
  row = await cardRow(holder.cardNo)
  assert.equal(await rowButton(row, 'row-topup').isDisabled(), true, 'a disabled card has no top-up')
})

test('集体户: create, top up, issue a collective card from it', async () => {
  await openMem('collective')
  await scope('collective').getByTestId('btn-add').click()
  await page.getByTestId('collective-form').waitFor({ state: 'visible' })
  await page.getByTestId('f-name').fill(collective.name)
  await page.getByTestId('f-contact').fill(collective.contact)
  await page.getByTestId('f-phone').fill(collective.phone)
  await page.getByTestId('f-email').fill(`c${stamp}@example.com`)
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('collective-form').waitFor({ state: 'hidden' })

  await search('collective', 'q-name', collective.name)
  let row = rowWith(MEM.collective[1], collective.name)
  await rowButton(row, 'row-topup').click()
  await page.getByTestId('topup-form').waitFor({ state: 'visible' })
  await fillNumber('f-amount', '500')
  await page.getByTestId('dialog-submit').click()
  await confirmBox()
  await successToast()
  await waitTable(MEM.collective[1])
  assert.match(await rowWith(MEM.collective[1], collective.name).getByTestId('row-balance').innerText(), /^500\.00$/)
  fx.collectiveId = (await fx.property.api.list('/member/collective/list', { name: collective.name })).rows[0]?.id

  await openMem('card')
  await fillIssue(collectiveCard, collectiveProduct.name, collective.name)
  await dialogShot('card-issue-collective')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('card-form').waitFor({ state: 'hidden' })
  const card = await cardRow(collectiveCard.cardNo)
  assert.ok((await card.innerText()).includes(collective.name))

  await openMem('collective')
  await search('collective', 'q-name', collective.name)
  row = rowWith(MEM.collective[1], collective.name)
  assert.match(await row.getByTestId('row-balance').innerText(), /^400\.00$/)
  await rowButton(row, 'row-detail').click()
  await drawer().waitFor({ state: 'visible' })
  const ledger = await ledgerText()
  assert.match(ledger, /集体户充值[\s\S]*\+500\.00/)
  assert.match(ledger, /集体户发卡[\s\S]*-100\.00/)
  assert.ok(ledger.includes(collectiveCard.cardNo), ledger)
  await dialogShot('collective-detail')
  await page.keyboard.press('Escape')
  await drawer().waitFor({ state: 'hidden' })
})

test('集体户: locked, it issues no card — the refusal shows in the dialog', async () => {
  await search('collective', 'q-name', collective.name)
  await rowButton(rowWith(MEM.collective[1], collective.name), 'row-lock').click()
  await confirmBox()
  await successToast()
  await waitTable(MEM.collective[1])
  assert.match(await rowWith(MEM.collective[1], collective.name).innerText(), /已锁定/)
  await shot('collective-list')

  // the account is locked while an issue dialog is open with it chosen
  ok(await fx.property.api.put('/member/collective/lock', { id: fx.collectiveId, locked: 0 }), 'unlock for the dialog')
  await openMem('card')
  await fillIssue(lockedCard, collectiveProduct.name, collective.name)
  ok(await fx.property.api.put('/member/collective/lock', { id: fx.collectiveId, locked: 1 }), 'lock again')
  await page.getByTestId('dialog-submit').click()
  // under the collective field (the server names it), or above the form
  const dialog = page.locator('.el-dialog', { has: page.getByTestId('card-form') })
  await dialog.locator('.el-form-item__error, [data-testid="form-error"]').filter({ hasText: '集体户已锁定' }).first().waitFor({ state: 'visible' })
  assert.equal(await page.getByTestId('card-form').isVisible(), true, 'the dialog stays open')
  await dialogShot('card-issue-locked')
  await page.keyboard.press('Escape')
  await page.getByTestId('card-form').waitFor({ state: 'hidden' })
  const none = (await fx.property.api.list('/member/card/list', { cardNo: lockedCard.cardNo })).rows
  assert.equal(none.length, 0, 'no card issued')
})

test('车主管理: add an owner and verify them', async () => {
  await openMem('owner')
  await scope('owner').getByTestId('btn-add').click()
  await page.getByTestId('owner-form').waitFor({ state: 'visible' })
  await page.getByTestId('f-phone').fill(owner.phone)
  await page.getByTestId('f-nickname').fill(owner.nickname)
  await page.getByTestId('f-realName').fill(owner.realName)
  await page.getByTestId('f-gender').getByText('男').click()
  await page.getByTestId('f-plates').fill(owner.plate)
  await dialogShot('owner-form')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await page.getByTestId('owner-form').waitFor({ state: 'hidden' })

  await search('owner', 'q-phone', owner.phone)
  let row = rowWith(MEM.owner[1], owner.phone)
  await row.waitFor({ state: 'visible' })
  let text = await row.innerText()
  assert.ok(text.includes(owner.realName) && text.includes(owner.plate), text)
  assert.match(text, /未认证/)
  await rowButton(row, 'row-verify').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  await confirmBox()
  await successToast()
  await waitTable(MEM.owner[1])
  row = rowWith(MEM.owner[1], owner.phone)
  text = await row.innerText()
  assert.match(text, /已认证/)
  assert.match(text, /后台添加/)
  await shot('owner-list')
})

test('会员管理: the holder is listed with their card', async () => {
  await openMem('member')
  await search('member', 'q-phone', holder.phone)
  const row = rowWith(MEM.member[1], holder.phone)
  await row.waitFor({ state: 'visible' })
  assert.equal(await row.getByTestId('row-balance').innerText(), ((fx.cardBalance ?? 26000) / 100).toFixed(2), 'the balance after the swipe\'s spend')
  await shot('member-list')
  await rowButton(row, 'row-cards').click()
  await page.getByTestId('member-cards').waitFor({ state: 'visible' })
  await page.getByTestId('member-cards').getByText(holder.cardNo).waitFor({ state: 'visible' })
  await dialogShot('member-cards')
  await page.keyboard.press('Escape')
})

test('English labels on the member pages', async () => {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  try {
    await openMem('card')
    await scope('card').getByText('Physical no.').first().waitFor({ state: 'visible' })
    await shot('card-list-en')
  } finally {
    await page.getByTestId('lang-switch').click()
    await page.getByTestId('lang-zh-CN').click()
  }
})

test('no uncaught page errors', () => {
  assert.deepEqual(pageErrors, [])
})

test('白名单管理: add a plate bound to the car station, edit its remark, disable it, delete it', async () => {
  const WL = 'page-member-whitelist'
  const plate = `粤BD${stamp.slice(-5)}` // the server normalises what is typed below to this
  const wlScope = () => page.getByTestId(WL)
  await openMenu('/member', '/member/whitelist', WL)
  await wlScope().getByTestId('btn-add').click()
  const form = page.getByTestId('whitelist-form')
  await form.waitFor({ state: 'visible' })
  await page.getByTestId('f-plate').fill('粤B12')
  await pickOption('f-stations', fx.carStation.name)
  await page.getByTestId('f-plate').click() // closes the multi-select's dropdown
  await page.getByTestId('f-remark').fill('业主车辆')
  await page.getByTestId('dialog-submit').click()
  // the server's message, under the plate
  await form.locator('.el-form-item__error').filter({ hasText: '车牌号格式不正确' }).waitFor({ state: 'visible' })
  await dialogShot('whitelist-form-error')
  await page.getByTestId('f-plate').fill(`粤b·d${stamp.slice(-5)}`)
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })

  const find = async () => {
    await wlScope().getByTestId('q-plate').fill(plate)
    await wlScope().getByTestId('btn-search').click()
    await waitTable(WL)
    const row = rowWith(WL, plate)
    await row.waitFor({ state: 'visible' })
    return row
  }
  let row = await find()
  let text = await row.innerText()
  assert.ok(text.includes(fx.carStation.name) && text.includes('业主车辆'), text)

  await rowButton(row, 'row-edit').click()
  await form.waitFor({ state: 'visible' })
  assert.equal((await page.getByTestId('f-plate-fixed').innerText()).trim(), plate)
  await page.getByTestId('f-remark').fill('员工车辆')
  await dialogShot('whitelist-edit')
  await page.getByTestId('dialog-submit').click()
  await successToast()
  await form.waitFor({ state: 'hidden' })
  row = await find()
  assert.ok((await row.innerText()).includes('员工车辆'))

  const id = (await fx.property.api.list('/member/whitelist/list', { plate })).rows[0]?.id
  assert.ok(id, 'the plate is listed')
  await rowButton(row, 'row-status').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.ok((await page.locator('.el-message-box').innerText()).includes(plate))
  await confirmBox()
  await successToast()
  await until(async () => ok(await fx.property.api.get(`/member/whitelist/${id}`)).data.status === 1, 'plate disabled')
  await shot('whitelist-list')

  row = await find()
  await rowButton(row, 'row-delete').click()
  await page.locator('.el-message-box').waitFor({ state: 'visible' })
  assert.ok((await page.locator('.el-message-box').innerText()).includes(plate))
  await confirmBox()
  await successToast()
  await until(async () => (await fx.property.api.list('/member/whitelist/list', { plate })).rows.length === 0, 'plate deleted')
  await waitTable(WL)
  assert.equal(await rowWith(WL, plate).count(), 0, 'the row is gone')
  assert.deepEqual(pageErrors, [])
})
