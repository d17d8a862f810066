import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'

// API paths served by the C++ server (same origin in production, no prefix).
// In dev, browser navigations (Accept: text/html) to the same paths are SPA routes.
const apiPaths = ['/login', '/logout', '/getInfo', '/getRouters', '/system', '/monitor',
  '/car', '/bike', '/order', '/member', '/stat', '/dashboard', '/common', '/export', '/public', '/health']
const target = process.env.ZHICHONG_API || 'http://127.0.0.1:8080'

const proxy = Object.fromEntries(apiPaths.map(p => [p, {
  target,
  changeOrigin: true,
  bypass(req) {
    if (req.method === 'GET' && (req.headers.accept || '').includes('text/html')) return '/index.html'
  }
}]))

export default defineConfig({
  plugins: [vue()],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false
  },
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { host: '127.0.0.1', port: 5173, proxy },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return
          if (id.includes('element-plus') || id.includes('@element-plus')) return 'element-plus'
          if (id.includes('echarts') || id.includes('zrender')) return 'echarts'
          if (id.includes('vue-i18n') || id.includes('@intlify')) return 'vue-i18n'
          return 'vendor'
        }
      }
    }
  }
})
