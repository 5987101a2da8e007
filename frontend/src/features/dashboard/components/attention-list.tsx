import { CircleCheck, TriangleAlert } from 'lucide-react'
import { Link } from 'react-router'
import type { prepareAttention } from '@/features/dashboard/lib/prepare-home'

export function AttentionList({ items }: { items: ReturnType<typeof prepareAttention> }) {
  return (
    <section aria-labelledby="attention" className="rounded-xl border border-zinc-200 bg-white p-4 shadow-sm">
      <h2 id="attention" className="mb-3 text-sm font-semibold text-zinc-900">
        Needs attention
      </h2>
      {items.length === 0 ? (
        <p className="flex items-center gap-2 text-sm text-zinc-500">
          <CircleCheck aria-hidden className="size-4 text-emerald-600" /> Nothing needs attention.
        </p>
      ) : (
        <ul className="space-y-1.5">
          {items.map((item) => (
            <li key={item.key}>
              <Link to={`/agents/${item.agentId}`} className="flex items-start gap-2 rounded-md px-1 py-1 text-sm hover:bg-zinc-50">
                <TriangleAlert aria-hidden className={item.reason === 'paused' ? 'mt-0.5 size-4 shrink-0 text-zinc-400' : 'mt-0.5 size-4 shrink-0 text-amber-500'} />
                <span className="min-w-0">
                  <span className="block truncate font-medium text-zinc-900">{item.name}</span>
                  <span className="block text-xs text-zinc-500">
                    {item.text}
                    {item.detail && ` · ${item.detail}`}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
