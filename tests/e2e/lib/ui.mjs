// The admin web as a person uses it, for the e2e tests: sign in/out, open a page from the sidebar, wait
// for a table, pick from a select, read toasts, take screenshots. `createUi(page, {prefix})` binds the
// helpers to one Playwright page; screenshots go to tests/e2e/artifacts/<prefix><name>.png.
//   ZHICHONG_URL   server base URL (default http://127.0.0.1:8080)
//   CHROMIUM_PATH  browser binary (default /usr/bin/chromium)
import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { chromium } from 'playwright-core'

export const BASE = (process.env.ZHICHONG_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '')
export const ADMIN_PASSWORD = process.env.ZHICHONG_ADMIN_PASSWORD || 'Admin12345'
export const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'artifacts')
mkdirSync(ARTIFACTS, { recursive: true })

/** Headless Chromium at 1440×900, zh-CN, Asia/Shanghai; page errors are collected in `pageErrors`. */
export async function openBrowser({ acceptDownloads = true } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads })
  context.setDefaultTimeout(15000)
  const page = await context.newPage()
  return { browser, context, page, pageErrors: collectPageErrors(page) }
}

/** The page's uncaught errors and the browser's refusals under the server's Content-Security-Policy. */
export function collectPageErrors(page) {
  const errors = []
  page.on('pageerror', (e) => errors.push(String(e)))
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(m.text())
  })
  return errors
}

export function createUi(page, { prefix = '' } = {}) {
  async function shot(name) {
    await page.waitForTimeout(350) // let transitions settle
    await page.screenshot({ path: path.join(ARTIFACTS, `${prefix}${name}.png`), fullPage: true })
  }
  /** The viewport only (dialogs and drawers are fixed to it). */
  async function dialogShot(name) {
    await page.waitForTimeout(400)
    await page.screenshot({ path: path.join(ARTIFACTS, `${prefix}${name}.png`) })
  }

  /** The table inside `scope` (a data-testid, or the whole page) is visible and its loading mask gone. */
  async function waitTable(scope) {
    const root = scope ? page.getByTestId(scope) : page
    await root.getByTestId('table').first().waitFor({ state: 'visible' })
    await page.waitForFunction((sel) => {
      const el = document.querySelector(sel)
      if (!el) return false
      const mask = el.querySelector('.el-loading-mask')
      return !mask || getComputedStyle(mask).display === 'none'
    }, scope ? `[data-testid="${scope}"] [data-testid="table"]` : '[data-testid="table"]')
  }

  // A toast counts once: each wait marks the toasts showing as seen, so a toast still on screen from the
  // previous step (they stay 3 s) never stands in for the one the next step raises.
  const markToastsSeen = () => page.evaluate(() => document.querySelectorAll('.el-message').forEach((el) => el.setAttribute('data-seen', '')))
  async function successToast() {
    await page.locator('.el-message--success:not([data-seen])').last().waitFor({ state: 'visible' })
    await markToastsSeen()
  }
  /** Runs `action`; resolves with the text of the new toast of `kind` ('success', 'error', …) it raised. */
  async function toastAfter(kind, action) {
    await markToastsSeen()
    await action()
    const toast = page.locator(`.el-message--${kind}:not([data-seen])`).last()
    await toast.waitFor({ state: 'visible' })
    const text = (await toast.innerText()).trim()
    await markToastsSeen()
    return text
  }
  async function errorToast(text) {
    const t = page.locator('.el-message--error', { hasText: text }).last()
    await t.waitFor({ state: 'visible' })
    return t.innerText()
  }

  async function pickOption(testid, text, scope = page) {
    await scope.getByTestId(testid).first().click()
    const option = page.locator('.el-select-dropdown__item:visible', { hasText: text }).first()
    await option.waitFor({ state: 'visible' })
    const multiple = await option.evaluate((el) => !!el.closest('.el-select-dropdown')?.classList.contains('is-multiple'))
    await option.click()
    if (!multiple) await option.waitFor({ state: 'hidden' }) // a single select's dropdown has closed
  }
  /** 省/市(/区) in a RegionCascader: search the last name, pick the suggestion with the whole path. */
  async function pickRegion(testid, path, scope = page) {
    const input = scope.getByTestId(testid).locator('input').first()
    await input.click()
    await input.fill(path[path.length - 1])
    const item = page.locator('.el-cascader__suggestion-item:visible', { hasText: path.join(' / ') }).first()
    await item.waitFor({ state: 'visible' })
    await item.click()
    await item.waitFor({ state: 'hidden' })
  }
  async function fillNumber(testid, value, scope = page, nth = 0) {
    // el-input-number carries the test id on its wrapper, el-input on the <input> itself
    const el = scope.getByTestId(testid).nth(nth)
    const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first()
    await input.fill(String(value))
    await input.press('Tab')
  }
  async function fillDate(testid, value) {
    const el = page.getByTestId(testid).first()
    const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input').first()
    await input.click()
    await input.fill(value)
    await input.press('Enter')
  }
  function rowWith(scope, text) {
    return page.getByTestId(scope).locator('.el-table__body-wrapper tr.el-table__row', { hasText: text })
  }
  async function confirmBox() {
    await page.locator('.el-message-box__btns .el-button--primary').click()
  }
  /** A row's 更多 dropdown entry by its data-testid. */
  async function moreItem(row, testid) {
    await row.getByTestId('row-more').click()
    await page.locator(`.el-dropdown-menu:visible [data-testid="${testid}"]`).click()
  }

  async function login(username, password) {
    await page.goto(BASE + '/')
    await page.waitForURL(/\/login/)
    await page.getByTestId('login-username').fill(username)
    await page.getByTestId('login-password').fill(password)
    await page.getByTestId('login-password').press('Enter')
    await page.waitForURL(/\/index$/)
    await page.getByTestId('dashboard').waitFor({ state: 'visible' })
  }
  async function logout() {
    await page.getByTestId('user-menu').click()
    await page.getByTestId('menu-logout').click()
    await confirmBox()
    await page.waitForURL(/\/login/)
    await page.getByTestId('login-username').waitFor({ state: 'visible' })
  }

  /** Open a page from the sidebar (opening its module's sub-menu when needed) and wait for its table. */
  async function openMenu(module, leaf, testid) {
    const item = page.getByTestId('menu-' + leaf)
    if (!(await item.isVisible())) {
      await page.getByTestId('submenu-' + module).locator('.el-sub-menu__title').click()
      await item.waitFor({ state: 'visible' })
    }
    await item.click()
    await page.waitForURL(new RegExp(leaf.replace(/\//g, '\\/') + '$'))
    await page.getByTestId(testid).waitFor({ state: 'visible' })
    await waitTable(testid)
  }

  /** Pick the station in a page's search form and search. */
  async function filterByStation(scope, stationName) {
    await pickOption('q-station', stationName, page.getByTestId(scope))
    await page.getByTestId(scope).getByTestId('btn-search').click()
    await waitTable(scope)
  }

  return {
    shot, dialogShot, waitTable, successToast, toastAfter, errorToast, pickOption, pickRegion, fillNumber, fillDate, rowWith, confirmBox,
    moreItem, login, logout, openMenu, filterByStation
  }
}
