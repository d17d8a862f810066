// Every list page of the menu at 1440×900 and 1280×720, in Chinese and English (issue 15 "Tables",
// "Speed"): the table body does not scroll sideways at 1440; at 1280 a table that scrolls keeps its action
// column fixed and in view; the action buttons sit on one line; codes and tags are not cut; the search form's
// items line up in a grid and its labels are neither cut nor wrapped. Screenshots: artifacts/layout/<lang>-<w>-<page>.png.
// Timings (Performance API, a cold load of each page's URL) go to artifacts/layout/perf.json — reported,
// not asserted against the clock.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { BASE, ADMIN_PASSWORD, ARTIFACTS, openBrowser, createUi } from './lib/ui.mjs'

const OUT = path.join(ARTIFACTS, 'layout')
mkdirSync(OUT, { recursive: true })
const VIEWPORTS = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]
const LANGS = ['zh-CN', 'en']

let browser, context, page, pageErrors, ui
let leaves = []

before(async () => {
  ({ browser, context, page, pageErrors } = await openBrowser({ acceptDownloads: false }))
  ui = createUi(page)
  await ui.login('admin', ADMIN_PASSWORD)
  // the menu's leaves (pages), as the sidebar builds them
  leaves = await page.evaluate(async () => {
    const res = await fetch('/getRouters', { headers: { Authorization: 'Bearer ' + localStorage.getItem('zc-token') } })
    const menus = (await res.json()).data || []
    const out = []
    const walk = (items, base) => {
      for (const m of items) {
        const full = m.path.startsWith('/') ? m.path : (base.replace(/\/+$/, '') + '/' + m.path)
        if (m.children && m.children.length) walk(m.children, full)
        else if (!m.hidden && m.component && !/^(Layout|ParentView)$/.test(m.component)) out.push(full)
      }
    }
    walk(menus, '')
    return out
  })
})

after(async () => {
  await browser?.close()
})

/** Open a page by its URL (a cold load) and wait until its table is usable; null when it has no table. */
async function openList(url) {
  await page.goto(BASE + url)
  await page.locator('.app-main-inner > *').first().waitFor({ state: 'visible' })
  const table = page.locator('.app-main [data-testid="table"]').first()
  try { await table.waitFor({ state: 'visible', timeout: 4000 }) } catch { return null }
  // the first moment the table is there and its loading mask gone (ms since navigation start)
  const usable = await page.waitForFunction(() => {
    const el = document.querySelector('.app-main [data-testid="table"]')
    const mask = el && el.querySelector('.el-loading-mask')
    return el && (!mask || getComputedStyle(mask).display === 'none') ? performance.now() : false
  }, null, { polling: 'raf' }).then(h => h.jsonValue())
  return { usable }
}

/** What the page looks like to a reader of the table and search form (measured in the page). */
function measure() {
  return page.evaluate(() => {
    const near = (a, b) => Math.abs(a - b) <= 2
    const table = document.querySelector('.app-main [data-testid="table"]')
    const wrap = table.querySelector('.el-table__body-wrapper .el-scrollbar__wrap') || table.querySelector('.el-table__body-wrapper')
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1
    const tableBox = table.getBoundingClientRect()
    const opHeader = table.querySelector('.el-table__header th.op-column')
    const opFixed = !!opHeader && opHeader.classList.contains('el-table-fixed-column--right')
    const opBox = opHeader && opHeader.getBoundingClientRect()
    const opVisible = !!opBox && opBox.right <= tableBox.right + 1 && opBox.left >= tableBox.left && opBox.width > 0
    // action buttons of a row on one line, none cut by the cell
    const wrapped = []
    for (const cell of table.querySelectorAll('.el-table__body td.op-column .cell')) {
      const items = [...cell.children].filter(c => c.offsetParent !== null)
      if (!items.length) continue
      const tops = items.map(c => c.getBoundingClientRect().top)
      const cb = cell.getBoundingClientRect()
      const last = items[items.length - 1].getBoundingClientRect()
      if (!tops.every(t => near(t, tops[0])) || last.right > cb.right + 1) wrapped.push(cell.innerText.replace(/\s+/g, ' ').trim())
    }
    // codes (.code-text) shown whole
    const cut = []
    for (const el of table.querySelectorAll('.el-table__body .code-text')) {
      const cell = el.closest('.cell')
      if (el.scrollWidth > el.clientWidth + 1 || (cell && el.getBoundingClientRect().right > cell.getBoundingClientRect().right + 1)) cut.push(el.innerText)
    }
    // tags (states, types) shown whole
    const tagCut = []
    for (const el of table.querySelectorAll('.el-table__body .el-tag')) {
      const cell = el.closest('.cell')
      if (el.offsetParent === null || !cell) continue
      const b = el.getBoundingClientRect(), c = cell.getBoundingClientRect()
      if (el.scrollWidth > el.clientWidth + 1 || b.right > c.right + 1 || b.left < c.left - 1) tagCut.push(el.innerText)
    }
    // search form items in a grid: every row's items start where the first row's items start
    const items = [...document.querySelectorAll('.app-main .search-form > .el-form-item')].filter(i => i.offsetParent !== null)
    const rows = []
    for (const it of items) {
      const b = it.getBoundingClientRect()
      const row = rows.find(r => near(r.top, b.top))
      if (row) row.lefts.push(b.left); else rows.push({ top: b.top, lefts: [b.left] })
    }
    // (an item may span two cells, so an item of a later row may start under any of the first row's)
    const columns = rows[0]?.lefts || []
    const misaligned = rows.slice(1).flatMap(r => r.lefts.filter(l => !columns.some(c => near(c, l))))
    const labels = [...document.querySelectorAll('.app-main .search-form .el-form-item__label')].filter(l => l.offsetParent !== null)
    // a label's text: cut when it reaches past the label's box (either side: labels align right),
    // wrapped when its line boxes do not share one top
    const textBoxes = (el) => {
      const r = document.createRange()
      r.selectNodeContents(el)
      return [...r.getClientRects()].filter(b => b.width > 0)
    }
    const labelCut = labels.filter(l => {
      const b = l.getBoundingClientRect()
      return l.scrollWidth > l.clientWidth + 1 || textBoxes(l).some(t => t.left < b.left - 1 || t.right > b.right + 1)
    }).map(l => l.innerText)
    const lines = (el) => textBoxes(el).reduce((tops, b) => (tops.some(t => near(t, b.top)) ? tops : [...tops, b.top]), []).length
    const labelWrapped = labels.filter(l => lines(l) > 1).map(l => l.innerText.replace(/\s+/g, ' '))
    return { scrolls, overflow: wrap.scrollWidth - wrap.clientWidth, opHeader: !!opHeader, opFixed, opVisible, wrapped, cut, tagCut, misaligned, labelCut, labelWrapped, rows: rows.length }
  })
}

