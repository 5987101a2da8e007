// Smoke test of the SPA shell in headless Chromium: node e2e/smoke.mjs <baseUrl>
// Signs up a new organization first (the app needs a session), then checks the shell.
// Exit code 0 when every check passes, 1 otherwise. Screenshots go to e2e/screenshots/.
import { signUp, uniqueEmail } from './lib/accounts.mjs'
import { expectAttribute, expectPath, expectTrue, expectVisible, runFlow } from './lib/flow.mjs'

const SECTIONS = ['Dashboard', 'Agents', 'Runs', 'Costs', 'Budgets', 'Policies', 'Approvals', 'Controls', 'Audit log', 'Settings']

// expected browser errors: the unknown agent's 4xx, and the live stream while the backend has none (404)
const expectedProblem = (problem) =>
  /\/api\/v1\/agents\/123\b/.test(problem) || (/\/api\/v1\/stream/.test(problem) && /404/.test(problem))

const exitCode = await runFlow('SPA smoke test', process.argv[2], async ({ page, url, step, screenshot }) => {
  const nav = page.getByRole('navigation', { name: 'Main' })
  const navLink = (label) => nav.getByRole('link', { name: label, exact: true })
  const heading = (name) => page.getByRole('heading', { level: 1, name, exact: true })

  const expectShell = async () => {
    await expectVisible(page.getByRole('banner').getByText('AgentOps Hub'), 'the header with "AgentOps Hub" is missing')
    await expectVisible(nav, 'the main navigation (nav aria-label="Main") is missing')
    for (const label of SECTIONS) {
      if ((await navLink(label).count()) !== 1) throw new Error(`the main navigation has no single "${label}" link`)
    }
  }

  await step('without a session, / leads to the login page', async () => {
    await page.goto(url('/'))
    await expectPath(page, '/login')
    await expectVisible(heading('Sign in'), 'the login page title is missing')
    expectTrue((await nav.count()) === 0, 'the main navigation shows without a session')
  })

  await step('signs up a new organization and lands on the dashboard', async () => {
    await page.getByRole('link', { name: 'Create an organization' }).click()
    await expectPath(page, '/signup')
    await signUp(page, { fullName: 'Smoke Tester', email: uniqueEmail('smoke'), organization: 'Smoke Test Org' })
  })

  await step('/ redirects to /dashboard inside the layout', async () => {
    await page.goto(url('/'))
    await expectPath(page, '/dashboard')
    await expectShell()
    await expectVisible(heading('Dashboard'), 'the dashboard page title is missing')
    await expectAttribute(navLink('Dashboard'), 'aria-current', 'page', 'Dashboard is not the current nav item')
    const title = await page.title()
    expectTrue(title.includes('AgentOps Hub'), `document title is "${title}"`)
  })

  await step('the header says "API online" (GET /health)', async () => {
    await expectVisible(
      page.getByRole('banner').getByRole('status').filter({ hasText: 'API online' }),
      `the API status does not say "API online" (it says "${await page.getByRole('banner').getByRole('status').innerText().catch(() => '?')}")`,
    )
    await screenshot('dashboard')
  })

  await step('the deep link /agents/123 renders inside the layout', async () => {
    await page.goto(url('/agents/123'))
    await expectShell()
    await expectVisible(heading('Agent not found'), 'the page of an unknown agent does not say "Agent not found"')
    await expectVisible(page.getByRole('main').getByText('123', { exact: true }), 'the agent id 123 is not shown')
    await expectAttribute(navLink('Agents'), 'aria-current', 'page', 'Agents is not the current nav item')
    await screenshot('agent-detail')
  })

  await step('clicking "Runs" navigates client-side', async () => {
    await page.evaluate(() => {
      window.__smokeSamePage = true
    })
    await navLink('Runs').click()
    await expectPath(page, '/runs')
    await expectVisible(heading('Runs'), 'the runs page title is missing')
    expectTrue(await page.evaluate(() => window.__smokeSamePage === true), 'the click reloaded the whole page')
    await expectAttribute(navLink('Runs'), 'aria-current', 'page', 'Runs is not the current nav item')
    await screenshot('runs')
  })

  await step('the nav works from the keyboard', async () => {
    await navLink('Budgets').focus()
    await page.keyboard.press('Enter')
    await expectPath(page, '/budgets')
    await expectVisible(heading('Budgets'), 'the budgets page title is missing')
  })

  await step('an unknown route shows the not-found page inside the layout', async () => {
    await page.goto(url('/no/such/page'))
    await expectShell()
    await expectVisible(heading('Page not found'), 'the not-found page is missing')
    await screenshot('not-found')
    await page.getByRole('main').getByRole('link', { name: 'Back to dashboard' }).click()
    await expectPath(page, '/dashboard')
  })

  await step('the layout fits a 768 px wide window', async () => {
    await page.setViewportSize({ width: 768, height: 1000 })
    await page.goto(url('/costs'))
    await expectShell()
    await expectVisible(heading('Costs'), 'the costs page title is missing')
    await expectVisible(navLink('Runs'), 'the Runs nav link is not visible at 768 px')
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expectTrue(overflow <= 0, `the page scrolls sideways by ${overflow} px at 768 px`)
    await screenshot('costs-768')
  })
}, { ignoreProblem: expectedProblem })

process.exit(exitCode)
