// A server validation error names its field ("hotline: 电话号码格式不正确", docs/api-system.md errors):
// it is shown under that field of the form on screen, like the form's own rules, instead of as a toast
// with a raw key. Every <el-form> registers itself (a global mixin on ElForm), so each page and dialog
// gets this without code of its own.
import { t } from '@/locales'

const forms = new Set()

export const formErrorsPlugin = {
  install(app) {
    app.mixin({
      mounted() { if (this.$options.name === 'ElForm') forms.add(this.$) },
      unmounted() { forms.delete(this.$) }
    })
  }
}

/** "periods[1].end: …" → { field: 'periods.1.end', text: '…' }; null when the message names no field. */
export function parseFieldError(msg) {
  const m = /^([A-Za-z][\w.[\]]*):\s*([\s\S]+)$/.exec(msg || '')
  return m ? { field: m[1].replace(/\[(\d+)\]/g, '.$1'), text: m[2] } : null
}

/**
 * The form item a server field names in `form`: the field itself, else its nearest ancestor that is an
 * item ("periods.2.start" → "periods", said as "第3行: …"). A form holding one part of a request declares
 * the part (`<el-form data-error-scope="wechat">` takes "wechat.mchId" as "mchId").
 */
function findItem(form, el, field) {
  const scope = el.dataset?.errorScope
  if (scope && field.startsWith(scope + '.')) field = field.slice(scope.length + 1)
  else if (scope && field.includes('.') && !form.exposed.getField(field.split('.')[0])) return null
  const parts = field.split('.')
  for (let n = parts.length; n > 0; n--) {
    const item = form.exposed.getField(parts.slice(0, n).join('.'))
    if (item) return { item, row: parts.slice(n).find(p => /^\d+$/.test(p)) }
  }
  return null
}

// A form in a tab that is not shown counts as on screen: its tab is opened to show the error.
function onScreen(el) {
  if (!el?.isConnected) return false
  if (el.offsetParent !== null) return true
  const pane = el.closest('.el-tab-pane')
  return !!pane && pane.parentElement?.offsetParent !== null
}

/** Shows the error under its field in the newest visible form that has it; true when shown. */
export function showFieldError(msg) {
  const e = parseFieldError(msg)
  if (!e) return false
  for (const form of [...forms].reverse()) {
    const el = form.subTree?.el
    if (!form.exposed || !onScreen(el)) continue // unmounted or hidden
    const found = findItem(form, el, e.field)
    if (!found) continue
    const pane = el.closest('.el-tab-pane')
    if (pane && pane.offsetParent === null) document.getElementById(pane.id.replace(/^pane-/, 'tab-'))?.click()
    found.item.validateMessage = found.row === undefined ? e.text : t('common.rowError', { n: Number(found.row) + 1, msg: e.text })
    found.item.validateState = 'error'
    form.exposed.scrollToField(found.item.prop)
    return true
  }
  return false
}

/** Clears the field errors of the forms inside `root` (a dialog before it submits again). */
export function clearFieldErrors(root) {
  for (const form of forms) if (root?.contains(form.subTree?.el)) form.exposed?.clearValidate()
}
