// End-to-end test of the admin web against a running zhichong server.
//   ZHICHONG_URL             server base URL (default http://127.0.0.1:8080)
//   ZHICHONG_ADMIN_PASSWORD  password of the built-in `admin` user
//   CHROMIUM_PATH            browser binary (default /usr/bin/chromium)
// Screenshots of every page go to tests/e2e/artifacts/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { BASE, ADMIN_PASSWORD, openBrowser, createUi } from './lib/ui.mjs'

// unique per run: 11-digit mobile numbers and names
const stamp = String(Date.now()).slice(-8)
const suffix = stamp.slice(-5)
const provider = { name: `E2E服务商${suffix}`, contact: '张三', phone: `139${stamp}`, email: `p${stamp}@example.com` }
const property = { name: `E2E物业${suffix}`, contact: '李四', phone: `138${stamp}`, email: `q${stamp}@example.com`, province: '浙江省', city: '杭州市', address: '西湖区文三路 100 号' }
const dept = { name: `运维部${suffix}` }
const post = { name: `站点运维${suffix}` }
const role = { name: `物业运维${suffix}` }
const user = { nickName: `E2E用户${suffix}`, phone: `137${stamp}`, email: `u${stamp}@example.com`, password: 'Passw0rd123' }
let providerPassword = ''

const SYSTEM_PAGES = [
  { path: '/system/provider', title: '服务商管理', testid: 'page-provider' },
  { path: '/system/property', title: '集团物业管理', testid: 'page-property' },
  { path: '/system/user', title: '用户管理', testid: 'page-user' },
  { path: '/system/role', title: '角色管理', testid: 'page-role' },
  { path: '/system/dept', title: '部门管理', testid: 'page-dept' },
  { path: '/system/post', title: '岗位管理', testid: 'page-post' },
  { path: '/system/logininfor', title: '登录日志', testid: 'page-logininfor' },
  { path: '/system/operlog', title: '操作日志', testid: 'page-operlog' },
  { path: '/system/online', title: '在线用户', testid: 'page-online' }
]
const MODULES = ['首页', '汽车管理', '单车管理', '订单管理', '会员中心', '汇总统计', '系统管理']

let browser
let page
let consoleErrors = []
// the helpers of lib/ui.mjs, bound to the page in before()
let shot, waitTable, expectSuccessToast, pickOption, pickRegion, rowWith, login, logout, openMenu
/** Navigate through the sidebar, as a person would (opens the 系统管理 sub-menu if needed). */
const openFromSidebar = (p) => openMenu('/system', p.path, p.testid)

async function pickTreeNode(testid, text) {
  // el-tree-select puts the attribute on both the select and its tree
  await page.locator(`.el-select[data-testid="${testid}"]`).click()
  const node = page.locator('.el-popper:visible .el-tree-node__content', { hasText: text }).first()
  await node.waitFor({ state: 'visible' })
  await node.click()
}

const isOn = (sw) => sw.evaluate((el) => el.classList.contains('is-checked'))

async function rowMenu(scope, rowText, item) {
  await rowWith(scope, rowText).getByTestId('row-more').click()
  const entry = page.locator('.el-dropdown-menu__item:visible', { hasText: item }).first()
  await entry.waitFor({ state: 'visible' })
  await entry.click()
}

before(async () => {
  ({ browser, page, pageErrors: consoleErrors } = await openBrowser({ acceptDownloads: false }))
  ;({ shot, waitTable, successToast: expectSuccessToast, pickOption, pickRegion, rowWith, login, logout, openMenu } = createUi(page))
})

after(async () => {
  await browser?.close()
})

test('login page renders and rejects a wrong password', async () => {
  await page.goto(BASE + '/')
  await page.waitForURL(/\/login/)
  await page.getByTestId('login-username').waitFor({ state: 'visible' })
  assert.match(await page.title(), /智充/)
  await shot('01-login')
  await page.getByTestId('login-username').fill('admin')
  await page.getByTestId('login-password').fill('definitely-wrong-1')
  await page.getByTestId('login-submit').click()
  const err = page.getByTestId('login-error')
  await err.waitFor({ state: 'visible' })
  assert.match(await err.innerText(), /用户名或密码错误/)
  await shot('02-login-error')
})

