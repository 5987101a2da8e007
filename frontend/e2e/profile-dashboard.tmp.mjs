// temporary: CPU profile of one /dashboard load (not committed)
import { launchBrowser } from './lib/browser.mjs'
const [baseUrl, refreshToken] = process.argv.slice(2)
const b = await launchBrowser({ baseUrl })
const { page } = b
await page.goto('/login')
// warm load first (chunks cached), like the benchmark's later loads
let token = refreshToken
for (let i = 0; i < 2; i++) {
  await page.evaluate((t) => localStorage.setItem('agentops.refresh_token', t), token)
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 200 }); await cdp.send('Profiler.start')
  const t0 = Date.now()
  await page.goto('/dashboard')
  await page.waitForFunction(() => document.querySelector('main svg path.recharts-curve') && [...document.querySelectorAll('main *')].some((e) => e.textContent?.trim() === 'Runs'), null, { timeout: 30000 })
  const took = Date.now() - t0
  const { profile } = await cdp.send('Profiler.stop')
  token = await page.evaluate(() => localStorage.getItem('agentops.refresh_token'))
  if (i === 0) continue
  const self = new Map(); const byUrl = new Map()
  const dt = profile.timeDeltas; const idx = new Map(profile.nodes.map((n) => [n.id, n]))
  profile.samples.forEach((id, k) => {
    const n = idx.get(id); const f = n.callFrame; const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt[k] ?? 0)); const u = f.url.split('/').pop() || f.functionName
    byUrl.set(u, (byUrl.get(u) ?? 0) + (dt[k] ?? 0))
  })
  console.log(`load ${took} ms`)
  console.log('by script (ms):', [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([u, t]) => `${u} ${(t / 1000).toFixed(0)}`).join(', '))
  console.log('top self (ms):'); [...self].sort((a, b) => b[1] - a[1]).slice(0, 25).forEach(([k, t]) => console.log(`  ${(t / 1000).toFixed(1)} ${k}`))
}
await b.close()
