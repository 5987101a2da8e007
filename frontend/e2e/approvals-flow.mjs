// The specification's approval checklist (create → approve/reject → execute) in headless Chromium while a real SDK
// process asks: node e2e/approvals-flow.mjs <baseUrl>
// An admin (through the API) has an agent, an API key, a policy that holds discounts above 10 % for a team lead, and
// invites a team lead who accepts. The team lead signs in and keeps /approvals open; the SDK process
// (sdk-js/test/support/agent-process.mjs) runs the specification's example: checkPolicy answers require_approval,
// the request appears in the queue without a reload, the team lead approves it, the process continues and records
// the action (recordExternalAction carries the approval by itself). A second run is rejected: the process sees
// `rejected` and records nothing.
// Needs sdk-js built (sdk-js/dist): it runs in sdk-js's test phase (test/browser-flows.test.ts), after the backend.
// Exit code 0 when every step passes, 1 otherwise. Screenshots go to e2e/screenshots/ (approvals-*.png).
import { apiCaller, logIn, PASSWORD, signUpThroughApi, uniqueEmail } from './lib/accounts.mjs'
import { expectTrue, expectVisible, runFlow } from './lib/flow.mjs'
import { startSdk } from './lib/sdk-process.mjs'

const baseUrl = process.argv[2]
const suffix = Date.now().toString(36)
const admin = { fullName: 'Ada Admin', email: uniqueEmail('approvals-admin'), organization: `Approvals Org ${suffix}` }
const lead = { fullName: 'Tom Lead', email: uniqueEmail('approvals-lead') }
const DISCOUNT = { ask: { type: 'send_discount', discount_percent: 15 }, context: {} }
/**
 * The queue also refetches every 30 s; a request that shows up well within that, with no navigation, came through the
 * live stream.
 */
const LIVE_DEADLINE_MS = 20_000

const call = apiCaller(baseUrl)

/** The events of a run as the API shows them, once the run (by the SDK's run id) has `status`. */
async function runEvents(token, runId, status) {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const [run] = await call('GET', `/api/v1/runs?external_reference=${encodeURIComponent(runId)}`, { token })
    if (run?.status === status) return (await call('GET', `/api/v1/runs/${run.id}`, { token })).events
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`the run ${runId} did not reach ${status} within 30 s`)
}

