import { randomBytes } from 'node:crypto'
import { expectPath, expectVisible } from './flow.mjs'

/** Waits for `pathname`; when the page shows an error instead (429, validation...), fails with its text. */
async function expectPathOrExplain(page, pathname, timeout) {
  try {
    await expectPath(page, pathname, timeout)
  } catch (error) {
    const alerts = await page.getByRole('alert').allInnerTexts().catch(() => [])
    const shown = alerts.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean)
    throw new Error(shown.length ? `${error.message}; the page says: ${shown.join(' / ')}` : error.message)
  }
}

/** A fresh address per run, so flows can run again against the same database. */
export function uniqueEmail(role) {
  return `${role}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}@e2e.agentops.test`
}

export const PASSWORD = 'correct horse battery staple'

/**
 * Fills the signup form (the page must be on /signup), waits for "Check your e-mail", follows the development
 * server's Continue link (the e-mail's link; a server with e-mail delivery shows none) and waits for the dashboard.
 */
export async function signUp(page, { fullName, email, organization, password = PASSWORD }) {
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Create your organization' }), 'the signup page is missing')
  await page.getByLabel('Your name').fill(fullName)
  await page.getByLabel('Work e-mail').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByLabel('Organization name').fill(organization)
  await page.getByRole('button', { name: 'Create organization' }).click()
  await expectVisible(page.getByRole('status').getByText('Check your e-mail'), 'the signup page does not say "Check your e-mail"', 30_000)
  const proceed = page.getByRole('link', { name: 'Continue', exact: true })
  await expectVisible(proceed, 'no Continue link after signup: this flow needs a development server (no SMTP configured)')
  await proceed.click()
  await expectPathOrExplain(page, '/dashboard', 30_000)
}

/** Fills the login form (the page must be on /login) and waits to leave it. */
/**
 * A JSON client of the API for steps that set things up without the browser: `call(method, path, {token, body})`
 * answers the envelope's `data` and throws, with the answer, on anything but a 2xx.
 */
export function apiCaller(baseUrl) {
  return async function call(method, path, { token, body } = {}) {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`)
    return JSON.parse(text).data
  }
}

/**
 * Signs up without the browser: signup answers 202 and creates nothing; a development server (no e-mail delivery)
 * puts the e-mail's link into the answer, and confirming it answers the session. `call(method, path, {body})` is
 * the flow's JSON helper.
 */
export async function signUpThroughApi(call, { email, fullName, organization, password = PASSWORD }) {
  const accepted = await call('POST', '/api/v1/auth/signup', {
    body: { email, password, full_name: fullName, organization_name: organization },
  })
  if (!accepted.confirm_url) throw new Error('signup answered no confirm_url: is e-mail delivery configured on this server?')
  const token = new URL(accepted.confirm_url).searchParams.get('token')
  return call('POST', '/api/v1/auth/signup/confirm', { body: { token } })
}

export async function logIn(page, { email, password = PASSWORD }) {
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Sign in' }), 'the login page is missing')
  await page.getByLabel('E-mail').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  try {
    await page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 })
  } catch {
    const alerts = await page.getByRole('alert').allInnerTexts().catch(() => [])
    throw new Error(`still on the login page${alerts.length ? `: ${alerts.join(' / ').replace(/\s+/g, ' ')}` : ''}`)
  }
}

/** The header's account button: its accessible name says who is signed in ("Account: Ada, Acme, Admin"). */
export const accountButton = (page) => page.getByRole('banner').getByRole('button', { name: /^Account:/ })

export async function expectSignedInAs(page, { fullName, organization, role }) {
  const button = accountButton(page)
  await expectVisible(button, 'the header shows no signed-in user')
  const label = await button.getAttribute('aria-label')
  const expected = `Account: ${fullName}, ${organization}, ${role}`
  if (label !== expected) throw new Error(`the header says "${label}", expected "${expected}"`)
}

/** Logs out from the header menu and waits for the login page. */
export async function logOut(page) {
  await accountButton(page).click()
  await page.getByRole('menuitem', { name: 'Log out' }).click()
  await expectPath(page, '/login')
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Sign in' }), 'the login page is missing after logout')
}
