// Content-Security-Policy check in headless Chromium: node e2e/csp.mjs <baseUrl>
// Visits every page of the SPA (signed out, then signed in) and the API reference with the server's CSP on, and fails
// on any policy violation the browser reports (securitypolicyviolation events and Chromium's console errors).
// Other browser errors (a page calling an endpoint this server lacks) are another flow's business: printed, not failed.
import { signUp, uniqueEmail } from './lib/accounts.mjs'
import { expectTrue, expectVisible, runFlow } from './lib/flow.mjs'

const PUBLIC_PAGES = ['/login', '/signup', '/signup/confirm', '/reset-password', '/accept-invite']
const APP_PAGES = [
  '/dashboard', '/agents', '/agents/new', '/runs', '/costs', '/budgets', '/policies', '/approvals', '/controls', '/audit',
  '/settings/org', '/settings/members', '/settings/api-keys', '/settings/security', '/no/such/page',
]

const isCspProblem = (problem) => /content security policy|securitypolicyviolation|csp violation/i.test(problem)

const exitCode = await runFlow('CSP check', process.argv[2], async ({ page, url, step }) => {
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`)
    })
  })

  const visit = async (pathname) => {
    const response = await page.goto(url(pathname))
    const policy = response?.headers()['content-security-policy'] ?? ''
    expectTrue(policy.includes("frame-ancestors 'none'"), `${pathname} has no CSP with frame-ancestors 'none' (${policy})`)
    expectTrue(response?.headers()['x-frame-options'] === 'DENY', `${pathname} has no X-Frame-Options: DENY`)
    await page.waitForLoadState('networkidle')
  }

  await step('public pages load under the policy', async () => {
    for (const pathname of PUBLIC_PAGES) await visit(pathname)
  })

  await step('signs up to reach the app', async () => {
    await visit('/signup')
    await signUp(page, { fullName: 'Csp Tester', email: uniqueEmail('csp'), organization: 'CSP Org' })
  })

  await step('every app page loads under the policy', async () => {
    for (const pathname of APP_PAGES) await visit(pathname)
  })

  await step('the API reference works under its own policy', async () => {
    const response = await page.goto(url('/api/docs'))
    expectTrue((response?.headers()['content-security-policy'] ?? '').includes("'sha256-"), 'the API reference has no hash-based policy')
    await expectVisible(page.getByRole('heading', { name: /AgentOps Hub API/ }), 'Swagger UI did not render the API title', 45_000)
  })
}, { ignoreProblem: (problem) => !isCspProblem(problem) })

process.exit(exitCode)
