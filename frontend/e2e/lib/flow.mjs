import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchBrowser } from './browser.mjs'

const slug = (text) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url))
const TIMEOUT_MS = 10_000

/** Fails with `message` unless the locator becomes visible. */
export async function expectVisible(locator, message, timeout = TIMEOUT_MS) {
  try {
    await locator.first().waitFor({ state: 'visible', timeout })
  } catch {
    throw new Error(message)
  }
}

/** Fails unless the page's path becomes `pathname`. */
export async function expectPath(page, pathname, timeout = TIMEOUT_MS) {
  try {
    await page.waitForURL((url) => url.pathname === pathname, { timeout })
  } catch {
    throw new Error(`expected to be on ${pathname}, but the page is at ${new URL(page.url()).pathname}`)
  }
}

export async function expectAttribute(locator, name, expected, message) {
  const actual = await locator.getAttribute(name, { timeout: TIMEOUT_MS })
  if (actual !== expected) throw new Error(`${message} (${name}=${JSON.stringify(actual)})`)
}

export function expectTrue(condition, message) {
  if (!condition) throw new Error(message)
}

/**
 * Runs a browser flow: `steps(ctx)` calls `ctx.step(name, fn)` for each check, in order; the first failing
 * step stops the flow. Console errors and uncaught page errors fail the flow too.
 * ctx: { page, baseUrl, url(path), step(name, fn), screenshot(name), launch(options) }.
 * Prints one line per step and returns the process exit code (0 when everything passed).
 * options.ignoreProblem(text): true for a browser error the flow expects (it is printed as a warning instead).
 */
export async function runFlow(title, baseUrl, steps, { ignoreProblem } = {}) {
  if (!baseUrl || !/^https?:\/\//.test(baseUrl)) {
    console.error(`usage: node ${path.relative(process.cwd(), process.argv[1])} <baseUrl>   e.g. http://localhost:8080`)
    return 2
  }
  console.log(`${title} against ${baseUrl}`)
  await mkdir(SCREENSHOT_DIR, { recursive: true })
  for (const file of await readdir(SCREENSHOT_DIR)) {
    if (file.startsWith('failure-')) await rm(path.join(SCREENSHOT_DIR, file), { force: true })
  }

  let browser
  try {
    browser = await launchBrowser({ baseUrl })
  } catch (error) {
    console.error(`FAIL ${error.message}`)
    return 1
  }
  const { page, problems } = browser
  const screenshot = async (name) => {
    const file = path.join(SCREENSHOT_DIR, `${name}.png`)
    await page.screenshot({ path: file, fullPage: true })
    return file
  }
  let failed = false
  const step = async (name, fn) => {
    if (failed) return
    const started = Date.now()
    try {
      await fn()
      console.log(`  ok   ${name} (${Date.now() - started} ms)`)
    } catch (error) {
      failed = true
      console.log(`  FAIL ${name}: ${error.message.split('\n')[0]}`)
      const file = await screenshot(`failure-${slug(name)}`).catch(() => null)
      if (file) console.log(`       screenshot: ${path.relative(process.cwd(), file)}`)
      console.log(`       page: ${page.url()}`)
    }
  }
  const url = (pathname) => new URL(pathname, baseUrl).href

  try {
    await steps({ page, baseUrl, url, step, screenshot })
  } catch (error) {
    failed = true
    console.log(`  FAIL ${error.message}`)
  } finally {
    await browser.close()
  }

  const expected = ignoreProblem ? problems.filter((problem) => ignoreProblem(problem)) : []
  const unexpected = problems.filter((problem) => !expected.includes(problem))
  if (expected.length > 0) console.log(`  warn ${expected.length} expected browser error(s), e.g. ${expected[0]}`)
  if (unexpected.length > 0) {
    failed = true
    console.log(`  FAIL the browser reported ${unexpected.length} error(s):`)
    for (const problem of unexpected) console.log(`       ${problem}`)
  }
  console.log(failed ? `${title}: FAILED` : `${title}: passed (screenshots in ${path.relative(process.cwd(), SCREENSHOT_DIR) || '.'})`)
  return failed ? 1 : 0
}
