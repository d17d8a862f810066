// A small reactive dictionary: zh-CN first, English as a toggle (localStorage zc-h5-lang).
import { ref } from 'vue'
import { Locale } from 'vant'
import enUS from 'vant/es/locale/lang/en-US'
import zhCN from 'vant/es/locale/lang/zh-CN'

const messages = {
  'zh-CN': {
    brand: '智充', slogan: '扫码即充 · 安心出行',
    tab: { home: '找电站', scan: '扫码充电', me: '我的' },
    common: { back: '返回', retry: '重试', loading: '加载中…', confirm: '确定', cancel: '取消', empty: '暂无数据', required: '请填写', signInFirst: '请先登录', networkError: '网络异常，请稍后重试', sessionExpired: '登录已过期，请重新登录', yuanPerKwh: '元/度', yuanPerHour: '元/小时', yuanPerHours: '元/{n}小时', yuanPerMinute: '元/分钟', yuanPerMinutes: '元/{n}分钟', kw: 'kW' },
    login: {
      title: '手机号登录', subtitle: '未注册的手机号验证后自动创建账号', phone: '手机号', phonePh: '请输入11位手机号', code: '验证码', codePh: '请输入6位验证码',
      send: '获取验证码', resend: '{n}s 后重发', sent: '验证码已发送', submit: '登录', devFill: '演示环境：重新填入验证码', devFilled: '演示环境：已自动填入验证码',
      agreePrefix: '我已阅读并同意', terms: '《用户服务协议》', and: '和', privacy: '《隐私政策》', agreeFirst: '请先阅读并同意《用户服务协议》和《隐私政策》', welcome: '登录成功'
    },
    home: { car: '汽车', bike: '电单车', search: '搜索电站名称或地址', free: '空闲', total: '共 {n} 个', freeOf: '{free}/{total}', gun: '枪', socket: '插座', noStations: '附近暂无电站', distance: '距您 {d}', locating: '正在定位…', locOff: '未开启定位，按默认顺序显示', notPayable: '暂不支持在线支付', scanHint: '扫描充电桩上的二维码或输入编号开始充电', from: '起', byPower: '按功率档位计费', noPrice: '暂无计费规则', priceNow: '当前价格' },
    spot: { title: '车位', mine: '我的预约', minePill: '我的预约', until: '请在 {time} 前到达，超时自动取消', occupying: '已到达车位', cancel: '取消预约', cancelConfirm: '确定取消该车位预约吗？', cancelled: '已取消预约', reserve: '预约车位', confirm: '预约车位“{name}”？预约保留2小时', reserved: '预约成功', hint: '认证车主可预约空闲车位；到达后地锁自动打开，离开后关闭', states: { free: '空闲', reserved: '已预约', occupied: '占用', disabled: '停用', occupying: '占位中', completed: '已完成', cancelled: '已取消', timed_out: '已超时' } },
    station: { title: '电站详情', hours: '营业时间', phone: '客服电话', address: '地址', piles: '充电桩', devices: '充电设备', tariff: '当前电价', energy: '电费', service: '服务费', unit: '单价', tou: '分时电价', offline: '离线', stopped: '已停用', online: '在线', start: '去充电', navigate: '导航', power: '功率', ac: '交流', dc: '直流', gunN: '{n}号枪', socketN: '{n}号插座', prepay: '预付金额', noTariff: '暂无计费规则', bikeTariff: '计费规则' },
    state: { available: '空闲', idle: '空闲', plugged: '已插枪', charging: '充电中', occupied: '占用', faulted: '故障', fault: '故障', offline: '离线', unavailable: '不可用', finishing: '结束中', reserved: '已预约', preparing: '准备中', suspended: '暂停' },
    scan: { title: '扫码充电', codeLabel: '桩号/枪号', codePh: '输入充电枪、插座或设备编号', submit: '查询', tip: '编号印在充电桩或插座的二维码下方；也可用手机相机扫描二维码直接打开本页面。', recent: '最近使用', cameraTip: '用微信或手机相机扫描二维码' },
    charge: {
      title: '开始充电', pickGun: '请选择充电枪', pickSocket: '请选择插座', amount: '预付金额', plate: '车牌号', noPlate: '不绑定车牌', addPlate: '添加车牌', pay: '支付 {a} 并开始充电', payWith: '支付方式', online: '在线支付', cardLine: '电卡 …{no}（余额 {a}）', startByCard: '用电卡开始充电',
      prepayTip: '充电结束后未用完的预付款将自动原路退回', cannot: '暂不可充电', current: '当前时段', tariff: '收费标准', station: '充电站', maxDuration: '最长充电', autoStop: '满额自动停止', freeMinutes: '免费时长', minutes: '{n}分钟', perUnit: '{p}/{n}分钟', modeName: '计费方式', creating: '正在创建订单…',
      gunLabel: '充电枪', socketLabel: '插座'
    },
    pay: { title: '支付结果', waiting: '正在确认支付结果…', paid: '支付成功，正在启动充电', failed: '支付失败', closed: '支付已关闭', unpaid: '尚未支付', toCashier: '继续支付', home: '返回首页', amount: '支付金额' },
    order: {
      title: '充电详情', live: '实时数据', energy: '已充电量', power: '当前功率', duration: '充电时长', cost: '当前费用', prepaid: '预付金额', soc: '电量', voltage: '电压', current: '电流', remaining: '剩余时长', measuring: '功率检测中', measuringTip: '检测到充电功率1分钟后显示剩余时长', prepaidLeft: '预付余额', prepayUsed: '已用 {p}%',
      stop: '停止充电', stopConfirm: '确定要停止充电吗？停止后未用完的预付款将自动退回。', stopping: '正在停止…', stopSent: '已发送停止指令',
      bill: '账单', charged: '实际消费', refunded: '已退款', refunding: '退款处理中', energyFee: '电费', serviceFee: '服务费', tiers: '分时段明细', endReason: '结束原因', startTime: '开始时间', endTime: '结束时间', orderNo: '订单编号', plate: '车牌', gun: '充电枪', socket: '插座', station: '充电站', device: '设备',
      again: '再充一次', done: '完成', autoRefund: '未用完的预付款 {a} 将原路退回', billing: '计费明细', units: '计费单位', billedDuration: '计费时长'
    },
    orderState: { starting: '启动中', charging: '充电中', stopping: '停止中', completed: '已完成', finished: '已完成', abnormal: '异常结束', suspended: '已挂起' },
    tier: { sharp: '尖', peak: '峰', flat: '平', valley: '谷' },
    orders: { title: '充电订单', car: '汽车', bike: '电单车', empty: '还没有充电记录', kwh: '{k} 度', noMore: '没有更多了' },
    invoice: {
      title: '我的发票', request: '开发票', new: '申请开票', empty: '还没有发票', orders: '选择订单', noOrders: '没有可开票的订单（已完成且有费用）',
      sameStation: '一张发票只能包含同一电站的订单', titleType: '抬头类型', person: '个人', company: '企业', titleLabel: '发票抬头', titlePh: '个人姓名或企业名称',
      taxpayerId: '纳税人识别号', taxpayerPh: '企业必填，15-20位', email: '接收邮箱', emailPh: '电子发票将发送到此邮箱', phone: '手机号', amount: '开票金额',
      submit: '提交申请', submitted: '已提交，开票结果稍后更新', pickOrders: '请选择要开票的订单', titleRequired: '请填写发票抬头', taxpayerRequired: '企业抬头请填写15-20位纳税人识别号',
      emailRequired: '请填写正确的邮箱', pdf: '查看PDF', number: '发票号码', status: { issuing: '开票中', issued: '已开票', failed: '开票失败', voided: '已作废' }, orderCount: '{n}笔订单'
    },
    me: { title: '我的', orders: '充电订单', invoices: '我的发票', plates: '我的车牌', cards: '我的电卡', nickname: '昵称', nicknamePh: '设置一个昵称', language: 'Language / 语言', signOut: '退出登录', signOutConfirm: '确定退出登录吗？', saved: '已保存', notSignedIn: '登录 / 注册', signInTip: '登录后查看订单与车牌', guest: '智充用户', memberSince: '注册于 {d}', help: '客服与帮助', about: '关于智充' },
    plates: { title: '我的车牌', add: '添加车牌', ph: '如 粤B12345 或 粤BD12345', remove: '删除', removeConfirm: '删除车牌 {p}？', empty: '还没有绑定车牌', max: '最多绑定5个车牌', added: '已添加' },
    cards: { title: '我的电卡', balance: '余额（元）', validTo: '有效期至 {d}', noEnd: '长期有效', empty: '还没有电卡，可向物业办理', usable: '可用', charging: '充电中', disabled: '已停用', expired: '已过期', carStations: '汽车电站', bikeStations: '单车电站', ledger: '充值与消费明细', noMore: '没有更多了', kind: { car: '汽车卡', bike: '单车卡', both: '通用卡' }, ledgerKind: { card_issue: '开卡', card_topup: '充值', card_bonus: '充值赠送', card_spend: '充电消费', card_refund: '退款', collective_issue: '集体户发卡' } }
  },
  en: {
    brand: 'ZhiCharge', slogan: 'Scan, charge, go',
    tab: { home: 'Stations', scan: 'Scan', me: 'Me' },
    common: { back: 'Back', retry: 'Retry', loading: 'Loading…', confirm: 'OK', cancel: 'Cancel', empty: 'Nothing here', required: 'Required', signInFirst: 'Please sign in', networkError: 'Network error, please retry', sessionExpired: 'Session expired, please sign in again', yuanPerKwh: 'CNY/kWh', yuanPerHour: 'CNY/h', yuanPerHours: 'CNY/{n} h', yuanPerMinute: 'CNY/min', yuanPerMinutes: 'CNY/{n} min', kw: 'kW' },
    login: {
      title: 'Sign in with phone', subtitle: 'A new number gets an account after verification', phone: 'Phone', phonePh: '11-digit mobile number', code: 'Code', codePh: '6-digit code',
      send: 'Get code', resend: 'Resend in {n}s', sent: 'Code sent', submit: 'Sign in', devFill: 'Demo: fill in the code again', devFilled: 'Demo: the code was filled in',
      agreePrefix: 'I have read and accept the', terms: 'Terms of Service', and: '\u00a0and the\u00a0', privacy: 'Privacy Policy', agreeFirst: 'Please read and accept the Terms of Service and the Privacy Policy first', welcome: 'Signed in'
    },
    home: { car: 'Car', bike: 'E-bike', search: 'Search station name or address', free: 'free', total: '{n} total', freeOf: '{free}/{total}', gun: 'guns', socket: 'sockets', noStations: 'No stations nearby', distance: '{d} away', locating: 'Locating…', locOff: 'Location off, default order', notPayable: 'No online payment', scanHint: 'Scan the QR code on the charger or enter its number', from: ' from', byPower: 'priced by power band', noPrice: 'No tariff yet', priceNow: 'Price now' },
    spot: { title: 'Parking spots', mine: 'My reservation', minePill: 'Mine', until: 'Arrive by {time}, else it is cancelled', occupying: 'Arrived', cancel: 'Cancel reservation', cancelConfirm: 'Cancel this reservation?', cancelled: 'Reservation cancelled', reserve: 'Reserve spot', confirm: 'Reserve spot "{name}"? It is held for 2 hours', reserved: 'Reserved', hint: 'Verified car owners can reserve a free spot; the lock opens when you arrive and closes when you leave', states: { free: 'Free', reserved: 'Reserved', occupied: 'Occupied', disabled: 'Disabled', occupying: 'Occupying', completed: 'Completed', cancelled: 'Cancelled', timed_out: 'Timed out' } },
    station: { title: 'Station', hours: 'Opening hours', phone: 'Phone', address: 'Address', piles: 'Chargers', devices: 'Devices', tariff: 'Current price', energy: 'Energy', service: 'Service', unit: 'Unit price', tou: 'Time-of-use prices', offline: 'Offline', stopped: 'Disabled', online: 'Online', start: 'Charge', navigate: 'Navigate', power: 'Power', ac: 'AC', dc: 'DC', gunN: 'Gun {n}', socketN: 'Socket {n}', prepay: 'Prepay', noTariff: 'No tariff', bikeTariff: 'Tariff' },
    state: { available: 'Free', idle: 'Free', plugged: 'Plugged', charging: 'Charging', occupied: 'Busy', faulted: 'Fault', fault: 'Fault', offline: 'Offline', unavailable: 'Unavailable', finishing: 'Finishing', reserved: 'Reserved', preparing: 'Preparing', suspended: 'Suspended' },
    scan: { title: 'Scan to charge', codeLabel: 'Code', codePh: 'Gun, socket or device number', submit: 'Look up', tip: 'The number is printed below the QR code on the charger; your phone camera can also open this page from the QR code.', recent: 'Recent', cameraTip: 'Scan the QR code with your camera' },
    charge: {
      title: 'Start charging', pickGun: 'Choose a gun', pickSocket: 'Choose a socket', amount: 'Prepay', plate: 'Plate', noPlate: 'No plate', addPlate: 'Add plate', pay: 'Pay {a} and charge', payWith: 'Pay with', online: 'Pay online', cardLine: 'Card …{no} (balance {a})', startByCard: 'Start with the card',
      prepayTip: 'Unused prepay is refunded automatically when charging ends', cannot: 'Cannot charge now', current: 'Now', tariff: 'Prices', station: 'Station', maxDuration: 'Max duration', autoStop: 'Auto stop at', freeMinutes: 'Free time', minutes: '{n} min', perUnit: '{p} per {n} min', modeName: 'Billing', creating: 'Creating order…',
      gunLabel: 'Gun', socketLabel: 'Socket'
    },
    pay: { title: 'Payment', waiting: 'Confirming payment…', paid: 'Paid, starting the charger', failed: 'Payment failed', closed: 'Payment closed', unpaid: 'Not paid yet', toCashier: 'Continue to pay', home: 'Home', amount: 'Amount' },
    order: {
      title: 'Charging', live: 'Live', energy: 'Energy', power: 'Power', duration: 'Duration', cost: 'Cost so far', prepaid: 'Prepaid', soc: 'SoC', voltage: 'Voltage', current: 'Current', remaining: 'Remaining', measuring: 'Measuring power', measuringTip: 'The remaining time shows after a minute of measured power', prepaidLeft: 'Prepay left', prepayUsed: '{p}% used',
      stop: 'Stop charging', stopConfirm: 'Stop charging now? Unused prepay is refunded automatically.', stopping: 'Stopping…', stopSent: 'Stop requested',
      bill: 'Bill', charged: 'Charged', refunded: 'Refunded', refunding: 'Refund in progress', energyFee: 'Energy fee', serviceFee: 'Service fee', tiers: 'By period', endReason: 'End reason', startTime: 'Started', endTime: 'Ended', orderNo: 'Order No.', plate: 'Plate', gun: 'Gun', socket: 'Socket', station: 'Station', device: 'Device',
      again: 'Charge again', done: 'Done', autoRefund: 'Unused prepay {a} will be refunded', billing: 'Billing', units: 'Units', billedDuration: 'Billed time'
    },
    orderState: { starting: 'Starting', charging: 'Charging', stopping: 'Stopping', completed: 'Completed', finished: 'Completed', abnormal: 'Ended abnormally', suspended: 'Suspended' },
    tier: { sharp: 'Super-peak', peak: 'Peak', flat: 'Flat', valley: 'Valley' },
    orders: { title: 'Orders', car: 'Car', bike: 'E-bike', empty: 'No charging yet', kwh: '{k} kWh', noMore: 'No more' },
    invoice: {
      title: 'My invoices', request: 'Get an invoice', new: 'Request an invoice', empty: 'No invoices yet', orders: 'Choose orders', noOrders: 'No orders to invoice (completed, with a fee)',
      sameStation: 'One invoice covers orders of one station', titleType: 'Title type', person: 'Individual', company: 'Company', titleLabel: 'Invoice title', titlePh: 'Your name or the company name',
      taxpayerId: 'Taxpayer ID', taxpayerPh: 'Required for companies, 15–20 characters', email: 'Email', emailPh: 'The e-invoice is sent here', phone: 'Phone', amount: 'Amount',
      submit: 'Submit', submitted: 'Submitted; the result follows shortly', pickOrders: 'Choose the orders to invoice', titleRequired: 'Enter the invoice title', taxpayerRequired: 'A company needs its 15–20 character taxpayer ID',
      emailRequired: 'Enter a valid email', pdf: 'View PDF', number: 'Invoice number', status: { issuing: 'Issuing', issued: 'Issued', failed: 'Failed', voided: 'Voided' }, orderCount: '{n} order(s)'
    },
    me: { title: 'Me', invoices: 'My invoices', orders: 'Orders', plates: 'My plates', cards: 'My cards', nickname: 'Nickname', nicknamePh: 'Set a nickname', language: 'Language / 语言', signOut: 'Sign out', signOutConfirm: 'Sign out now?', saved: 'Saved', notSignedIn: 'Sign in / up', signInTip: 'Sign in to see orders and plates', guest: 'Driver', memberSince: 'Member since {d}', help: 'Help', about: 'About' },
    plates: { title: 'My plates', add: 'Add plate', ph: 'e.g. 粤B12345 or 粤BD12345', remove: 'Remove', removeConfirm: 'Remove plate {p}?', empty: 'No plates yet', max: 'Up to 5 plates', added: 'Added' },
    cards: { title: 'My cards', balance: 'Balance (CNY)', validTo: 'Valid until {d}', noEnd: 'No expiry', empty: 'No cards yet: ask your property office', usable: 'Usable', charging: 'Charging', disabled: 'Disabled', expired: 'Expired', carStations: 'Car stations', bikeStations: 'E-bike stations', ledger: 'Top-ups and spending', noMore: 'No more', kind: { car: 'Car card', bike: 'E-bike card', both: 'All-purpose card' }, ledgerKind: { card_issue: 'Card issued', card_topup: 'Top-up', card_bonus: 'Top-up bonus', card_spend: 'Charging', card_refund: 'Refund', collective_issue: 'Issued by company' } }
  }
}

export const locale = ref(localStorage.getItem('zc-h5-lang') === 'en' ? 'en' : 'zh-CN')

function apply() {
  Locale.use(locale.value, locale.value === 'en' ? enUS : zhCN)
  document.documentElement.lang = locale.value
}
apply()

export function setLocale(l) {
  locale.value = l === 'en' ? 'en' : 'zh-CN'
  localStorage.setItem('zc-h5-lang', locale.value)
  apply()
}

export function t(key, params) {
  const pick = (lang) => key.split('.').reduce((o, k) => (o == null ? o : o[k]), messages[lang])
  let s = pick(locale.value) ?? pick('zh-CN') ?? key
  if (params) s = s.replace(/\{(\w+)\}/g, (_, k) => (params[k] ?? ''))
  return s
}
