import { fileURLToPath, URL } from 'node:url'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'

// The server sends a strict CSP (script-src 'self', no 'unsafe-eval'), so the i18n
// messages are precompiled at build time and only the vue-i18n runtime is bundled:
// nothing is compiled with eval/new Function in the browser.
export default defineConfig({
  plugins: [
    vue(),
    VueI18nPlugin({
      include: [fileURLToPath(new URL('./src/i18n/*.json', import.meta.url))],
      runtimeOnly: true,
      compositionOnly: true,
      fullInstall: true,
      strictMessage: true,
      escapeHtml: false,
    }),
  ],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // Never inline assets as data: URIs for fonts/scripts; CSP only allows data: for images.
    assetsInlineLimit: 0,
    target: 'es2022',
    // The statistics page's chunk is mostly ECharts (about 570 kB, 190 kB gzipped); it is loaded
    // only on that route, so the warning's default of 500 kB is raised just above it.
    chunkSizeWarningLimit: 650,
  },
  server: {
    // `npm run dev`: forward API calls to a locally running `atbalsts serve`.
    proxy: {
      '/api': 'http://127.0.0.1:18080',
      '/healthz': 'http://127.0.0.1:18080',
      '/readyz': 'http://127.0.0.1:18080',
    },
  },
})
