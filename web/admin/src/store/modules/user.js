import { defineStore } from 'pinia'
import { login, logout, getInfo } from '@/api/login'
import { getToken, setToken, removeToken } from '@/utils/auth'

export const useUserStore = defineStore('user', {
  state: () => ({
    token: getToken(),
    user: null,
    roles: [],
    permissions: []
  }),
  getters: {
    name: (s) => s.user?.userName || '',
    nickName: (s) => s.user?.nickName || s.user?.userName || '',
    userType: (s) => s.user?.userType || '',
    isAdmin: (s) => s.permissions.includes('*:*:*')
  },
  actions: {
    async login(username, password) {
      const res = await login(username.trim(), password)
      setToken(res.data.token)
      this.token = res.data.token
    },
    async getInfo() {
      const res = await getInfo()
      const data = res.data || res
      this.user = data.user || {}
      this.roles = data.roles && data.roles.length ? data.roles : ['ROLE_DEFAULT']
      this.permissions = data.permissions || []
      return data
    },
    async logout() {
      try { await logout() } catch { /* token may already be invalid */ }
      this.resetToken()
    },
    resetToken() {
      removeToken()
      this.token = null
      this.user = null
      this.roles = []
      this.permissions = []
    },
    hasPermi(perms) {
      const list = [].concat(perms || [])
      if (!list.length) return true
      return this.permissions.includes('*:*:*') || list.some(p => this.permissions.includes(p))
    }
  }
})