const slug = (url) => url.replace(/^\//, '').replace(/\//g, '-')

test('every list page fits 1440×900 and 1280×720 in Chinese and English', async () => {
  assert.ok(leaves.length > 10, 'the menu lists the pages')
  const problems = []
  const perf = []
  let lists = 0
  for (const lang of LANGS) {
    await page.evaluate((l) => localStorage.setItem('zc-lang', l), lang)
    for (const vp of VIEWPORTS) {
      await page.setViewportSize(vp)
      for (const url of leaves) {
        const opened = await openList(url)
        if (!opened) continue
        if (lang === LANGS[0] && vp === VIEWPORTS[0]) lists++
        await page.waitForTimeout(300) // column widths settle
        const m = await measure()
        await page.screenshot({ path: path.join(OUT, `${lang}-${vp.width}-${slug(url)}.png`) })
        const where = `${url} ${lang} ${vp.width}`
        if (vp.width === 1440 && m.scrolls) problems.push(`${where}: the table scrolls sideways (${m.overflow} px)`)
        if (m.opHeader && m.scrolls && !(m.opFixed && m.opVisible)) problems.push(`${where}: the table scrolls sideways and its action column is not fixed in view`)
        if (m.wrapped.length) problems.push(`${where}: action buttons wrap or are cut: ${m.wrapped[0]}`)
        if (m.cut.length) problems.push(`${where}: codes cut: ${m.cut.slice(0, 3).join(', ')}`)
        if (m.tagCut.length) problems.push(`${where}: tags cut: ${[...new Set(m.tagCut)].slice(0, 3).join(', ')}`)
        if (m.misaligned.length) problems.push(`${where}: search form items off the grid`)
        if (m.labelCut.length) problems.push(`${where}: search labels cut: ${m.labelCut.join(', ')}`)
        if (m.labelWrapped.length) problems.push(`${where}: search labels wrap: ${m.labelWrapped.join(', ')}`)
        if (lang === LANGS[0]) {
          const timing = await page.evaluate(() => {
            const nav = performance.getEntriesByType('navigation')[0] || {}
            const fcp = performance.getEntriesByName('first-contentful-paint')[0]
            const api = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'xmlhttprequest' || r.initiatorType === 'fetch')
            const js = performance.getEntriesByType('resource').filter(r => r.initiatorType === 'script' || /\.js$/.test(r.name))
            return {
              domContentLoaded: Math.round(nav.domContentLoadedEventEnd || 0),
              load: Math.round(nav.loadEventEnd || 0),
              firstContentfulPaint: fcp ? Math.round(fcp.startTime) : null,
              apiRequests: api.map(r => ({ url: new URL(r.name).pathname, start: Math.round(r.startTime), end: Math.round(r.responseEnd) })),
              scripts: js.length,
              scriptKb: Math.round(js.reduce((s, r) => s + (r.encodedBodySize || r.transferSize || 0), 0) / 1024)
            }
          })
          perf.push({ page: url, viewport: vp.width, tableUsable: Math.round(opened.usable), tableOverflowPx: m.overflow, ...timing })
        }
      }
    }
  }
  const usable = perf.filter(p => p.viewport === 1440).map(p => p.tableUsable).sort((a, b) => a - b)
  const summary = usable.length ? { pages: usable.length, median: usable[Math.floor(usable.length / 2)], max: usable[usable.length - 1] } : {}
  writeFileSync(path.join(OUT, 'perf.json'), JSON.stringify({ summary, pages: perf }, null, 2))
  console.log(`# table usable after a cold load (ms, 1440 zh-CN): ${JSON.stringify(summary)}`)
  for (const p of perf.filter(x => x.viewport === 1440)) console.log(`#   ${p.page}: ${p.tableUsable} ms (FCP ${p.firstContentfulPaint}, ${p.apiRequests.length} requests, ${p.scripts} scripts ${p.scriptKb} kB); table overflow ${p.tableOverflowPx} px`)
  assert.ok(lists >= 15, `the list pages were measured (${lists})`)
  assert.deepEqual(problems, [])
  assert.deepEqual(pageErrors, [])
})
