import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'

// Debian's chromium, no Playwright browser download. Playwright refuses --user-data-dir in args:
// the profile directory is the first argument of launchPersistentContext instead.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * Starts headless Chromium with a fresh profile.
 * Returns the page, the problems seen so far (console errors and uncaught page errors, as strings),
 * and close(), which also deletes the profile.
 */
export async function launchBrowser({ baseUrl, viewport = { width: 1280, height: 800 } } = {}) {
  const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'agentops-e2e-'))
  let context
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      baseURL: baseUrl,
    })
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true })
    throw new Error(
      `Could not start Chromium at ${executablePath} (set CHROMIUM_PATH, or apt-get install chromium): ${error.message}`,
    )
  }

  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    const { url } = message.location()
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))

  const close = async () => {
    await context.close().catch(() => {})
    await rm(userDataDir, { recursive: true, force: true })
  }
  return { page, context, problems, close }
}
