import { computed } from 'vue'
import { t } from '@/locales'

// Every enumeration the admin shows (docs/api-*.md): value → tag colour, in display order.
// Labels live in locales/modules/dict.*.js under dict.<name>.<value>.
const DICTS = {
  // system
  status: { 0: 'success', 1: 'danger' },
  auditStatus: { 0: 'warning', 1: 'success', 2: 'danger' },
  merchantType: { 1: 'primary', 2: 'info' },
  userType: { system: 'danger', provider: 'primary', property: 'success', collective: 'warning' },
  loginStatus: { 0: 'success', 1: 'danger' },
  operStatus: { 0: 'success', 1: 'danger' },
  businessType: { 1: 'primary', 2: 'info', 3: 'danger', 4: 'warning', 5: 'success', 6: 'primary', 7: 'info' },
  stationType: { car: '', bike: '' },
  // stations and devices (car and e-bike)
  operationType: { 1: 'primary', 2: 'warning', 3: 'info' },
  online: { true: 'success', false: 'info' },
  isDefault: { true: 'primary', false: 'info' },
  lockType: { 0: 'info', 1: 'primary', 2: 'success' },
  lockState: { unknown: 'info', open: 'warning', closed: 'success', moving: 'primary' },
  reservationState: { reserved: 'warning', occupying: 'primary', completed: 'success', cancelled: 'info', timed_out: 'danger' },
  currentType: { AC: 'success', DC: 'primary' },
  chargingType: { 1: '', 2: '', 3: '', 4: '' },
  speed: { 1: 'info', 2: 'primary', 3: 'danger' },
  installMethod: { 1: '', 2: '' },
  protectionClass: { IP54: '', IP55: '', IP65: '', IP67: '' },
  commMethod: { 1: '', 2: '', 3: '' },
  carProtocol: { ykc: '', ocpp16: '' },
  gunState: { offline: 'info', idle: 'success', plugged: 'warning', charging: 'primary', fault: 'danger' },
  carTariffMode: { unified: 'primary', tou: 'success' },
  tier: { sharp: 'danger', peak: 'warning', flat: 'primary', valley: 'success', deep_valley: 'info' },
  applyStatus: { 0: 'warning', 1: 'success', 2: 'danger' },
  bikeDeviceType: { 1: 'info', 2: 'primary', 3: 'success', 4: 'warning', 5: 'info' },
  bikeProtocol: { ocpp16: '', vendor: '' },
  socketState: { idle: 'success', charging: 'primary', offline: 'info', fault: 'danger' },
  bikeTariffMode: { A: 'primary', B: 'success', C: 'warning', D: 'danger', E: 'info' },
  cap: { autoStopAmount: 'warning', prepaid: 'warning' },
  // orders and payments
  carOrderStatus: { starting: 'warning', charging: 'primary', stopping: 'warning', completed: 'success', abnormal: 'danger', suspended: 'info' },
  bikeOrderStatus: { charging: 'primary', finished: 'success', suspended: 'info', abnormal: 'danger' },
  startMethod: { app: 'primary', card: 'success', offline_card: 'warning', admin: 'info' },
  orderType: { car: 'primary', bike: 'success' },
  payType: { wechat: 'success', leshua: 'primary', suixingpay: 'warning' },
  payChannel: { wechat: 'success', leshua: 'primary', suixingpay: 'warning', sandbox: 'info' },
  payStatus: { unpaid: 'warning', paid: 'success', failed: 'danger', closed: 'info' },
  refundType: { prepay_return: 'info', fee_refund: 'warning' },
  refundStatus: { pending: 'warning', succeeded: 'success', failed: 'danger' },
  invoiceStatus: { issuing: 'warning', issued: 'success', failed: 'danger', voided: 'info' },
  invoiceTitleType: { person: 'info', company: 'primary' },
  invoiceSource: { app: 'success', admin: 'primary' },
  splitStatus: { pending: 'info', processing: 'warning', succeeded: 'success', failed: 'danger', returned: 'info' },
  splitReceiverType: { merchant: 'primary', personal: 'success' },
  splitReturnStatus: { processing: 'warning', succeeded: 'success', failed: 'danger' },
  splitReturnReason: { revoke: 'warning', refund: 'info' },
  refundResult: { SUCCESS: 'success', PROCESSING: 'warning', CLOSED: 'info', ABNORMAL: 'danger', FAIL: 'danger', FAILED: 'danger' },
  ledgerKind: { payment: 'success', capture: 'primary', refund_request: 'warning', refund: 'info', refund_failed: 'danger', card_spend: 'primary', card_refund: 'info', split_request: 'warning', split: 'primary', split_return_request: 'warning', split_return: 'info', split_return_failed: 'danger' },
  deviceType: { car_pile: 'primary', bike_device: 'success' },
  recordStatus: { active: 'primary', stopped: 'info' },
  recordMethod: { app: 'primary', card: 'success', vin: 'success', offline_card: 'warning', ocpp: 'info', unknown: 'info' },
  reconcile: { open: 'warning', reviewed: 'success' },
  // statistics
  faultState: { open: 'danger', repairing: 'warning', solved: 'success' },
  faultSource: { manual: 'info', device: 'primary' },
  // member center (docs/api-member.md)
  productType: { car: 'primary', bike: 'success', both: 'warning' },
  issueType: { personal: 'primary', collective: 'warning' },
  locked: { 0: 'success', 1: 'danger' },
  gender: { male: '', female: '' },
  verified: { 0: 'info', 1: 'success' },
  ownerSource: { app: 'primary', operator: 'info' },
  cardLedgerKind: { card_issue: 'primary', card_topup: 'success', card_bonus: 'warning', card_spend: 'danger', card_refund: 'info', collective_topup: 'success', collective_issue: 'primary' }
}

