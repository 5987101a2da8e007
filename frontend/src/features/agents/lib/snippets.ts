/**
 * "Send your first run": ready-to-paste requests for a new agent. They name this server and the agent's slug;
 * the key stays a placeholder (`$AGENTOPS_API_KEY`), never a real secret on screen.
 */

/** The API's address as seen from outside: VITE_API_URL when the SPA is deployed alone, else this origin. */
export function apiBaseUrl(configured: string, origin: string): string {
  return (configured || origin).replace(/\/+$/, '')
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`

export function curlSnippet(baseUrl: string, slug: string): string {
  const body = JSON.stringify(
    {
      run_id: 'first-run-1',
      agent_id: slug,
      status: 'completed',
      model: 'gpt-4o',
      input: { question: 'Where is my order?' },
      output: { answer: 'It ships tomorrow.' },
      token_usage: { input_tokens: 120, output_tokens: 40 },
      events: [
        { event_id: 'llm-1', event_type: 'llm_call', model: 'gpt-4o', token_usage: { input_tokens: 120, output_tokens: 40 } },
        { event_id: 'tool-1', event_type: 'tool_call', payload: { tool: 'lookup_order', order_id: 'A-1001' } },
      ],
    },
    null,
    2,
  )
  return [
    `curl -X POST ${shellQuote(`${baseUrl}/api/v1/ingest/run`)} \\`,
    `  -H "X-API-Key: $AGENTOPS_API_KEY" \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d ${shellQuote(body)}`,
  ].join('\n')
}

export function typescriptSnippet(baseUrl: string, slug: string): string {
  return `// npm install @agentops/sdk   (AGENTOPS_API_KEY: a key with the ingest scope)
import { createLowLevelClient } from '@agentops/sdk'

const client = createLowLevelClient(${JSON.stringify(baseUrl)}, process.env.AGENTOPS_API_KEY)

const { error } = await client.POST('/api/v1/ingest/run', {
  body: {
    run_id: crypto.randomUUID(),
    agent_id: ${JSON.stringify(slug)},
    status: 'completed',
    model: 'gpt-4o',
    input: { question: 'Where is my order?' },
    output: { answer: 'It ships tomorrow.' },
    token_usage: { input_tokens: 120, output_tokens: 40 },
    events: [
      { event_id: 'llm-1', event_type: 'llm_call', model: 'gpt-4o', token_usage: { input_tokens: 120, output_tokens: 40 } },
      { event_id: 'tool-1', event_type: 'tool_call', payload: { tool: 'lookup_order', order_id: 'A-1001' } },
    ],
  },
})
if (error) throw new Error(\`\${error.code}: \${error.error}\`)
`
}
