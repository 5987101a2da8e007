// The five-minute flow in headless Chromium: node e2e/five-minute-flow.mjs <baseUrl>
// Signs up, creates an agent, generates an API key (ingest + read), sends 3 runs from Node with the key, and checks
// that they show on /runs, that the dashboard counts them, that a run's forensic timeline steps through its events,
// and that a 4th run appears on the open /runs page without a reload (live updates).
// Exit code 0 when every step passes, 1 otherwise. Screenshots go to e2e/screenshots/ (flow-*.png).
import { signUp, uniqueEmail } from './lib/accounts.mjs'
import { expectPath, expectTrue, expectVisible, runFlow } from './lib/flow.mjs'

const baseUrl = process.argv[2]
const suffix = Date.now().toString(36)
const owner = { fullName: 'Flo Flow', email: uniqueEmail('flow'), organization: `Flow Org ${suffix}` }
const agentName = `Support bot ${suffix}`
const runRef = (n) => `e2e-${suffix}-${n}`

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Stream endpoints that are not there yet answer 404: expected until the backend has them. */
const isStreamAbsence = (problem) => /\/api\/v1\/stream/.test(problem) && /404/.test(problem)

/** A run as an agent would send it: an LLM call with OpenAI-shaped usage, a tool call, optionally a failure. */
function runPayload(slug, n, { failed = false } = {}) {
  const start = Date.now() - 5_000
  const at = (ms) => new Date(start + ms).toISOString()
  const events = [
    {
      event_id: 'llm-1',
      event_type: 'llm_call',
      timestamp: at(100),
      model: 'gpt-4o',
      token_usage: { prompt_tokens: 1200, completion_tokens: 300 },
      payload: { messages: [{ role: 'user', content: `Where is order ${n}?` }] },
    },
    { event_id: 'tool-1', event_type: 'tool_call', timestamp: at(1_500), payload: { tool: 'lookup_order', order_id: `A-${n}` } },
  ]
  if (failed) events.push({ event_id: 'error-1', event_type: 'error', timestamp: at(2_500), payload: { error: 'lookup_order timed out' } })
  return {
    run_id: runRef(n),
    agent_id: slug,
    status: failed ? 'failed' : 'completed',
    input: { question: `Where is order ${n}?` },
    ...(failed ? { error: 'lookup_order timed out' } : { output: { answer: 'It ships tomorrow.' } }),
    start_time: at(0),
    end_time: at(3_000),
    model: 'gpt-4o',
    token_usage: { prompt_tokens: 1200, completion_tokens: 300 },
    tags: ['e2e'],
    events,
  }
}

