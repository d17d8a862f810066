// A server validation error names its field ("hotline: 电话号码格式不正确", docs/api-system.md errors):
// it is shown under that field of the form on screen, like the form's own rules, instead of as a toast
// with a raw key. Every <el-form> registers itself (a global mixin on ElForm), so each page and dialog
// gets this without code of its own.
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

/** Shows the error under its field in the newest visible form that has it; true when shown. */
export function showFieldError(msg) {
  const e = parseFieldError(msg)
  if (!e) return false
  for (const form of [...forms].reverse()) {
    const el = form.subTree?.el
    if (!form.exposed || !el?.isConnected || el.offsetParent === null) continue // unmounted or hidden
    const item = form.exposed.getField(e.field)
    if (!item) continue
    item.validateMessage = e.text
    item.validateState = 'error'
    form.exposed.scrollToField(e.field)
    return true
  }
  return false
}
