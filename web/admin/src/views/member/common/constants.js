// Button permissions of the member-center pages (docs/api-member.md, migration 0019).
const perms = (res, actions) => Object.fromEntries(actions.map(a => [a, `member:${res}:${a}`]))
export const PERMS = {
  product: perms('product', ['list', 'query', 'add', 'edit', 'status']),
  card: perms('card', ['list', 'query', 'issue', 'edit', 'status', 'topup']),
  member: perms('member', ['list', 'query', 'edit']),
  owner: perms('owner', ['list', 'query', 'add', 'edit', 'verify', 'status']),
  collective: perms('collective', ['list', 'query', 'add', 'edit', 'status', 'lock', 'topup'])
}

/** Plate numbers of mainland China (new-energy plates have 6 characters after the province). */
export const PLATE_RE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/
export const CARD_NO_RE = /^\d{6,16}$/
export const PHYSICAL_NO_RE = /^(?:[0-9A-Fa-f]{8}|[0-9A-Fa-f]{14}|[0-9A-Fa-f]{16})$/