test('admin signs in and sees the dashboard: header cards, live figures, the two charts and the ranking (issue 19)', async () => {
  await login('admin', ADMIN_PASSWORD)
  assert.match(await page.getByTestId('dashboard-hello').innerText(), /您好/)
  const cards = page.getByTestId('dashboard-cards')
  await cards.waitFor({ state: 'visible' })
  // the cards say what GET /index/dashboard says (the admin's scope: everything)
  const d = (await page.evaluate(async () => (await fetch('/index/dashboard', { headers: { Authorization: 'Bearer ' + localStorage.getItem('zc-token') } })).json())).data
  assert.match(await page.getByTestId('card-orders').innerText(), new RegExp(`${d.cards.orders.bike}\\s+单车订单[\\s\\S]*${d.cards.orders.car}\\s+汽车订单[\\s\\S]*${d.cards.orders.total}\\s+总计`))
  assert.match(await page.getByTestId('card-car').innerText(), new RegExp(`${d.cards.car.stations}\\s+电站`))
  assert.match(await page.getByTestId('now-online').innerText(), new RegExp(`${d.now.online} / ${d.now.devices}`))
  for (const id of ['chart-orders', 'chart-energy']) {
    const canvas = page.getByTestId(id).locator('canvas')
    await canvas.waitFor({ state: 'visible' })
    assert.ok((await canvas.boundingBox()).height > 150, `${id} is drawn`)
  }
  await shot('03-dashboard')
})

test('sidebar lists the seven modules', async () => {
  const text = await page.getByTestId('sidebar').innerText()
  for (const m of MODULES) assert.ok(text.includes(m), `sidebar has ${m}`)
})

// menu leaves whose pages come last in the plan; the first one still without a view must
// render the placeholder (skipped once every module has its pages)
const PLACEHOLDER_CANDIDATES = [
  ['/order', '/order/invoice'], ['/order', '/order/reservation'], ['/stat', '/stat/split'],
  ['/stat', '/stat/capture']
]