async function ingest(apiKey, body) {
  const response = await fetch(new URL('/api/v1/ingest/run', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': apiKey },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status !== 202) throw new Error(`POST /api/v1/ingest/run answered ${response.status}: ${text.slice(0, 300)}`)
}

/** Polls `check` (which returns true when done), reloading the page between tries when `reload` is set. */
async function poll(page, check, { timeout, every = 2_000, reload = true, what }) {
  const until = Date.now() + timeout
  for (;;) {
    if (await check().catch(() => false)) return
    if (Date.now() > until) throw new Error(`${what} within ${Math.round(timeout / 1000)} s`)
    await sleep(every)
    if (reload) await page.reload()
  }
}

const exitCode = await runFlow(
  'Five-minute flow',
  baseUrl,
  async ({ page, url, step, screenshot }) => {
    const heading = (name) => page.getByRole('heading', { level: 1, name, exact: true })
    const main = page.getByRole('main')
    const dialog = page.getByRole('dialog')
    const runRow = (ref) => main.locator(`tr[data-run-ref="${ref}"]`)
    let slug
    let agentPath
    let apiKey
    const ticketStatuses = []
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/api/v1/stream/ticket') ticketStatuses.push(response.status())
    })

    await step('signs up a new organization', async () => {
      await page.goto(url('/signup'))
      await signUp(page, owner)
      await expectVisible(heading('Dashboard'), 'the dashboard title is missing after signup')
      await expectVisible(main.getByText(/No runs yet/), 'the empty dashboard does not say "No runs yet"')
      await screenshot('flow-dashboard-empty')
    })

    await step('creates an agent on /agents/new and reads its slug', async () => {
      await page.goto(url('/agents'))
      await expectVisible(main.getByText('No agents yet'), 'the empty agent list does not say "No agents yet"')
      await main.getByRole('link', { name: 'New agent' }).click()
      await expectPath(page, '/agents/new')
      await page.getByLabel('Name', { exact: true }).fill(agentName)
      await page.getByLabel('Type').fill('assistant')
      await page.getByLabel('Provider').fill('openai')
      await page.getByLabel('Tags').fill('prod, e2e')
      await page.getByLabel('Config (JSON)').fill('{not json')
      await page.getByRole('button', { name: 'Create agent' }).click()
      await expectVisible(main.getByText(/^Not valid JSON/), 'invalid config JSON is not refused in the form')
      await page.getByLabel('Config (JSON)').fill('{"model": "gpt-4o", "temperature": 0.2}')
      await screenshot('flow-agent-new')
      await page.getByRole('button', { name: 'Create agent' }).click()
      await expectVisible(page.getByRole('heading', { name: 'Send your first run' }), 'no "Send your first run" panel after creating the agent')
      slug = (await main.getByTestId('agent-slug').innerText()).trim()
      expectTrue(/^[a-z0-9][a-z0-9-]*$/.test(slug), `the agent's slug "${slug}" looks wrong`)
      const curl = await main.locator('pre[aria-label="curl"]').innerText()
      const origin = new URL(baseUrl).origin
      expectTrue(curl.includes(`${origin}/api/v1/ingest/run`), `the curl snippet does not post to ${origin}/api/v1/ingest/run`)
      expectTrue(curl.includes(slug) && curl.includes('$AGENTOPS_API_KEY'), 'the curl snippet lacks the slug or $AGENTOPS_API_KEY')
      agentPath = new URL(await main.getByRole('link', { name: 'Open the agent' }).getAttribute('href'), baseUrl).pathname
      await screenshot('flow-first-run')
    })

    await step('generates an API key with the ingest and read scopes', async () => {
      await main.getByRole('link', { name: 'Create an API key' }).click()
      await expectPath(page, '/settings/api-keys')
      await main.getByRole('button', { name: 'Generate key' }).first().click()
      await expectVisible(dialog.getByRole('heading', { name: 'Generate an API key' }), 'the API key dialog did not open')
      await dialog.getByLabel('Name').fill(`flow key ${suffix}`)
      await dialog.locator('input[name="scopes"][value="ingest"]').check()
      await dialog.locator('input[name="scopes"][value="read"]').check()
      await dialog.getByRole('button', { name: 'Generate key' }).click()
      const field = dialog.getByRole('textbox', { name: 'New API key' })
      await expectVisible(field, 'the dialog does not show the new key')
      apiKey = await field.inputValue()
      expectTrue(apiKey.startsWith('aoh_'), 'the new key does not start with aoh_')
      await dialog.getByRole('button', { name: 'I copied the key' }).click()
      await dialog.waitFor({ state: 'hidden' })
    })

    await step('sends 3 runs from Node with X-API-Key (one failed)', async () => {
      await ingest(apiKey, runPayload(slug, 1))
      await ingest(apiKey, runPayload(slug, 2))
      await ingest(apiKey, runPayload(slug, 3, { failed: true }))
    })

    await step('the runs appear on /runs', async () => {
      await page.goto(url('/runs'))
      await expectVisible(heading('Runs'), 'the runs page title is missing')
      await poll(page, async () => {
        // after a reload, wait for the list (or its empty state) before counting
        await main.getByRole('table', { name: 'Runs' }).or(main.getByText('No runs yet')).first().waitFor({ timeout: 5_000 })
        return (await main.locator(`tr[data-run-ref^="e2e-${suffix}-"]`).count()) === 3
      }, {
        timeout: 30_000,
        what: 'the 3 runs did not all appear on /runs',
      })
      await expectVisible(runRow(runRef(3)).getByText('failed', { exact: true }), 'the failed run is not marked failed')
      await expectVisible(runRow(runRef(1)).getByText(agentName), 'the run does not name its agent')
      await screenshot('flow-runs')
    })

    await step('the dashboard counts 3 runs', async () => {
      await page.goto(url('/dashboard'))
      const runsKpi = main.getByRole('region', { name: 'Runs', exact: true }).getByTestId('stat-value')
      let shown = ''
      try {
        await poll(
          page,
          async () => {
            // a loaded machine can take seconds to render the page after a reload
            shown = (await runsKpi.innerText({ timeout: 5_000 })).trim()
            return shown === '3'
          },
          { timeout: 40_000, what: 'the dashboard does not count 3 runs' },
        )
      } catch (error) {
        const alert = await main.getByRole('alert').allInnerTexts().catch(() => [])
        throw new Error(`${error.message} (KPI "runs" shows ${JSON.stringify(shown)}${alert.length ? `; the page says: ${alert.join(' / ').replace(/\s+/g, ' ')}` : ''})`)
      }
      await screenshot('flow-dashboard')
    })

    await step("the sidebar's background runs the full height of a page taller than the window", async () => {
      // a short window makes the dashboard taller than it, whatever the screen
      await page.setViewportSize({ width: 1280, height: 500 })
      try {
        await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
        const { documentHeight, windowHeight, sidebarBottom } = await page.evaluate(() => ({
          documentHeight: document.documentElement.scrollHeight,
          windowHeight: window.innerHeight,
          sidebarBottom: document.querySelector('[data-testid="sidebar"]').getBoundingClientRect().bottom + window.scrollY,
        }))
        expectTrue(documentHeight > windowHeight, `the dashboard (${documentHeight}px) is not taller than the window (${windowHeight}px)`)
        expectTrue(
          Math.abs(sidebarBottom - documentHeight) <= 1,
          `the sidebar ends at ${Math.round(sidebarBottom)}px of a ${documentHeight}px page`,
        )
        await screenshot('flow-sidebar-tall-page')
      } finally {
        await page.setViewportSize({ width: 1280, height: 800 })
      }
    })

    await step('the agent pages show the agent, its analytics and its runs', async () => {
      await page.goto(url(agentPath))
      await expectVisible(heading(agentName), 'the agent page does not show the agent name')
      await expectVisible(main.getByRole('table', { name: 'Recent runs' }), 'the agent page lists no recent runs')
      await screenshot('flow-agent')
      await main.getByRole('navigation', { name: 'Agent' }).getByRole('link', { name: 'Analytics' }).click()
      await expectPath(page, `${agentPath}/analytics`)
      await expectVisible(main.getByRole('heading', { name: 'Runs and errors' }), 'the analytics page has no runs chart')
      await screenshot('flow-agent-analytics')
      await main.getByRole('navigation', { name: 'Agent' }).getByRole('link', { name: 'Runs' }).click()
      await expectPath(page, `${agentPath}/runs`)
      await expectVisible(runRow(runRef(1)), "the agent's runs page does not list its runs")
    })

    await step("a run's forensic timeline lists its events and steps through them", async () => {
      await page.goto(url('/runs'))
      await runRow(runRef(3)).getByRole('link', { name: runRef(3) }).click()
      await expectVisible(heading(runRef(3)), 'the run page does not show the run id')
      const events = main.getByRole('list', { name: 'Events' }).getByRole('listitem')
      await expectVisible(events, 'the timeline lists no events')
      const count = await events.count()
      expectTrue(count === 3, `the timeline lists ${count} events, expected 3`)
      await expectVisible(main.getByText('lookup_order timed out').first(), 'the run error is not shown')
      const position = main.getByTestId('replay-position')
      const expectPosition = async (text) => {
        await expectVisible(position.filter({ hasText: text }), `the replay does not say "${text}" (it says "${await position.innerText()}")`, 3_000)
      }
      await expectPosition('Event 3 of 3')
      await main.getByRole('button', { name: 'Step back' }).click()
      await expectPosition('Event 2 of 3')
      expectTrue((await events.count()) === 2, 'stepping back did not hide the last event')
      await page.keyboard.press('ArrowLeft')
      await expectPosition('Event 1 of 3')
      await page.keyboard.press('ArrowRight')
      await expectPosition('Event 2 of 3')
      await main.getByRole('button', { name: 'Step forward' }).click()
      await expectPosition('Event 3 of 3')
      await main.getByRole('button', { name: 'Play' }).click()
      await expectPosition('Event 1 of 3')
      await expectPosition('Event 2 of 3')
      await main.getByRole('button', { name: 'Pause' }).click()
      await main.getByRole('button', { name: 'Show all' }).click()
      await expectPosition('Event 3 of 3')
      await events.last().getByRole('button', { name: /^Show payload/ }).click()
      await expectVisible(events.last().locator('pre'), 'the event payload does not expand')
      await screenshot('flow-run-timeline')
    })

    await step('a new run appears on the open /runs page without a reload', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runs', exact: true }).click()
      await expectPath(page, '/runs')
      await expectVisible(runRow(runRef(1)), 'the runs page does not list the runs')
      await page.evaluate(() => {
        window.__flowSamePage = true
      })
      // the stream asks for a ticket as the app starts; give a retry a moment
      await poll(page, async () => ticketStatuses.length > 0, { timeout: 5_000, every: 250, reload: false, what: 'no stream ticket was asked for' }).catch(() => {})
      if (ticketStatuses.length === 0 || ticketStatuses.every((status) => status === 404)) {
        console.log(`  warn live updates skipped: POST /api/v1/stream/ticket answered ${ticketStatuses.join(', ') || 'nothing'} (no stream yet)`)
        return
      }
      await page.getByText('Live', { exact: true }).waitFor({ timeout: 10_000 }).catch(() => {})
      await ingest(apiKey, runPayload(slug, 4))
      await poll(page, async () => (await runRow(runRef(4)).count()) === 1, {
        timeout: 15_000,
        every: 500,
        reload: false,
        what: 'the 4th run did not appear without a reload',
      })
      expectTrue(await page.evaluate(() => window.__flowSamePage === true), 'the page reloaded')
      await screenshot('flow-runs-live')
    })
  },
  { ignoreProblem: isStreamAbsence },
)

process.exit(exitCode)
