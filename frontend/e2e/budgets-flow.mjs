// Budgets, live notifications and the costs export in headless Chromium: node e2e/budgets-flow.mjs <baseUrl>
// An admin (signed up through the API) has an agent and an API key. In the browser the admin creates a $1 monthly
// budget for the whole organization; runs costing 90 cents are then ingested through the REST ingest API while the
// page stays open. Without any reload, the bell shows the unread alert (live, from `notification.created`), the
// dropdown and /notifications list "reached 80 %", /budgets shows the warning state, and "Export CSV" on /costs
// downloads a file with the ingested runs.
// Exit code 0 when every step passes, 1 otherwise. Screenshots go to e2e/screenshots/ (budgets-*.png).
import { randomUUID } from 'node:crypto'
import { apiCaller, logIn, signUpThroughApi, uniqueEmail } from './lib/accounts.mjs'
import { expectPath, expectTrue, expectVisible, runFlow } from './lib/flow.mjs'

const baseUrl = process.argv[2]
const suffix = Date.now().toString(36)
const admin = { fullName: 'Bea Budget', email: uniqueEmail('budgets'), organization: `Budgets Org ${suffix}` }
const budgetName = `Monthly spend ${suffix}`
/** Alert evaluation runs every second after an ingest batch; the notification follows. Generous under load. */
const LIVE_TIMEOUT_MS = 30_000

const call = apiCaller(baseUrl)

async function ingest(apiKey, body) {
  const response = await fetch(new URL('/api/v1/ingest/run', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-API-Key': apiKey },
    body: JSON.stringify(body),
  })
  const text = await response.text()
  if (response.status !== 202) throw new Error(`POST /api/v1/ingest/run answered ${response.status}: ${text.slice(0, 300)}`)
}

/** A finished run that cost `cost` dollars (the client's figure wins over the price catalog). */
function costlyRun(agentSlug, runId, cost) {
  const start = Date.now() - 60_000
  return {
    run_id: runId,
    agent_id: agentSlug,
    status: 'completed',
    start_time: new Date(start).toISOString(),
    end_time: new Date(start + 2_000).toISOString(),
    model: 'gpt-4o',
    token_usage: { input_tokens: 1000, output_tokens: 200 },
    cost_usd: cost,
    tags: ['e2e-budgets'],
  }
}

async function readAll(stream) {
  const chunks = []
  for await (const chunk of stream) chunks.push(chunk)
  return Buffer.concat(chunks).toString('utf8')
}

