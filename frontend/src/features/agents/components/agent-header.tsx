import { ArrowLeft } from 'lucide-react'
import { Link, NavLink } from 'react-router'
import { cn } from '@/lib/cn'

/** "← Agents" above an agent's pages. */
export function AgentsBackLink() {
  return (
    <Link to="/agents" className="inline-flex items-center gap-1 hover:text-zinc-900">
      <ArrowLeft aria-hidden className="size-3.5" /> Agents
    </Link>
  )
}

/** Overview / Analytics / Runs / Costs of one agent. */
export function AgentTabs({ agentId }: { agentId: string }) {
  const tabs = [
    { to: `/agents/${agentId}`, label: 'Overview', end: true },
    { to: `/agents/${agentId}/analytics`, label: 'Analytics', end: false },
    { to: `/agents/${agentId}/runs`, label: 'Runs', end: false },
    { to: `/agents/${agentId}/costs`, label: 'Costs', end: false },
  ]
  return (
    <nav aria-label="Agent" className="mb-6 overflow-x-auto border-b border-zinc-200">
      <ul className="flex gap-1">
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink
              to={tab.to}
              end={tab.end}
              className={({ isActive }) =>
                cn(
                  '-mb-px inline-block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium outline-none transition-colors',
                  'focus-visible:ring-2 focus-visible:ring-accent-500',
                  isActive ? 'border-accent-600 text-zinc-900' : 'border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800',
                )
              }
            >
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}
