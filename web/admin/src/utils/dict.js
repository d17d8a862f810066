import { t } from '@/locales'

// value lists and tag colours of the enumerations in the API contract
const DICTS = {
  status: { values: [0, 1], tags: { 0: 'success', 1: 'danger' } },
  auditStatus: { values: [0, 1, 2], tags: { 0: 'warning', 1: 'success', 2: 'danger' } },
  merchantType: { values: [1, 2], tags: { 1: 'primary', 2: 'info' } },
  userType: { values: ['system', 'provider', 'property', 'collective'], tags: { system: 'danger', provider: 'primary', property: 'success', collective: 'warning' } },
  loginStatus: { values: [0, 1], tags: { 0: 'success', 1: 'danger' } },
  operStatus: { values: [0, 1], tags: { 0: 'success', 1: 'danger' } },
  businessType: { values: [1, 2, 3, 4, 5, 6, 7], tags: { 1: 'primary', 2: 'info', 3: 'danger', 4: 'warning', 5: 'success', 6: 'primary', 7: 'info' } },
  stationType: { values: ['car', 'bike'], tags: {} }
}

export function dictOptions(name) {
  const d = DICTS[name]
  return d.values.map(v => ({ value: v, label: t(`dict.${name}.${v}`), type: d.tags[v] || 'info' }))
}

export function dictLabel(name, value) {
  if (value === null || value === undefined || value === '') return ''
  const d = DICTS[name]
  return d && d.values.includes(value) ? t(`dict.${name}.${value}`) : String(value)
}

export function dictTag(name, value) {
  return DICTS[name]?.tags[value] || 'info'
}
