// Benchmark (not a test): time until /dashboard is fully rendered for a signed-in user, in headless Chromium.
// "Fully rendered" = the Runs KPI shows a number and the runs-over-time chart has drawn its line.
// Usage: node e2e/bench-dashboard-render.mjs <baseUrl> <refreshToken> [repeats]
import { launchBrowser } from './lib/browser.mjs'

const [baseUrl, refreshToken, repeatsArg] = process.argv.slice(2)
if (!baseUrl || !refreshToken) {
  console.error('usage: node e2e/bench-dashboard-render.mjs <baseUrl> <refreshToken> [repeats]')
  process.exit(2)
}
const repeats = Number(repeatsArg ?? 5)
// Untimed loads first (WARMUP, default 2): the first page load after a server start waits ~1-2 s for the JIT to compile
// the static-file path (framework-*.js arrived after 1,250 ms), a cold server, not what a user's browser sees.
const warmup = Number(process.env.WARMUP ?? 2)

/** WATERFALL=1: where one load's time went, from the browser's navigation and resource timing (ms from start). */
function waterfall(page) {
  return page.evaluate(() => {
    const rows = performance.getEntriesByType('resource').map((entry) => {
      const name = new URL(entry.name).pathname + new URL(entry.name).search
      return `  ${entry.startTime.toFixed(0).padStart(5)} → ${entry.responseEnd.toFixed(0).padStart(5)}  ${name}`
    })
    const nav = performance.getEntriesByType('navigation')[0]
    const paint = performance.getEntriesByType('paint').map((entry) => `${entry.name} ${entry.startTime.toFixed(0)}`)
    return [`document ${nav.responseEnd.toFixed(0)}, DOMContentLoaded ${nav.domContentLoadedEventEnd.toFixed(0)}, ${paint.join(', ')}, now ${performance.now().toFixed(0)}`, ...rows].join('\n')
  })
}
const browser = await launchBrowser({ baseUrl })
const { page } = browser
let token = refreshToken
const times = []
try {
  await page.goto('/login')
  for (let i = -warmup; i < repeats; i++) {
    // the SPA rotates the refresh token on every load: carry the newest one into the next round
    await page.evaluate((t) => localStorage.setItem('agentops.refresh_token', t), token)
    const started = Date.now()
    await page.goto('/dashboard')
    await page.waitForFunction(() => {
      const path = document.querySelector('main svg path.recharts-curve')
      const runs = [...document.querySelectorAll('main *')].find((el) => el.textContent?.trim() === 'Runs')
      return Boolean(path && runs)
    }, null, { timeout: 30_000 })
    if (i < 0) {
      token = await page.evaluate(() => localStorage.getItem('agentops.refresh_token'))
      continue
    }
    times.push(Date.now() - started)
    if (process.env.WATERFALL) console.log(await waterfall(page))
    token = await page.evaluate(() => localStorage.getItem('agentops.refresh_token'))
  }
} finally {
  await browser.close()
}
times.sort((a, b) => a - b)
// nearest-rank percentiles: with 10 loads the p95 is the slowest one
const percentile = (p) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]
console.log(`dashboard fully rendered in ms (after ${warmup} untimed loads): ${times.join(', ')} (median ${percentile(50)}, p95 ${percentile(95)})`)
