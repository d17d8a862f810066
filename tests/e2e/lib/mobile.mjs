// The driver H5 app (web/driver, served at /h5/) on a phone, for the e2e tests: headless Chromium as an
// iPhone-sized touch device (390×844, DPR 2), zh-CN, Asia/Shanghai, geolocation granted at `geo`.
// `phoneShot(page, name)` writes tests/e2e/artifacts/driver-<name>.png (the viewport, as the phone shows it).
import path from 'node:path'
import { chromium } from 'playwright-core'
import { ARTIFACTS, collectPageErrors } from './ui.mjs'

export async function openPhone({ geo = { latitude: 22.5429, longitude: 113.958 } } = {}) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run']
  })
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'zh-CN', timezoneId: 'Asia/Shanghai', geolocation: geo, permissions: ['geolocation'],
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.40'
  })
  context.setDefaultTimeout(15000)
  const page = await context.newPage()
  return { browser, context, page, pageErrors: collectPageErrors(page) }
}

export async function phoneShot(page, name, { fullPage = false } = {}) {
  await page.locator('.van-toast:visible').first().waitFor({ state: 'hidden', timeout: 4000 }).catch(() => {})
  await page.waitForTimeout(400) // transitions settle
  await page.screenshot({ path: path.join(ARTIFACTS, `driver-${name}.png`), fullPage })
}