let sdk
const exitCode = await runFlow(
  'Approvals flow',
  baseUrl,
  async ({ page, url, step, screenshot }) => {
    const main = page.getByRole('main')
    const queue = main.getByRole('list', { name: 'Pending approvals' })
    const card = queue.getByRole('article', { name: 'Approval for send_discount' })
    let adminToken
    let leadId
    let policy
    let navigations = 0
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations++
    })

    await step('an admin with an agent, an API key, a discount policy and an invited team lead (through the API)', async () => {
      const session = await signUpThroughApi(call, admin)
      adminToken = session.access_token
      const token = adminToken
      const agent = await call('POST', '/api/v1/agents', { token, body: { name: `Discount bot ${suffix}` } })
      const key = await call('POST', '/api/v1/api-keys', { token, body: { name: 'sdk', scopes: ['ingest', 'read', 'policies:check'] } })
      policy = await call('POST', '/api/v1/policies', {
        token,
        body: {
          name: 'Discounts above 10 %',
          rule_definition: {
            type: 'conditional',
            conditions: [
              { field: 'action.type', operator: 'equals', value: 'send_discount' },
              { field: 'action.discount_percent', operator: 'greater_than', value: 10 },
            ],
            action: 'require_approval',
            approval_required_from: ['role:team_lead'],
            timeout_minutes: 60,
          },
          status: 'active',
        },
      })
      const invite = await call('POST', '/api/v1/org-members', { token, body: { email: lead.email, role: 'team_lead' } })
      const inviteToken = new URL(invite.invite_url).searchParams.get('token')
      const accepted = await call('POST', '/api/v1/auth/accept-invite', { body: { token: inviteToken, password: PASSWORD, full_name: lead.fullName } })
      leadId = accepted.user.id
      sdk = startSdk(baseUrl, key.key, agent.slug)
      // generous: a cold backend and a new node process on a loaded machine
      await sdk.waitFor((event) => event.status === 'active', { timeout: 30_000, what: 'the agent active' })
    })

    await step('the team lead signs in and opens /approvals: nothing to approve', async () => {
      await page.goto(url('/login'))
      await logIn(page, lead)
      await page.goto(url('/approvals'))
      await expectVisible(page.getByRole('heading', { level: 1, name: 'Approvals' }), 'the approvals page title is missing')
      await expectVisible(main.getByText('Nothing to approve'), 'the queue does not say "Nothing to approve"')
      await screenshot('approvals-empty')
    })

    const ask = async (what) => {
      const before = navigations
      const since = Date.now()
      sdk.send(DISCOUNT)
      const asked = await sdk.waitFor((event) => event.asked, { since, timeout: 15_000, what: `the check of ${what}` })
      expectTrue(asked.asked.decision === 'require_approval', `the check answered ${asked.asked.decision}, not require_approval`)
      expectTrue(Boolean(asked.asked.approval_id), 'require_approval came without an approval id')
      await expectVisible(card, `the request did not appear in the queue within ${LIVE_DEADLINE_MS / 1000} s of the check`, LIVE_DEADLINE_MS)
      console.log(`       the request showed ${Date.now() - asked.at} ms after the check answered`)
      expectTrue(navigations === before, 'the page navigated (reloaded) while waiting for the request')
      await expectVisible(card.getByText('discount_percent'), 'the card does not show the action\'s fields')
      await expectVisible(card.getByText('Team leads and above'), 'the card does not name the approvers')
      await expectVisible(card.getByRole('link', { name: 'Discounts above 10 % v1' }), 'the card does not link the policy and its version')
      return { since, ...asked.asked }
    }

    /** Decides the card in the browser; answers the SDK process's `done` line. */
    const decide = async (asked, button, comment, confirmation) => {
      await card.getByLabel('Comment (optional)').fill(comment)
      const decided = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith(`/api/v1/approvals/${asked.approval_id}/`) && r.request().method() === 'POST')
      await card.getByRole('button', { name: button, exact: true }).click()
      const response = await decided
      expectTrue(response.status() === 200, `POST ${new URL(response.url()).pathname} answered ${response.status()}`)
      // the toast stays 4 s: look before anything slower
      await expectVisible(page.getByText(confirmation), `no "${confirmation}" after ${button}`)
      await card.waitFor({ state: 'detached', timeout: 10_000 }).catch(() => {
        throw new Error('the decided request stays in the queue')
      })
      return sdk.waitFor((event) => event.done?.run_id === asked.run_id, { since: asked.since, timeout: 15_000, what: `the end of run ${asked.run_id}` })
    }

    let first
    await step('the SDK asks for a 15 % discount: require_approval, and the request appears live (no reload)', async () => {
      first = await ask('the first discount')
      await screenshot('approvals-pending')
    })

    await step('the team lead approves; the SDK process continues and records the action with the approval', async () => {
      const done = await decide(first, 'Approve', 'fine for this customer', 'Approved: the agent may go ahead.')
      expectTrue(done.done.approval?.status === 'approved', `the SDK saw ${JSON.stringify(done.done.approval)}, not approved`)
      expectTrue(done.done.approval.comment === 'fine for this customer', 'the SDK did not get the comment')
      expectTrue(done.done.approval.decidedBy === leadId, `the SDK says ${done.done.approval.decidedBy} decided, not the team lead`)
      expectTrue(done.done.recorded === true, 'the SDK process did not record the action')
      const events = await runEvents(adminToken, first.run_id, 'completed')
      const action = events.find((event) => event.event_type === 'external_action')
      expectTrue(action?.payload?.approval_id === first.approval_id, `the recorded action carries approval ${action?.payload?.approval_id}`)
      expectTrue(events.some((event) => event.event_type === 'policy_check'), 'the run shows no policy_check')
      const approval = await call('GET', `/api/v1/approvals/${first.approval_id}`, { token: adminToken })
      expectTrue(approval.status === 'approved' && approval.decided_by === leadId, `the approval reads ${approval.status} by ${approval.decided_by}`)
      expectTrue(Boolean(approval.consumed_at), 'the approval was not used up by the recorded action')
      expectTrue(approval.policy_id === policy.id, 'the approval names another policy')
    })

    await step('a second run is rejected: the SDK process sees rejected and records nothing', async () => {
      await expectVisible(main.getByText('Nothing to approve'), 'the queue is not empty after the approval')
      const second = await ask('the second discount')
      expectTrue(second.approval_id !== first.approval_id, 'the second run got the first run\'s approval')
      const done = await decide(second, 'Reject', 'not this month', 'Rejected: the agent was told.')
      expectTrue(done.done.approval?.status === 'rejected', `the SDK saw ${JSON.stringify(done.done.approval)}, not rejected`)
      expectTrue(done.done.approval.comment === 'not this month', 'the SDK did not get the rejection comment')
      expectTrue(done.done.recorded === false, 'the SDK process recorded a rejected action')
      const events = await runEvents(adminToken, second.run_id, 'cancelled')
      expectTrue(!events.some((event) => event.event_type === 'external_action'), 'the rejected run has an external action')
    })

    await step('the history shows both decisions with their comments', async () => {
      await main.getByText('History', { exact: true }).click()
      const history = main.getByRole('table', { name: 'Approval history' })
      await expectVisible(history.getByText('fine for this customer'), 'the history does not show the approval')
      await expectVisible(history.getByText('not this month'), 'the history does not show the rejection')
      await expectVisible(history.getByText('approved', { exact: true }), 'the history has no approved row')
      await expectVisible(history.getByText('rejected', { exact: true }), 'the history has no rejected row')
      await screenshot('approvals-history')
    })
  },
  { ignoreProblem: (problem) => /\/api\/v1\/stream/.test(problem) && /404/.test(problem) },
)
sdk?.stop()
process.exit(exitCode)
