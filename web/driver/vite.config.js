import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath, URL } from 'node:url'

// The driver H5 app, served by the C++ server under /h5/ (docs/driver-web.md). In dev, /app and /sandbox
// go to the server (ZHICHONG_API); a browser navigation to a QR path (/app/gun/…) is the app itself.
const target = process.env.ZHICHONG_API || 'http://127.0.0.1:8080'
const proxy = Object.fromEntries(['/app', '/sandbox'].map((p) => [p, {
  target,
  changeOrigin: true,
  bypass(req) {
    if (req.method === 'GET' && (req.headers.accept || '').includes('text/html') && /^\/app\/(gun|pile|socket|device)\//.test(req.url)) return '/h5/index.html'
  }
}]))

// Vant's icon font names a CDN copy after the embedded one: the app loads nothing from other sites (the
// server's Content-Security-Policy allows fonts from itself and data: URLs only), so that fallback goes.
const vantFontWithoutCdn = {
  name: 'vant-font-without-cdn',
  enforce: 'pre',
  transform(code, id) {
    if (!id.includes('vant') || !id.split('?')[0].endsWith('.css')) return null
    return code.replace(/,\s*url\(\/\/at\.alicdn\.com[^)]*\)\s*format\("woff"\)/g, '')
  }
}

export default defineConfig({
  base: '/h5/',
  plugins: [vue(), vantFontWithoutCdn],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: { host: '127.0.0.1', port: 5174, proxy },
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 1500,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (!id.includes('node_modules')) return
          if (id.includes('vant') || id.includes('@vant')) return 'vant'
          return 'vendor'
        }
      }
    }
  }
})