test('a module without a view shows the placeholder page', async (t) => {
  for (const [module, leaf] of PLACEHOLDER_CANDIDATES) {
    const item = page.getByTestId('menu-' + leaf)
    if (!(await item.isVisible())) {
      if (!(await page.getByTestId('submenu-' + module).count())) continue
      await page.getByTestId('submenu-' + module).locator('.el-sub-menu__title').click()
      await item.waitFor({ state: 'visible' })
    }
    await item.click()
    await page.waitForURL(new RegExp(leaf.replace(/\//g, '\\/') + '$'))
    await page.waitForTimeout(500)
    const placeholder = page.getByTestId('placeholder-page')
    if (!(await placeholder.isVisible())) continue
    const title = (await page.getByTestId('placeholder-title').innerText()).trim()
    assert.ok(title.length > 0, 'the placeholder names the menu')
    assert.ok((await page.getByTestId('breadcrumb').innerText()).includes(title))
    await shot('04-placeholder')
    return
  }
  t.skip('every candidate menu has a view now')
})

test('an unknown URL shows the 404 page', async () => {
  await page.goto(BASE + '/no/such/page')
  await page.getByTestId('not-found').waitFor({ state: 'visible' })
  await shot('05-not-found')
  await page.goto(BASE + '/index')
  await page.getByTestId('dashboard').waitFor({ state: 'visible' })
})

test('admin visits every system page', async (t) => {
  for (const [i, p] of SYSTEM_PAGES.entries()) {
    await t.test(`${p.title} (${p.path}) renders its table`, async () => {
      await openFromSidebar(p)
      const tag = page.getByTestId('tag-' + p.path)
      assert.ok(await tag.isVisible(), 'a tab is open for the page')
      assert.ok(await page.getByTestId('breadcrumb').innerText().then(s => s.includes(p.title)), 'breadcrumb names the page')
      await shot(`10-admin-${String(i + 1).padStart(2, '0')}-${p.path.split('/').pop()}`)
    })
  }
})

test('tags view: close others keeps only the home tab and the current page', async () => {
  await page.getByTestId('tags-actions').click()
  await page.getByTestId('tags-close-others').click()
  const tags = page.getByTestId('tags-view').locator('.tag-item')
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="tags-view"] .tag-item').length === 2)
  assert.equal(await tags.count(), 2)
})

test('admin creates a service provider', async () => {
  await openFromSidebar(SYSTEM_PAGES[0])
  await page.getByTestId('page-provider').getByTestId('btn-add').click()
  const form = page.getByTestId('provider-form')
  await form.waitFor({ state: 'visible' })
  // client-side validation: a short phone is rejected before any request
  await page.getByTestId('f-phone').fill('123')
  await page.getByTestId('dialog-submit').click()
  await form.locator('.el-form-item__error', { hasText: '11位手机号码' }).waitFor({ state: 'visible' })
  await page.getByTestId('f-name').fill(provider.name)
  await page.getByTestId('f-contact').fill(provider.contact)
  await page.getByTestId('f-phone').fill(provider.phone)
  await page.getByTestId('f-email').fill(provider.email)
  await shot('20-provider-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
  await page.getByTestId('page-provider').getByTestId('q-phone').fill(provider.phone)
  await page.getByTestId('page-provider').getByTestId('btn-search').click()
  await waitTable('page-provider')
  const row = rowWith('page-provider', provider.phone)
  await row.waitFor({ state: 'visible' })
  assert.ok((await row.innerText()).includes('待审核'))
})

test('provider detail dialog shows the audit fields', async () => {
  await rowWith('page-provider', provider.phone).getByTestId('row-detail').click()
  const dlg = page.getByTestId('detail-dialog')
  await dlg.waitFor({ state: 'visible' })
  const text = await dlg.innerText()
  assert.ok(text.includes(provider.name))
  assert.ok(text.includes('创建者') && text.includes('创建时间'))
  assert.match(text, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/)
  await shot('21-provider-detail')
  await page.getByTestId('detail-close').click()
  await dlg.waitFor({ state: 'hidden' })
})

test('admin approves the provider and reads the initial password', async () => {
  await rowWith('page-provider', provider.phone).getByTestId('row-audit').click()
  await page.getByTestId('audit-form').waitFor({ state: 'visible' })
  await page.getByTestId('audit-pass').click()
  await page.getByTestId('audit-remark').fill('资料齐全，同意')
  await shot('22-provider-audit-dialog')
  await page.getByTestId('audit-submit').click()
  const result = page.getByTestId('account-result')
  await result.waitFor({ state: 'visible' })
  assert.equal((await page.getByTestId('account-username').innerText()).trim(), provider.phone)
  providerPassword = (await page.getByTestId('account-password').innerText()).trim()
  assert.ok(providerPassword.length >= 8, 'an initial password is shown')
  await shot('23-provider-account')
  await page.getByTestId('account-done').click()
  await result.waitFor({ state: 'hidden' })
  await waitTable('page-provider')
  assert.ok((await rowWith('page-provider', provider.phone).innerText()).includes('通过'))
})

test('language switches to English and back', async () => {
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-en').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="sidebar"]').innerText.includes('System'))
  await shot('24-provider-en')
  await page.getByTestId('lang-switch').click()
  await page.getByTestId('lang-zh-CN').click()
  await page.waitForFunction(() => document.querySelector('[data-testid="sidebar"]').innerText.includes('系统管理'))
})

test('admin opens an operation log entry', async () => {
  await openFromSidebar(SYSTEM_PAGES[7])
  const first = page.getByTestId('page-operlog').locator('.el-table__body-wrapper tr.el-table__row').first()
  await first.waitFor({ state: 'visible' })
  await first.getByTestId('row-detail').click()
  await page.getByTestId('detail-dialog').waitFor({ state: 'visible' })
  await shot('25-operlog-detail')
  await page.getByTestId('detail-close').click()
})

test('login log: 浏览器 and 操作系统 columns, 导出 / 清空 / 解锁 on a selected row (issue 15)', async () => {
  await openFromSidebar(SYSTEM_PAGES[6])
  const scope = page.getByTestId('page-logininfor')
  const first = scope.locator('.el-table__body-wrapper tr.el-table__row').first()
  await first.waitFor({ state: 'visible' })
  const headers = await scope.locator('.el-table__header th').allInnerTexts()
  for (const h of ['浏览器', '操作系统']) assert.ok(headers.some((x) => x.trim() === h), `column ${h}: ${headers}`)
  // this browser: headless Chromium on Linux, read from its user agent by the server
  assert.match(await first.getByTestId('cell-browser').innerText(), /Chrome \d+/)
  assert.equal(await first.getByTestId('cell-os').innerText(), 'Linux')
  for (const b of ['btn-export', 'btn-clean', 'btn-unlock']) await scope.getByTestId(b).waitFor({ state: 'visible' })
  assert.equal(await scope.getByTestId('btn-unlock').isDisabled(), true, '解锁 needs a selected row')
  const adminRow = scope.locator('.el-table__body-wrapper tr.el-table__row', { hasText: 'admin' }).first()
  await adminRow.locator('.el-checkbox').click()
  assert.equal(await scope.getByTestId('btn-unlock').isDisabled(), false, '解锁 enabled on a selected row')
  await shot('26-logininfor')
  await scope.getByTestId('btn-unlock').click()
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  assert.ok((await box.innerText()).includes('admin'))
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expectSuccessToast()
  // 清空 asks first; cancelled here (the other tests read the logs)
  await scope.getByTestId('btn-clean').click()
  await box.waitFor({ state: 'visible' })
  assert.match(await box.innerText(), /清空所有登录日志/)
  await box.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click()
  await box.waitFor({ state: 'hidden' })
  assert.ok(await first.isVisible(), 'nothing cleared')
})

test('operation log: 导出 and 清空 for the system administrator', async () => {
  await openFromSidebar(SYSTEM_PAGES[7])
  const scope = page.getByTestId('page-operlog')
  await scope.locator('.el-table__body-wrapper tr.el-table__row').first().waitFor({ state: 'visible' })
  for (const b of ['btn-export', 'btn-clean']) await scope.getByTestId(b).waitFor({ state: 'visible' })
  await shot('27-operlog-toolbar')
})

test('online users: this session is marked, another session of admin is forced out after a confirmation (issue 22)', async () => {
  // a second session of admin, as from another browser
  const login = await fetch(`${BASE}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }) })
  const other = (await login.json()).data.token
  await openFromSidebar(SYSTEM_PAGES[8])
  const scope = page.getByTestId('page-online')
  await scope.getByTestId('q-userName').fill('admin')
  await scope.getByTestId('btn-search').click()
  const rows = scope.locator('.el-table__body-wrapper tr.el-table__row')
  await rows.nth(1).waitFor({ state: 'visible' })
  assert.equal(await scope.locator('.el-table__body-wrapper [data-testid=tag-current]').count(), 1, 'one row is this session')
  await shot('28-online-users')
  const before = await rows.count()
  // the newest session (first row) is the one signed in above
  await rows.first().getByTestId('btn-force-logout').click()
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  assert.ok((await box.innerText()).includes('admin'))
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expectSuccessToast()
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=page-online] .el-table__body-wrapper tr.el-table__row').length === n - 1, before)
  const r = await fetch(`${BASE}/getInfo`, { headers: { Authorization: `Bearer ${other}` } })
  assert.equal(r.status, 401, 'the forced-out token is refused')
})

test('admin signs out', async () => {
  await logout()
})

test('the provider signs in with the initial password', async () => {
  assert.ok(providerPassword, 'password from the approval step')
  await login(provider.phone, providerPassword)
  // the role by its name, and shortcuts only to built pages this account may open (issue 15)
  assert.match(await page.getByTestId('dashboard-roles').innerText(), /服务商管理员/)
  const links = await page.locator('[data-testid^="shortcut-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
  assert.ok(links.length >= 4 && links.includes('shortcut-/car/station'), links.join())
  assert.ok(!links.some((l) => /member|stat\/(split|station|capture|call|fault)|invoice|reservation/.test(l)), 'no placeholder pages: ' + links.join())
  await shot('30-provider-dashboard')
})

test('the provider creates a property company', async () => {
  await openFromSidebar(SYSTEM_PAGES[1])
  await page.getByTestId('page-property').getByTestId('btn-add').click()
  const form = page.getByTestId('property-form')
  await form.waitFor({ state: 'visible' })
  const selected = await page.getByTestId('f-provider').innerText().catch(() => '')
  if (!selected.includes(provider.name)) await pickOption('f-provider', provider.name)
  await page.getByTestId('f-name').fill(property.name)
  await page.getByTestId('f-contact').fill(property.contact)
  await page.getByTestId('f-phone').fill(property.phone)
  await page.getByTestId('f-email').fill(property.email)
  await pickRegion('f-region', [property.province, property.city])
  await page.getByTestId('f-address').fill(property.address)
  await shot('31-property-add-dialog')
  await page.getByTestId('dialog-submit').click()
  const result = page.getByTestId('account-result')
  await result.waitFor({ state: 'visible' })
  assert.equal((await page.getByTestId('account-username').innerText()).trim(), property.phone)
  assert.ok((await page.getByTestId('account-password').innerText()).trim().length >= 8)
  await shot('32-property-account')
  await page.getByTestId('account-done').click()
  await result.waitFor({ state: 'hidden' })
  await waitTable('page-property')
  await rowWith('page-property', property.phone).waitFor({ state: 'visible' })
})

test('the provider creates a user under the property', async () => {
  await openFromSidebar(SYSTEM_PAGES[2])
  await page.getByTestId('page-user').getByTestId('btn-add').click()
  const form = page.getByTestId('user-form')
  await form.waitFor({ state: 'visible' })
  await pickOption('f-userType', '物业')
  const selectedProvider = await page.getByTestId('f-provider').innerText().catch(() => '')
  if (!selectedProvider.includes(provider.name)) await pickOption('f-provider', provider.name)
  const selectedProperty = await page.getByTestId('f-property').innerText().catch(() => '')
  if (!selectedProperty.includes(property.name)) await pickOption('f-property', property.name)
  await page.getByTestId('f-nickName').fill(user.nickName)
  await page.getByTestId('f-phone').fill(user.phone)
  await page.getByTestId('f-email').fill(user.email)
  await page.getByTestId('f-password').fill(user.password)
  await shot('33-user-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
})

test('the new user appears in the user list', async () => {
  const scope = page.getByTestId('page-user')
  await scope.getByTestId('q-phone').fill(user.phone)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-user')
  const row = rowWith('page-user', user.phone)
  await row.waitFor({ state: 'visible' })
  const text = await row.innerText()
  assert.ok(text.includes(user.nickName), 'row shows the name')
  assert.ok(text.includes(property.name), 'row shows the owning property')
  await shot('34-user-list')
})

test('the provider adds a department under the property', async () => {
  await openFromSidebar(SYSTEM_PAGES[4])
  await rowWith('page-dept', property.name).getByTestId('row-add-child').click()
  const form = page.getByTestId('dept-form')
  await form.waitFor({ state: 'visible' })
  await page.getByTestId('f-deptName').fill(dept.name)
  await shot('35-dept-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
  await waitTable('page-dept')
  await rowWith('page-dept', dept.name).waitFor({ state: 'visible' })
  await shot('36-dept-tree')
})

test('the provider adds a post in that department', async () => {
  await openFromSidebar(SYSTEM_PAGES[5])
  await page.getByTestId('page-post').getByTestId('btn-add').click()
  const form = page.getByTestId('post-form')
  await form.waitFor({ state: 'visible' })
  await pickTreeNode('f-dept', dept.name)
  await page.getByTestId('f-postName').fill(post.name)
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
  await waitTable('page-post')
  await rowWith('page-post', post.name).waitFor({ state: 'visible' })
})

test('the provider creates a property role with menu permissions', async () => {
  await openFromSidebar(SYSTEM_PAGES[3])
  await page.getByTestId('page-role').getByTestId('btn-add').click()
  const form = page.getByTestId('role-form')
  await form.waitFor({ state: 'visible' })
  await pickOption('f-roleType', '物业')
  const selectedProvider = await page.getByTestId('f-provider').innerText().catch(() => '')
  if (!selectedProvider.includes(provider.name)) await pickOption('f-provider', provider.name)
  const selectedProperty = await page.getByTestId('f-property').innerText().catch(() => '')
  if (!selectedProperty.includes(property.name)) await pickOption('f-property', property.name)
  await page.getByTestId('f-roleName').fill(role.name)
  const tree = page.getByTestId('menu-tree')
  await tree.locator('.el-tree-node__content').first().waitFor({ state: 'visible' })
  // grant the first top-level menu (with its children)
  await tree.locator('.el-tree-node__content').first().locator('.el-checkbox').click()
  await shot('37-role-add-dialog')
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
  await waitTable('page-role')
  await rowWith('page-role', role.name).waitFor({ state: 'visible' })
})

test('the provider gives the user a department, post and role', async () => {
  await openFromSidebar(SYSTEM_PAGES[2])
  const scope = page.getByTestId('page-user')
  await scope.getByTestId('q-phone').fill(user.phone)
  await scope.getByTestId('btn-search').click()
  await waitTable('page-user')
  await rowWith('page-user', user.phone).getByTestId('row-edit').click()
  const form = page.getByTestId('user-form')
  await form.waitFor({ state: 'visible' })
  await pickTreeNode('f-dept', dept.name)
  await pickOption('f-post', post.name)
  await pickOption('f-roles', role.name)
  await page.keyboard.press('Escape').catch(() => {})
  await shot('38-user-edit-dialog')
  await page.getByTestId('dialog-submit').click()
  await expectSuccessToast()
  await form.waitFor({ state: 'hidden' })
  await waitTable('page-user')
  assert.ok((await rowWith('page-user', user.phone).innerText()).includes(dept.name), 'the row shows the department')
})

test('the role lists the user as assigned', async () => {
  await openFromSidebar(SYSTEM_PAGES[3])
  await rowWith('page-role', role.name).getByTestId('row-auth').click()
  const dlg = page.getByTestId('auth-user-dialog')
  await dlg.waitFor({ state: 'visible' })
  await dlg.locator('.el-table__body-wrapper tr.el-table__row', { hasText: user.phone }).waitFor({ state: 'visible' })
  await shot('39-role-auth-users')
  await page.keyboard.press('Escape')
  await dlg.waitFor({ state: 'hidden' })
})

test('the provider resets the user password', async () => {
  await openFromSidebar(SYSTEM_PAGES[2])
  await rowMenu('page-user', user.phone, '重置密码')
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  await box.locator('input').fill('short')
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await box.locator('.el-message-box__errormsg', { hasText: '8-64' }).waitFor({ state: 'visible' })
  await box.locator('input').fill('NewPassw0rd9')
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expectSuccessToast()
})

test('the bind-stations dialog opens (no stations yet)', async () => {
  await rowMenu('page-user', user.phone, '绑定电站')
  const dlg = page.getByTestId('bind-dialog')
  await dlg.waitFor({ state: 'visible' })
  await page.waitForFunction(() => !document.querySelector('[data-testid="bind-dialog"] .el-loading-mask') ||
    getComputedStyle(document.querySelector('[data-testid="bind-dialog"] .el-loading-mask')).display === 'none')
  await shot('3a-user-bind-stations')
  await page.keyboard.press('Escape')
  await dlg.waitFor({ state: 'hidden' })
})

test('status switch asks for confirmation and can be cancelled', async () => {
  await openFromSidebar(SYSTEM_PAGES[3])
  const sw = rowWith('page-role', role.name).getByTestId('row-status')
  assert.equal(await isOn(sw), true)
  await sw.click()
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  assert.ok((await box.innerText()).includes(role.name))
  await box.locator('.el-message-box__btns .el-button:not(.el-button--primary)').click()
  await box.waitFor({ state: 'hidden' })
  assert.equal(await isOn(sw), true, 'cancelled: still enabled')
  await sw.click()
  await box.waitFor({ state: 'visible' })
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await expectSuccessToast()
  assert.equal(await isOn(sw), false, 'disabled')
  await sw.click()
  await box.locator('.el-message-box__btns .el-button--primary').click()
  await page.locator('.el-message--success').last().waitFor({ state: 'visible' })
})

test('deleting a department that still has users shows the server message', async () => {
  await openFromSidebar(SYSTEM_PAGES[4])
  await rowWith('page-dept', dept.name).getByTestId('row-delete').click()
  const box = page.locator('.el-message-box')
  await box.waitFor({ state: 'visible' })
  await box.locator('.el-message-box__btns .el-button--primary').click()
  const err = page.locator('.el-message--error').last()
  await err.waitFor({ state: 'visible' })
  assert.ok((await err.innerText()).trim().length > 0, 'an error message is shown')
  await shot('3b-dept-delete-refused')
  await rowWith('page-dept', dept.name).waitFor({ state: 'visible' })
})

test('the provider visits every system page it can see', async (t) => {
  const sidebar = page.getByTestId('sidebar')
  if (!(await page.getByTestId('menu-/system/provider').isVisible())) {
    await page.getByTestId('submenu-/system').locator('.el-sub-menu__title').click()
  }
  for (const [i, p] of SYSTEM_PAGES.entries()) {
    const visible = await sidebar.getByTestId('menu-' + p.path).count()
    if (!visible) continue
    await t.test(`${p.title} renders for the provider`, async () => {
      await openFromSidebar(p)
      await shot(`40-provider-${String(i + 1).padStart(2, '0')}-${p.path.split('/').pop()}`)
    })
  }
})

test('the provider\'s login log offers 导出 and 解锁 but not 清空 (system administrators only)', async () => {
  await openFromSidebar(SYSTEM_PAGES[6])
  const scope = page.getByTestId('page-logininfor')
  await scope.locator('.el-table__body-wrapper tr.el-table__row').first().waitFor({ state: 'visible' })
  await scope.getByTestId('btn-export').waitFor({ state: 'visible' })
  await scope.getByTestId('btn-unlock').waitFor({ state: 'visible' })
  assert.equal(await scope.getByTestId('btn-clean').count(), 0)
})

test('the provider changes its password in the profile page', async () => {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('menu-profile').click()
  await page.waitForURL(/\/user\/profile$/)
  await page.getByTestId('page-profile').waitFor({ state: 'visible' })
  assert.ok((await page.getByTestId('page-profile').innerText()).includes(provider.phone))
  // the profile opens as a tab like every other page (issue 15)
  await page.getByTestId('tags-view').locator('.tag-item', { hasText: /个人中心|Profile/ }).waitFor({ state: 'visible' })
  await shot('50-profile')
  await page.getByTestId('profile-tab-pwd').click()
  await page.getByTestId('pwd-old').fill(providerPassword)
  await page.getByTestId('pwd-new').fill('Provider2025x')
  await page.getByTestId('pwd-confirm').fill('Provider2025x')
  await page.getByTestId('pwd-submit').click()
  await expectSuccessToast()
  providerPassword = 'Provider2025x'
})

test('the provider signs out and back in with the new password', async () => {
  await logout()
  await login(provider.phone, providerPassword)
})

test('no uncaught errors in the page', () => {
  assert.deepEqual(consoleErrors, [])
})