const exitCode = await runFlow(
  'Budgets flow',
  baseUrl,
  async ({ page, url, step, screenshot }) => {
    const main = page.getByRole('main')
    const dialog = page.getByRole('dialog')
    const bell = page.getByRole('banner').getByTestId('notification-bell')
    const count = page.getByRole('banner').getByTestId('notification-count')
    const card = () => main.getByRole('article', { name: `Budget ${budgetName}` })
    const runIds = [`budget-run-${suffix}-1-${randomUUID()}`, `budget-run-${suffix}-2-${randomUUID()}`]
    let agent
    let apiKey

    await step('an admin with an agent and an API key (through the API)', async () => {
      const session = await signUpThroughApi(call, admin)
      agent = await call('POST', '/api/v1/agents', { token: session.access_token, body: { name: `Spender ${suffix}` } })
      const key = await call('POST', '/api/v1/api-keys', { token: session.access_token, body: { name: 'ingest', scopes: ['ingest', 'read'] } })
      apiKey = key.key
    })

    await step('signs in: no budgets yet, the bell has no unread count', async () => {
      await page.goto(url('/login'))
      await logIn(page, admin)
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Budgets', exact: true }).click()
      await expectPath(page, '/budgets')
      await expectVisible(main.getByText('No budgets yet'), 'the budgets page does not say "No budgets yet"')
      await expectVisible(bell, 'the top bar has no notification bell')
      expectTrue((await bell.getAttribute('aria-label')) === 'Notifications', `the bell says "${await bell.getAttribute('aria-label')}" before any alert`)
    })

    await step('creates a $1 monthly budget for the whole organization in the UI', async () => {
      await main.getByRole('button', { name: 'New budget' }).first().click()
      await expectVisible(dialog.getByRole('heading', { name: 'New budget' }), 'the budget dialog did not open')
      await dialog.getByLabel('Name').fill(budgetName)
      await dialog.getByLabel('Limit (USD)').fill('0')
      await dialog.getByRole('button', { name: 'Create budget' }).click()
      await expectVisible(dialog.getByText('The limit must be more than $0.'), 'a $0 limit is not refused at the field')
      await dialog.getByLabel('Limit (USD)').fill('1')
      expectTrue((await dialog.getByLabel('Scope').inputValue()) === 'organization', 'the scope is not the organization by default')
      expectTrue((await dialog.getByLabel('Period').inputValue()) === 'monthly', 'the period is not monthly by default')
      const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/budgets' && r.request().method() === 'POST')
      await dialog.getByRole('button', { name: 'Create budget' }).click()
      const response = await created
      expectTrue(response.status() === 201 || response.status() === 200, `POST /budgets answered ${response.status()}`)
      await dialog.waitFor({ state: 'hidden' })
      await expectVisible(card(), 'the new budget is not listed')
      await expectVisible(card().getByText('On track'), 'the new budget is not "On track"')
      await expectVisible(card().getByText('$0.00'), 'the new budget does not show $0.00 spent')
      await screenshot('budgets-created')
    })

    await step('runs costing 90 cents are ingested: the bell shows the alert live, without a reload', async () => {
      // a reload would clear this marker: its survival proves the count arrived through the live stream
      await page.evaluate(() => {
        window.__noReload = true
      })
      await ingest(apiKey, costlyRun(agent.slug, runIds[0], 0.45))
      await ingest(apiKey, costlyRun(agent.slug, runIds[1], 0.45))
      await expectVisible(count, 'the bell shows no unread count after the budget crossed 80 %', LIVE_TIMEOUT_MS)
      expectTrue(await page.evaluate(() => window.__noReload === true), 'the page was reloaded')
      const label = await bell.getAttribute('aria-label')
      expectTrue(/^Notifications, \d+ unread$/.test(label ?? ''), `the bell says "${label}"`)
      await expectVisible(card().getByText('Warning'), 'the budget card did not turn to "Warning" live', LIVE_TIMEOUT_MS)
      await screenshot('budgets-live-alert')
    })

    await step('the bell lists the alert; /notifications lists it too', async () => {
      await bell.click()
      const panel = page.getByRole('region', { name: 'Latest notifications' })
      await expectVisible(panel.getByText(new RegExp(`${budgetName}.*80`)), 'the dropdown does not list the 80 % alert')
      await screenshot('budgets-bell-open')
      await panel.getByRole('link', { name: 'See all notifications' }).click()
      await expectPath(page, '/notifications')
      const list = main.getByRole('list', { name: 'Notifications' })
      await expectVisible(list.getByText(new RegExp(`${budgetName}.*80`)), '/notifications does not list the 80 % alert')
      // the filter is a radio group styled as buttons: click its label, then the URL says unread=true
      await main.locator('label').filter({ hasText: /^Unread/ }).click()
      await page.waitForURL((u) => u.searchParams.get('unread') === 'true', { timeout: 10_000 })
      await expectVisible(list.getByText(new RegExp(`${budgetName}.*80`)), 'the unread filter hides the unread alert')
      await main.getByRole('button', { name: 'Mark all read' }).click()
      await expectVisible(main.getByText('Nothing unread'), '"Mark all read" left unread notifications')
      await count.waitFor({ state: 'detached', timeout: 10_000 })
    })

    await step('/budgets shows the warning state', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Budgets', exact: true }).click()
      await expectPath(page, '/budgets')
      const bar = card().getByRole('progressbar')
      await expectVisible(bar, 'the budget has no progress bar')
      const state = await bar.getAttribute('data-state')
      expectTrue(state === 'warning', `the progress bar is "${state}", expected warning`)
      await expectVisible(card().getByText('$0.90'), 'the budget does not show $0.90 spent')
      await card().getByRole('button', { name: /Alerts this period/ }).click()
      await expectVisible(card().getByRole('list', { name: 'Alerts of this period' }).getByText('80 %'), 'the 80 % alert is not in the budget\'s alerts')
      await screenshot('budgets-warning')
    })

    await step('/costs shows the spend, and Export CSV downloads the ingested runs', async () => {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Costs', exact: true }).click()
      await expectPath(page, '/costs')
      await expectVisible(main.getByRole('region', { name: 'Total spend' }).getByText('$0.90'), 'the costs page does not show $0.90 in total')
      await expectVisible(main.getByRole('table', { name: 'Cost by agent' }).getByText(agent.name), 'the agent is not in the costs by agent')
      await screenshot('budgets-costs')
      const downloading = page.waitForEvent('download', { timeout: 20_000 })
      await main.getByRole('button', { name: 'Export CSV' }).click()
      const download = await downloading
      const filename = download.suggestedFilename()
      expectTrue(/^agentops-costs-.+-by-run\.csv$/.test(filename), `the file is named "${filename}"`)
      const csv = await readAll(await download.createReadStream())
      const lines = csv.trim().split(/\r?\n/)
      expectTrue(lines[0].startsWith('run_id,external_reference,agent_id'), `the CSV header is "${lines[0]}"`)
      for (const runId of runIds) expectTrue(csv.includes(runId), `the CSV has no line for run ${runId}`)
      expectTrue(lines.length === 3, `the CSV has ${lines.length - 1} run lines, expected 2`)
      expectTrue(lines.slice(1).every((line) => line.includes('0.45')), 'a CSV line does not carry the run\'s cost 0.45')
    })
  },
  { ignoreProblem: (problem) => /\/api\/v1\/stream/.test(problem) && /404/.test(problem) },
)
process.exit(exitCode)
