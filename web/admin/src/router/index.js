import { createRouter, createWebHistory } from 'vue-router'
import Layout from '@/layout/index.vue'

export const constantRoutes = [
  { path: '/login', name: 'Login', component: () => import('@/views/login.vue'), meta: { hidden: true } },
  {
    path: '/redirect',
    component: Layout,
    meta: { hidden: true },
    children: [{ path: '/redirect/:path(.*)', component: () => import('@/views/redirect.vue'), meta: { hidden: true } }]
  },
  {
    path: '/',
    component: Layout,
    redirect: '/index',
    children: [
      { path: '/index', name: 'Index', component: () => import('@/views/dashboard/index.vue'), meta: { i18nKey: 'menu.home', icon: 'dashboard', affix: true } }
    ]
  },
  {
    // not in the sidebar (that is the server's menu); no `hidden` here: it would hide the profile's tab
    path: '/user',
    component: Layout,
    redirect: '/user/profile',
    children: [
      { path: 'profile', name: 'Profile', component: () => import('@/views/system/user/profile/index.vue'), meta: { i18nKey: 'menu.profile', icon: 'user' } }
    ]
  },
  // public mobile form behind the private-pile QR code (no sign-in; see permission.js whiteList)
  { path: '/m/private-apply', name: 'MobilePrivateApply', component: () => import('@/views/mobile/privateApply.vue'), meta: { hidden: true } },
  { path: '/:pathMatch(.*)*', name: 'NotFound', component: () => import('@/views/error/404.vue'), meta: { hidden: true } }
]

const router = createRouter({
  history: createWebHistory(),
  routes: constantRoutes,
  scrollBehavior: () => ({ top: 0 })
})

export default router
