import router from './router'
import { useUserStore } from '@/store/modules/user'
import { usePermissionStore, loadView } from '@/store/modules/permission'
import { getToken } from '@/utils/auth'
import { clearSession } from '@/utils/session'

const whiteList = ['/login', '/m/private-apply']

router.beforeEach(async (to) => {
  if (!getToken()) {
    if (whiteList.includes(to.path)) return true
    return { path: '/login', query: to.fullPath && to.fullPath !== '/' && to.fullPath !== '/index' ? { redirect: to.fullPath } : {} }
  }
  if (to.path === '/login') return { path: '/' }
  const userStore = useUserStore()
  const permissionStore = usePermissionStore()
  if (permissionStore.loaded) return true
  try {
    // no waterfall: the user, the menu and the page's own view (menus name views `<path>/index`) load at once
    loadView(to.path.replace(/^\/+/, '') + '/index')?.().catch(() => {})
    const [, routes] = await Promise.all([userStore.getInfo(), permissionStore.generateRoutes()])
    permissionStore.addRoutes(router, routes)
    // re-resolve now that the dynamic routes exist
    return { path: to.path, query: to.query, hash: to.hash, replace: true }
  } catch (e) {
    // 401 is handled by the request layer; anything else: sign out and retry login
    if (e && e.code !== 401) {
      await userStore.logout()
      clearSession()
      return { path: '/login', query: { redirect: to.fullPath } }
    }
    return false
  }
})
