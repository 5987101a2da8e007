import { CircleCheck, KeyRound } from 'lucide-react'
import { Link } from 'react-router'
import { buttonClasses } from '@/components/ui/button'
import { CodeBlock } from '@/components/ui/code-block'
import type { Agent } from '@/features/agents/api/get-agents'
import { apiBaseUrl, curlSnippet, typescriptSnippet } from '@/features/agents/lib/snippets'
import { API_BASE_URL } from '@/lib/http'

/** After creating an agent: how to send it a first run, against this server, in two flavours. */
export function FirstRunPanel({ agent }: { agent: Agent }) {
  const baseUrl = apiBaseUrl(API_BASE_URL, window.location.origin)
  return (
    <section aria-labelledby="first-run-title" className="space-y-5">
      <div role="status" className="flex items-start gap-3 rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
        <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
        <p>
          <strong className="font-semibold">{agent.name}</strong> is registered with the slug{' '}
          <code data-testid="agent-slug" className="rounded bg-white/70 px-1.5 py-0.5 font-mono text-xs">
            {agent.slug}
          </code>
          .
        </p>
      </div>
      <div>
        <h2 id="first-run-title" className="text-base font-semibold tracking-tight text-zinc-900">
          Send your first run
        </h2>
        <p className="mt-1 text-sm text-zinc-500">
          Runs are sent with an API key that has the <code className="font-mono text-xs">ingest</code> scope. Put it in{' '}
          <code className="font-mono text-xs">AGENTOPS_API_KEY</code>, then run one of these. The run shows up under Runs within seconds.
        </p>
        <Link to="/settings/api-keys" className={buttonClasses('secondary', 'mt-3')}>
          <KeyRound aria-hidden className="size-4" /> Create an API key
        </Link>
      </div>
      <CodeBlock label="curl" code={curlSnippet(baseUrl, agent.slug)} />
      <CodeBlock label="TypeScript SDK" code={typescriptSnippet(baseUrl, agent.slug)} />
      <div className="flex flex-wrap gap-2">
        <Link to={`/agents/${agent.id}`} className={buttonClasses('primary')}>
          Open the agent
        </Link>
        <Link to={`/agents/${agent.id}/runs`} className={buttonClasses('secondary')}>
          Watch its runs
        </Link>
      </div>
    </section>
  )
}
