// The kill switch in headless Chromium while a real SDK process runs: node e2e/controls-flow.mjs <baseUrl>
// An admin (signed up through the API) has an agent and an API key; a child process runs the built @agentops/sdk
// (sdk-js/test/support/agent-process.mjs: a run kept open, so the SDK holds its long-polling status read). In the
// browser the admin stops all agents from /controls: the banner shows (on a second open tab too, through live
// updates), the SDK's onPause fires within a second of the kill switch's 200, and Release brings the agent back.
// Needs sdk-js built (sdk-js/dist): it runs in sdk-js's test phase (test/browser-flows.test.ts), after the backend.
// Exit code 0 when every step passes, 1 otherwise. Screenshots go to e2e/screenshots/ (controls-*.png).
import { apiCaller, logIn, signUpThroughApi, uniqueEmail } from './lib/accounts.mjs'
import { expectPath, expectTrue, expectVisible, runFlow } from './lib/flow.mjs'
import { startSdk } from './lib/sdk-process.mjs'

const baseUrl = process.argv[2]
const suffix = Date.now().toString(36)
const admin = { fullName: 'Kim Switch', email: uniqueEmail('controls'), organization: `Controls Org ${suffix}` }
/** How soon after the kill switch's 200 the SDK must see the change: its held status read is answered at once. */
const SDK_DEADLINE_MS = 1_000

const call = apiCaller(baseUrl)

/**
 * When the browser received the response's headers (epoch ms): Playwright tells the test later, by a lot on a loaded
 * machine, and the SDK (answered by the same commit) may well be faster than that notice.
 */
function answeredAt(response) {
  const timing = response.request().timing()
  return timing.responseStart >= 0 ? timing.startTime + timing.responseStart : Date.now()
}

