import {
  Odometer, Van, Bicycle, Tickets, Avatar, DataAnalysis, Setting, User, UserFilled, Share, Postcard,
  Document, Shop, OfficeBuilding, House, Key, Monitor, Lock, Menu as MenuIcon, Location, Camera,
  Lightning, Connection, Money, CreditCard, Wallet, Histogram, PieChart, TrendCharts, Phone, Warning,
  Switch, Tools, List, Files, Coin, Calendar, Reading, Notebook, Stamp, Ticket, Place, MapLocation,
  Cpu, Platform, Operation, Grid, Goods, Present, Medal, Star, ChatDotRound, Picture, Timer, EditPen
} from '@element-plus/icons-vue'

// menu meta.icon (RuoYi-style names and our own) → Element Plus icon
const MAP = {
  dashboard: Odometer, home: Odometer, index: Odometer,
  car: Van, bike: Bicycle, bicycle: Bicycle, order: Tickets, orders: Tickets, member: Avatar, members: Avatar,
  stat: DataAnalysis, stats: DataAnalysis, chart: TrendCharts, statistics: DataAnalysis, system: Setting,
  user: User, peoples: UserFilled, role: UserFilled, tree: Share, 'tree-table': Share, dept: Share,
  post: Postcard, log: Document, logininfor: Key, operlog: Document, form: Document, provider: Shop,
  shop: Shop, property: OfficeBuilding, product: Goods, building: OfficeBuilding, house: House, monitor: Monitor,
  lock: Lock, menu: MenuIcon, location: Location, station: Location, area: MapLocation, camera: Camera,
  pile: Lightning, charger: Lightning, lightning: Lightning, gun: Connection, connector: Connection,
  tariff: Money, price: Money, money: Money, card: CreditCard, wallet: Wallet, pay: Wallet, payment: Wallet,
  histogram: Histogram, pie: PieChart, phone: Phone, call: Phone, fault: Warning, bug: Warning,
  switch: Switch, tool: Tools, tools: Tools, list: List, files: Files, coin: Coin, split: Coin,
  calendar: Calendar, reservation: Calendar, reading: Reading, notebook: Notebook, invoice: Stamp,
  ticket: Ticket, refund: Ticket, place: Place, parking: Place, spot: Place, cpu: Cpu, device: Cpu,
  socket: Connection, platform: Platform, operation: Operation, grid: Grid, goods: Goods, present: Present,
  medal: Medal, whitelist: Star, star: Star, chat: ChatDotRound, picture: Picture, capture: Picture,
  online: Timer, timer: Timer, edit: EditPen, owner: User, collective: OfficeBuilding
}

const ALL = {
  Odometer, Van, Bicycle, Tickets, Avatar, DataAnalysis, Setting, User, UserFilled, Share, Postcard,
  Document, Shop, OfficeBuilding, House, Key, Monitor, Lock, Location, Camera, Lightning, Connection,
  Money, CreditCard, Wallet, Histogram, PieChart, TrendCharts, Phone, Warning, Switch, Tools, List, Files,
  Coin, Calendar, Reading, Notebook, Stamp, Ticket, Place, MapLocation, Cpu, Platform, Operation, Grid,
  Goods, Present, Medal, Star, ChatDotRound, Picture, Timer, EditPen
}

/** Icon for a menu leaf without its own icon, from the last path segment (null if none fits). */
export function pathIcon(path) {
  const seg = String(path || '').split('/').filter(Boolean).pop()
  return (seg && MAP[seg.toLowerCase()]) || null
}

export function menuIcon(name) {
  if (!name || name === '#') return null
  const key = String(name)
  if (MAP[key.toLowerCase()]) return MAP[key.toLowerCase()]
  const pascal = key.replace(/(^|[-_ ])(\w)/g, (_, __, c) => c.toUpperCase())
  return ALL[pascal] || Grid
}
