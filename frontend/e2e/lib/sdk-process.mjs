import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const SDK_PROCESS = fileURLToPath(new URL('../../../sdk-js/test/support/agent-process.mjs', import.meta.url))
const SDK_BUILD = fileURLToPath(new URL('../../../sdk-js/dist/index.js', import.meta.url))

/**
 * The real @agentops/sdk in a process of its own (sdk-js/test/support/agent-process.mjs, which documents its lines and
 * commands): the JSON lines it prints, a way to wait for one, and `send(command)` for its stdin.
 * Needs sdk-js built (sdk-js/dist): flows using it run in sdk-js's test phase (test/browser-flows.test.ts).
 */
export function startSdk(baseUrl, apiKey, agent) {
  if (!existsSync(SDK_BUILD)) throw new Error(`the SDK is not built (${SDK_BUILD}): run npm run build in sdk-js`)
  const child = spawn(process.execPath, [SDK_PROCESS, baseUrl, apiKey, agent], {
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = []
  const waiters = []
  createInterface({ input: child.stdout }).on('line', (line) => {
    const event = JSON.parse(line)
    console.log(`       sdk: ${line}`)
    lines.push(event)
    for (const waiter of [...waiters]) waiter()
  })
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)))
  /** The first line after `since` (epoch ms) that matches, or an error after `timeout`. */
  const waitFor = (match, { since = 0, timeout = 10_000, what }) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.find((event) => event.at >= since && match(event))
        if (!found) return false
        clearTimeout(timer)
        waiters.splice(waiters.indexOf(check), 1)
        resolve(found)
        return true
      }
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(check), 1)
        reject(new Error(`the SDK process did not report ${what} within ${timeout} ms`))
      }, timeout)
      waiters.push(check)
      check()
      void exited.then((code) => reject(new Error(`the SDK process exited with ${code} before reporting ${what}`)))
    })
  const send = (command) => child.stdin.write(`${JSON.stringify(command)}\n`)
  return { waitFor, send, stop: () => child.kill('SIGTERM') }
}