let sdk
const exitCode = await runFlow(
  'Controls flow',
  baseUrl,
  async ({ page, url, step, screenshot }) => {
    const main = page.getByRole('main')
    const dialog = page.getByRole('dialog')
    const banner = (p) => p.getByTestId('halt-banner')
    const reason = `incident ${suffix}: refunds loop`
    let agent
    let otherTab
    let engagedAt
    let clickedAt

    await step('an admin with an agent and an API key (through the API)', async () => {
      const session = await signUpThroughApi(call, admin)
      agent = await call('POST', '/api/v1/agents', { token: session.access_token, body: { name: `Refund bot ${suffix}` } })
      const key = await call('POST', '/api/v1/api-keys', { token: session.access_token, body: { name: 'sdk', scopes: ['ingest', 'read'] } })
      sdk = startSdk(baseUrl, key.key, agent.slug)
      // generous: a cold backend and a new node process on a loaded machine
      await sdk.waitFor((event) => event.status === 'active', { timeout: 30_000, what: 'the agent active' })
    })

    await step('signs in and opens /controls: nothing halted, nothing paused', async () => {
      await page.goto(url('/login'))
      await logIn(page, admin)
      await page.goto(url('/controls'))
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Controls' }), 'the controls page title is missing')
      await expectVisible(main.getByText('No paused agents'), 'the controls page does not say "No paused agents"')
      expectTrue((await banner(page).count()) === 0, 'a halt banner shows before anything was halted')
      otherTab = await page.context().newPage()
      await otherTab.goto(url('/agents'))
      await expectVisible(otherTab.getByRole('heading', { level: 1, name: 'Agents' }), 'the second tab does not show the agents')
      await screenshot('controls-idle')
    })

    await step('"Stop all agents" asks for a reason and the organization\'s name', async () => {
      await page.bringToFront()
      await main.getByRole('button', { name: 'Stop all agents' }).click()
      await expectVisible(dialog.getByRole('heading', { name: 'Stop all agents?' }), 'the kill switch dialog did not open')
      await dialog.getByLabel('Reason').fill(reason)
      await dialog.getByLabel(/Type the organization's name/).fill('not the name')
      await dialog.getByRole('button', { name: 'Stop all agents' }).click()
      await expectVisible(dialog.getByText(/exactly to confirm/), 'a wrong organization name is not refused')
      await dialog.getByLabel(/Type the organization's name/).fill(admin.organization)
      const engaged = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/controls/kill-switch' && r.request().method() === 'POST')
      clickedAt = Date.now()
      await dialog.getByRole('button', { name: 'Stop all agents' }).click()
      const response = await engaged
      engagedAt = answeredAt(response)
      expectTrue(response.status() === 200, `POST /controls/kill-switch answered ${response.status()}`)
    })

    await step('the SDK process reports paused within about a second', async () => {
      const seen = await sdk.waitFor((event) => event.status === 'paused', { since: clickedAt, timeout: 5_000, what: 'paused' })
      const delay = seen.at - engagedAt
      console.log(`       the SDK's onPause fired ${delay} ms after the kill switch's 200`)
      expectTrue(delay <= SDK_DEADLINE_MS, `the SDK saw the halt ${delay} ms after the 200 (more than ${SDK_DEADLINE_MS} ms)`)
      expectTrue(seen.halted === true, 'the SDK status does not say halted')
    })

    await step('the banner shows on every page and on the other open tab', async () => {
      await expectVisible(banner(page).getByText(`All agents halted by ${admin.fullName}`), 'no halt banner after the kill switch')
      await expectVisible(banner(page).getByText(reason), 'the banner does not give the reason')
      await expectVisible(main.getByRole('table', { name: 'Paused agents' }).getByText(agent.name), 'the paused agent is not listed')
      await screenshot('controls-halted')
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click()
      await expectPath(page, '/runs')
      await expectVisible(banner(page), 'the banner is missing on /runs')
      await expectVisible(banner(otherTab), 'the banner did not reach the other open tab', 15_000)
    })

    await step('Release brings the agents back', async () => {
      await banner(page).getByRole('button', { name: 'Release' }).click()
      await expectVisible(dialog.getByRole('heading', { name: 'Release the kill switch?' }), 'the release dialog did not open')
      await dialog.getByLabel('Reason').fill('fixed the loop')
      const released = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/controls/kill-switch/release')
      const releaseClickedAt = Date.now()
      await dialog.getByRole('button', { name: 'Release all agents' }).click()
      const response = await released
      const releasedAt = answeredAt(response)
      expectTrue(response.status() === 200, `POST /controls/kill-switch/release answered ${response.status()}`)
      const seen = await sdk.waitFor((event) => event.status === 'active', { since: releaseClickedAt, timeout: 5_000, what: 'active again' })
      console.log(`       the SDK saw the release ${seen.at - releasedAt} ms after its 200`)
      expectTrue(seen.at - releasedAt <= SDK_DEADLINE_MS, `the SDK saw the release ${seen.at - releasedAt} ms after the 200`)
      await banner(page).waitFor({ state: 'detached', timeout: 10_000 })
      await page.goto(url('/controls'))
      await expectVisible(main.getByText('No paused agents'), 'agents are still listed as paused after the release')
      await expectVisible(main.getByRole('list', { name: 'Control history' }).getByText(/Released the kill switch/), 'the history does not show the release')
      await screenshot('controls-released')
    })

    await step('an agent paused with a reason shows its badge and resumes from /controls', async () => {
      await page.goto(url(`/agents/${agent.id}`))
      await main.getByRole('button', { name: `Pause ${agent.name}` }).click()
      await dialog.getByLabel('Reason').fill('too many refunds')
      const pausedFrom = Date.now()
      await dialog.getByRole('button', { name: 'Pause agent' }).click()
      await dialog.waitFor({ state: 'hidden' })
      const badge = main.locator('[title^="Reason: too many refunds"]')
      await expectVisible(badge, 'the paused badge does not carry the reason')
      await sdk.waitFor((event) => event.status === 'paused', { since: pausedFrom, timeout: 5_000, what: 'paused after a pause' })
      await page.goto(url('/controls'))
      await main.getByRole('button', { name: `Resume ${agent.name}` }).click()
      await dialog.getByLabel('Reason').fill('refunds fixed')
      const resumedFrom = Date.now()
      await dialog.getByRole('button', { name: 'Resume agent' }).click()
      await expectVisible(main.getByText('No paused agents'), 'the agent is still paused after Resume')
      await sdk.waitFor((event) => event.status === 'active', { since: resumedFrom, timeout: 5_000, what: 'active after a resume' })
    })
  },
  { ignoreProblem: (problem) => /\/api\/v1\/stream/.test(problem) && /404/.test(problem) },
)
sdk?.stop()
process.exit(exitCode)
