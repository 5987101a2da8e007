// A stand-in for the @agentops/sdk process (the real SDK is built after the backend): node e2e/lib/fake-sdk.mjs
// <baseUrl> <apiKey> <agent>. It sends one run with the API key, then, like the SDK, reads
// GET /api/v1/controls/agent-status once a second and prints one JSON line each time the status changes:
// {"status":"active"|"paused","halted":bool,"reason":...,"at":<epoch ms when it saw it>}.
const [baseUrl, apiKey, agent] = process.argv.slice(2)
if (!baseUrl || !apiKey || !agent) {
  console.error('usage: node e2e/lib/fake-sdk.mjs <baseUrl> <apiKey> <agent>')
  process.exit(2)
}
const headers = { 'Content-Type': 'application/json', 'X-API-Key': apiKey }
const POLL_MS = 1_000

const start = new Date(Date.now() - 2_000).toISOString()
const ingest = await fetch(new URL('/api/v1/ingest/run', baseUrl), {
  method: 'POST',
  headers,
  body: JSON.stringify({ run_id: `sdk-${Date.now().toString(36)}`, agent_id: agent, status: 'completed', start_time: start, end_time: new Date().toISOString() }),
})
if (ingest.status !== 202) {
  console.error(`ingest answered ${ingest.status}: ${(await ingest.text()).slice(0, 300)}`)
  process.exit(1)
}
console.log(JSON.stringify({ ingested: true, at: Date.now() }))

let last = null
const statusUrl = new URL('/api/v1/controls/agent-status', baseUrl)
statusUrl.searchParams.set('agent_id', agent)
for (;;) {
  const started = Date.now()
  try {
    const response = await fetch(statusUrl, { headers })
    const body = await response.json()
    if (!response.ok) {
      console.error(`agent-status answered ${response.status}: ${JSON.stringify(body)}`)
      process.exit(1)
    }
    const { agent_status: status, halted, paused_reason: reason } = body.data
    if (status !== last) {
      last = status
      console.log(JSON.stringify({ status, halted, reason, at: Date.now() }))
    }
  } catch (error) {
    console.error(`agent-status failed: ${error.message}`)
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLL_MS - (Date.now() - started))))
}
