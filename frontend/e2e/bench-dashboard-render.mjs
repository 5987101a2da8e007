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
const browser = await launchBrowser({ baseUrl })
const { page } = browser
let token = refreshToken
const times = []
try {
  await page.goto('/login')
  for (let i = 0; i < repeats; i++) {
    // the SPA rotates the refresh token on every load: carry the newest one into the next round
    await page.evaluate((t) => localStorage.setItem('agentops.refresh_token', t), token)
    const started = Date.now()
    await page.goto('/dashboard')
    await page.waitForFunction(() => {
      const path = document.querySelector('main svg path.recharts-curve')
      const runs = [...document.querySelectorAll('main *')].find((el) => el.textContent?.trim() === 'Runs')
      return Boolean(path && runs)
    }, null, { timeout: 30_000 })
    times.push(Date.now() - started)
    token = await page.evaluate(() => localStorage.getItem('agentops.refresh_token'))
  }
} finally {
  await browser.close()
}
times.sort((a, b) => a - b)
console.log(`dashboard fully rendered in ms: ${times.join(', ')} (median ${times[Math.floor(times.length / 2)]})`)
