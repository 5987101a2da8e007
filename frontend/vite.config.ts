/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import react from '@vitejs/plugin-react'
import { defineConfig, type HtmlTagDescriptor, type Plugin } from 'vite'

// `npm run dev`: API calls go to the backend on :8080 (same origin in the browser, so no CORS in development)
const backend = 'http://localhost:8080'

/**
 * main.tsx imports the app (src/app/start.tsx) only once a stored session's renewal has been sent; this lets the
 * browser fetch the app's chunks from the start anyway, as it does for the entry's own imports.
 */
function preloadApp(entry: string): Plugin {
  let base = '/'
  return {
    name: 'agentops:preload-app',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return
        const chunks = Object.values(bundle).filter((item) => item.type === 'chunk')
        const start = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entry))
        if (!start) throw new Error(`no chunk for ${entry}`)
        const files = new Set<string>()
        const visit = (fileName: string) => {
          if (files.has(fileName)) return
          files.add(fileName)
          for (const imported of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(imported)
        }
        visit(start.fileName)
        return [...files]
          .filter((file) => !html.includes(`${base}${file}`))
          .map((file): HtmlTagDescriptor => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' }))
      },
    },
  }
}

export default defineConfig({
  plugins: [react(), tailwindcss(), preloadApp('/src/app/start.tsx')],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    // Maven packs target/classes into the frontend jar: public/** on the backend's classpath
    outDir: 'target/classes/public',
    emptyOutDir: true,
    // Routes are lazy chunks; the largest expected one is a page with recharts (~400 kB minified).
    // Vite writes the warning to stderr, which frontend-maven-plugin logs as [ERROR].
    chunkSizeWarningLimit: 600,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The framework changes rarely: its own chunk stays cached across deploys of the app code.
          // Keep this list to what the entry imports anyway; heavy libraries (recharts) stay in lazy chunks.
          groups: [
            {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](react-query|query-core))[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': backend, '/health': backend },
  },
  test: {
    // pure functions run in node; component and page tests (*.test.tsx) opt into jsdom with a
    // `// @vitest-environment jsdom` comment and render through src/testing/render-app.tsx
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup.ts'],
    // a page test renders the whole app; on a shared 2-core CI machine one can take several seconds
    testTimeout: 20_000,
    // `npm test` measures line coverage of every source file, tested or not; HTML report: target/coverage/index.html
    coverage: {
      provider: 'v8',
      include: ['src/**/*.{ts,tsx}'],
      // src/testing/ is test code (the fake API and the render helper), not part of the app
      exclude: ['src/**/*.test.{ts,tsx}', 'src/testing/**', 'src/lib/api-schema.d.ts', 'src/vite-env.d.ts'],
      reporter: ['text-summary', 'html', 'json-summary'],
      reportsDirectory: 'target/coverage',
      // Issue #15: the build fails under 80 % of lines. Measured 2026-12-03: 92.68 % (3268/3526) with the page tests
      // (src/app/**/*.test.tsx). v8 counts a file only once a test loads it: before them, 137 never-loaded files
      // counted 0 lines, so the old 71.99 % was of the files the unit tests happened to import.
      thresholds: { lines: 80 },
    },
  },
})
