import { ElMessage } from 'element-plus'
import { t } from '@/locales'

const pad = (n) => String(n).padStart(2, '0')

/** Format epoch ms (or Date) as YYYY-MM-DD HH:mm:ss in local time; '' for empty. */
export function parseTime(value, pattern = '{y}-{m}-{d} {h}:{i}:{s}') {
  if (value === null || value === undefined || value === '' || value === 0) return ''
  const d = value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value)
  if (isNaN(d.getTime())) return ''
  const map = { y: d.getFullYear(), m: pad(d.getMonth() + 1), d: pad(d.getDate()), h: pad(d.getHours()), i: pad(d.getMinutes()), s: pad(d.getSeconds()) }
  return pattern.replace(/{([ymdhis])}/g, (_, k) => map[k])
}

/** Add beginTime/endTime (epoch ms, end = end of that day) from a [Date, Date] range. */
export function addDateRange(params, range) {
  const out = { ...params }
  delete out.beginTime
  delete out.endTime
  if (Array.isArray(range) && range.length === 2 && range[0] && range[1]) {
    const b = new Date(range[0]); b.setHours(0, 0, 0, 0)
    const e = new Date(range[1]); e.setHours(23, 59, 59, 999)
    out.beginTime = b.getTime()
    out.endTime = e.getTime()
  }
  return out
}

/** Build a tree from flat rows by id/parentId. */
export function handleTree(rows, id = 'id', parentId = 'parentId', children = 'children') {
  const nodes = new Map()
  const list = (rows || []).map(r => ({ ...r }))
  list.forEach(r => nodes.set(r[id], r))
  const tree = []
  for (const r of list) {
    const parent = nodes.get(r[parentId])
    if (parent && parent !== r) {
      (parent[children] ||= []).push(r)
    } else {
      tree.push(r)
    }
  }
  return tree
}

export async function copyText(text) {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
    } else {
      const ta = document.createElement('textarea')
      ta.value = text
      ta.setAttribute('readonly', '')
      ta.style.position = 'fixed'
      ta.style.opacity = '0'
      document.body.appendChild(ta)
      ta.select()
      const ok = document.execCommand('copy')
      document.body.removeChild(ta)
      if (!ok) throw new Error('copy')
    }
    ElMessage.success(t('common.copied'))
  } catch {
    ElMessage.warning(t('common.copyFailed'))
  }
}

/** Reset an object to a fresh copy of defaults (keeps reactivity). */
export function resetObject(target, defaults) {
  Object.keys(target).forEach(k => delete target[k])
  Object.assign(target, JSON.parse(JSON.stringify(defaults)))
}
