import { describe, expect, it } from 'vitest'
import { apiBaseUrl, curlSnippet, typescriptSnippet } from '@/features/agents/lib/snippets'

describe('first-run snippets', () => {
  it('use the configured API URL, else this origin, without a trailing slash', () => {
    expect(apiBaseUrl('', 'https://hub.example.com')).toBe('https://hub.example.com')
    expect(apiBaseUrl('https://api.example.com/', 'https://app.example.com')).toBe('https://api.example.com')
  })

  it('curl posts a valid run for the agent with the key from the environment', () => {
    const text = curlSnippet('https://hub.example.com', 'support-bot')
    expect(text).toContain("curl -X POST 'https://hub.example.com/api/v1/ingest/run'")
    expect(text).toContain('-H "X-API-Key: $AGENTOPS_API_KEY"')
    const body = JSON.parse(text.slice(text.indexOf("-d '") + 4, text.lastIndexOf("'")))
    expect(body.agent_id).toBe('support-bot')
    expect(body.events.map((e: { event_type: string }) => e.event_type)).toEqual(['llm_call', 'tool_call'])
  })

  it('quotes a slug safely for the shell', () => {
    expect(curlSnippet('https://x', "it's")).toContain(`"agent_id": "it'\\''s"`)
  })

  it('the TypeScript snippet names the server, the slug and reads the key from the environment', () => {
    const text = typescriptSnippet('https://hub.example.com', 'support-bot')
    expect(text).toContain('createLowLevelClient("https://hub.example.com", process.env.AGENTOPS_API_KEY)')
    expect(text).toContain('agent_id: "support-bot"')
    expect(text).not.toMatch(/aoh_/)
  })
})
