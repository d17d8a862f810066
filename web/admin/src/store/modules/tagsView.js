import { defineStore } from 'pinia'

export const useTagsViewStore = defineStore('tagsView', {
  state: () => ({ visitedViews: [] }),
  actions: {
    addView(route) {
      if (!route.meta || route.meta.hidden || route.path.startsWith('/redirect')) return
      const existing = this.visitedViews.find(v => v.path === route.path)
      if (existing) {
        existing.fullPath = route.fullPath
        existing.query = route.query
        return
      }
      const view = { path: route.path, fullPath: route.fullPath, query: route.query, meta: { ...route.meta } }
      if (route.meta.affix) this.visitedViews.unshift(view)
      else this.visitedViews.push(view)
    },
    delView(view) {
      const i = this.visitedViews.findIndex(v => v.path === view.path)
      if (i > -1 && !this.visitedViews[i].meta.affix) this.visitedViews.splice(i, 1)
    },
    delOthers(view) {
      this.visitedViews = this.visitedViews.filter(v => v.meta.affix || v.path === view.path)
    },
    delLeft(view) {
      const i = this.visitedViews.findIndex(v => v.path === view.path)
      this.visitedViews = this.visitedViews.filter((v, idx) => v.meta.affix || idx >= i)
    },
    delRight(view) {
      const i = this.visitedViews.findIndex(v => v.path === view.path)
      this.visitedViews = this.visitedViews.filter((v, idx) => v.meta.affix || idx <= i)
    },
    delAll() {
      this.visitedViews = this.visitedViews.filter(v => v.meta.affix)
    }
  }
})