const empty = (v) => v === null || v === undefined || v === ''
// Object keys are strings; the wire has numbers and booleans too.
const known = (name, value) => !!DICTS[name] && Object.prototype.hasOwnProperty.call(DICTS[name], String(value))
const NUMERIC = new Set(Object.keys(DICTS).filter(n => Object.keys(DICTS[n]).every(k => /^\d+$/.test(k))))
const typed = (name, key) => (NUMERIC.has(name) ? Number(key) : key === 'true' ? true : key === 'false' ? false : key)

// One computed option list per dictionary for the whole session (it follows the language).
const cache = new Map()
function optionsRef(name) {
  if (!cache.has(name)) {
    cache.set(name, computed(() => Object.keys(DICTS[name] || {}).map(k => ({ value: typed(name, k), label: t(`dict.${name}.${k}`), type: DICTS[name][k] || 'info' }))))
  }
  return cache.get(name)
}

/** The options of a dictionary: [{value, label, type}] in the current language. */
export const dictOptions = (name) => optionsRef(name).value

/** The label of a value; an unknown value shows as itself, an empty one as ''. */
export function dictLabel(name, value) {
  if (empty(value)) return ''
  return known(name, value) ? t(`dict.${name}.${value}`) : String(value)
}

/** The el-tag type of a value. */
export function dictTag(name, value) {
  return (known(name, value) && DICTS[name][String(value)]) || 'info'
}

/** {label, type} of a value (a DetailDrawer item's `tag`); label '' when empty. */
export function resolveTag(name, value) {
  return empty(value) ? { label: '' } : { label: dictLabel(name, value), type: dictTag(name, value) }
}

/**
 * RuoYi-style `const { status, gunState } = useDict('status', 'gunState')`: each is a ref of
 * [{value, label, type}] for el-option lists and `<dict-tag :options>`.
 */
export function useDict(...names) {
  return Object.fromEntries(names.map(name => [name, optionsRef(name)]))
}
