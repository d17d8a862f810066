import { defineStore } from 'pinia'
import { markRaw } from 'vue'
import { getRouters } from '@/api/login'
import Layout from '@/layout/index.vue'
import ParentView from '@/layout/ParentView.vue'
import Placeholder from '@/views/placeholder.vue'

const viewModules = import.meta.glob(['../../views/**/*.vue', '!../../views/placeholder.vue', '!../../views/login.vue', '!../../views/redirect.vue', '!../../views/error/**'])

/** Map a menu `component` such as `system/user/index` to its lazy view, or null. */
export function loadView(component) {
  if (!component) return null
  const clean = component.replace(/^\/+/, '').replace(/\.vue$/, '')
  return viewModules[`../../views/${clean}.vue`] || null
}

function joinPath(base, path) {
  if (!path) return base || '/'
  if (path.startsWith('/') || /^https?:/.test(path)) return path
  return ((base || '').replace(/\/+$/, '') + '/' + path).replace(/\/+/g, '/')
}

const isExternal = (p) => /^(https?:|mailto:|tel:)/.test(p || '')

/** Annotate the menu tree with fullPath; returns a new tree. */
function annotate(items, base = '') {
  return (items || []).map(item => {
    const fullPath = isExternal(item.meta?.link) ? item.meta.link : joinPath(base, item.path)
    return { ...item, meta: { ...(item.meta || {}) }, fullPath, children: item.children?.length ? annotate(item.children, fullPath) : undefined }
  })
}

const removers = []

const routeName = (fullPath) => 'M' + fullPath.replace(/[^A-Za-z0-9]+/g, '_')

const STATIC_PATHS = ['/index', '/user/profile']

function firstLeaf(item) {
  const kids = (item.children || []).filter(c => !c.hidden && !isExternal(c.meta?.link))
  if (!kids.length) return item.fullPath
  return firstLeaf(kids[0])
}
const redirectOf = (item) => (item.redirect && item.redirect !== 'noRedirect' ? item.redirect : firstLeaf(item))

function toRoute(item) {
  const meta = { ...item.meta, menu: true }
  if (item.children && item.children.length) {
    return {
      path: item.path,
      component: ParentView,
      redirect: redirectOf(item),
      meta,
      children: childRoutes(item.children)
    }
  }
  const loader = loadView(item.component)
  meta.placeholder = !loader
  return { path: item.path, name: routeName(item.fullPath), component: loader || Placeholder, meta }
}

function childRoutes(children) {
  return children.filter(c => !isExternal(c.meta?.link) && !STATIC_PATHS.includes(c.fullPath)).map(toRoute)
}

export const usePermissionStore = defineStore('permission', {
  state: () => ({ menus: [], loaded: false }),
  actions: {
    /** Forget the menus and remove the routes that were added from them. */
    reset() {
      removers.splice(0).forEach(remove => remove())
      this.menus = []
      this.loaded = false
    },
    addRoutes(router, routes) {
      routes.forEach(r => removers.push(router.addRoute(r)))
    },
    /** Fetch /getRouters and return vue-router records to add. */
    async generateRoutes() {
      const res = await getRouters()
      const menus = annotate(res.data || [])
      const routes = []
      for (const item of menus) {
        if (isExternal(item.meta?.link)) continue
        if (item.children && item.children.length) {
          const children = childRoutes(item.children)
          if (!children.length) continue
          routes.push({
            path: item.fullPath,
            component: Layout,
            redirect: redirectOf(item),
            meta: { ...item.meta, menu: true },
            children
          })
        } else if (!STATIC_PATHS.includes(item.fullPath)) {
          // a top-level leaf: render it inside the layout
          const loader = loadView(item.component)
          routes.push({
            path: item.fullPath,
            component: Layout,
            children: [{ path: '', name: routeName(item.fullPath), component: loader || Placeholder, meta: { ...item.meta, menu: true, placeholder: !loader } }]
          })
        }
      }
      this.menus = markRaw(menus)
      this.loaded = true
      return routes
    }
  }
})
