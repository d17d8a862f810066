import { createRouter, createWebHistory } from 'vue-router'
import { getToken } from './api'

const routes = [
  { path: '/', name: 'home', component: () => import('./views/Home.vue'), meta: { tab: 'home' } },
  { path: '/station/:type(car|bike)/:id(\\d+)', name: 'station', component: () => import('./views/Station.vue') },
  { path: '/scan', name: 'scan', component: () => import('./views/Scan.vue'), meta: { tab: 'scan', auth: true } },
  // the page a printed QR code lands on (/app/gun|pile|socket|device/{code} → /h5/charge/{code}, main.js)
  { path: '/charge/:code', name: 'charge', component: () => import('./views/Charge.vue'), meta: { auth: true } },
  { path: '/pay/:payNo', name: 'pay', component: () => import('./views/Pay.vue'), meta: { auth: true } },
  { path: '/order/:type(car|bike)/:orderNo', name: 'order', component: () => import('./views/Order.vue'), meta: { auth: true } },
  { path: '/orders', name: 'orders', component: () => import('./views/Orders.vue'), meta: { auth: true } },
  { path: '/me', name: 'me', component: () => import('./views/Me.vue'), meta: { tab: 'me' } },
  { path: '/plates', name: 'plates', component: () => import('./views/Plates.vue'), meta: { auth: true } },
  { path: '/invoices', name: 'invoices', component: () => import('./views/Invoices.vue'), meta: { auth: true } },
  { path: '/invoice/new', name: 'invoice-new', component: () => import('./views/InvoiceNew.vue'), meta: { auth: true } },
  { path: '/cards', name: 'cards', component: () => import('./views/Cards.vue'), meta: { auth: true } },
  { path: '/login', name: 'login', component: () => import('./views/Login.vue') },
  { path: '/:rest(.*)*', redirect: '/' }
]

const router = createRouter({
  history: createWebHistory('/h5/'),
  routes,
  scrollBehavior: (to, from, saved) => saved || { top: 0 }
})

router.beforeEach((to) => {
  if (to.meta.auth && !getToken()) return { path: '/login', query: { redirect: to.fullPath } }
})

export default router
