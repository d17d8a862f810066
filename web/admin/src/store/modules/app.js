import { defineStore } from 'pinia'
import { setLocale } from '@/locales'
import i18n from '@/locales'

const COLLAPSE_KEY = 'zc-sidebar-collapsed'

export const useAppStore = defineStore('app', {
  state: () => ({
    collapsed: localStorage.getItem(COLLAPSE_KEY) === '1',
    language: i18n.global.locale.value
  }),
  actions: {
    toggleSidebar() {
      this.collapsed = !this.collapsed
      localStorage.setItem(COLLAPSE_KEY, this.collapsed ? '1' : '0')
    },
    setLanguage(lang) {
      this.language = lang
      setLocale(lang)
    }
  }
})
