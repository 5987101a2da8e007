import { ChevronDown, ChevronRight } from 'lucide-react'
import { Fragment, type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import { Spinner } from '@/components/ui/spinner'
import { Table, tdClasses, thClasses } from '@/components/ui/table'
import { type CostFigures, type CostSummary, useTeamCosts } from '@/features/costs/api/get-costs'
import { errorText } from '@/components/ui/form'
import { formatTokens, formatUsd } from '@/lib/format'

const num = 'text-right tabular-nums'

function FigureHeads() {
  return (
    <>
      <th scope="col" className={`${thClasses} ${num}`}>Cost</th>
      <th scope="col" className={`${thClasses} ${num}`}>Runs</th>
      <th scope="col" className={`${thClasses} ${num}`}>Unpriced runs</th>
      <th scope="col" className={`${thClasses} ${num}`}>Input tokens</th>
      <th scope="col" className={`${thClasses} ${num}`}>Output tokens</th>
    </>
  )
}

function FigureCells({ figures }: { figures: CostFigures }) {
  return (
    <>
      <td className={`${tdClasses} ${num} font-medium text-zinc-900`}>{formatUsd(figures.cost_usd)}</td>
      <td className={`${tdClasses} ${num}`}>{formatTokens(figures.runs)}</td>
      <td className={`${tdClasses} ${num} ${figures.unpriced_runs > 0 ? 'font-medium text-amber-700' : ''}`}>{formatTokens(figures.unpriced_runs)}</td>
      <td className={`${tdClasses} ${num}`}>{formatTokens(figures.input_tokens)}</td>
      <td className={`${tdClasses} ${num}`}>{formatTokens(figures.output_tokens)}</td>
    </>
  )
}

function EmptyRow({ columns, children }: { columns: number; children: ReactNode }) {
  return (
    <tr>
      <td colSpan={columns} className={`${tdClasses} py-6 text-center text-zinc-500`}>
        {children}
      </td>
    </tr>
  )
}

/** Cost per agent; each name opens the agent's costs. */
export function AgentCostTable({ rows }: { rows: CostSummary['by_agent'] }) {
  return (
    <Table label="Cost by agent">
      <thead>
        <tr>
          <th scope="col" className={thClasses}>Agent</th>
          <th scope="col" className={thClasses}>Team</th>
          <FigureHeads />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <EmptyRow columns={7}>No agent ran in this range.</EmptyRow>}
        {rows.map((row) => (
          <tr key={row.agent_id}>
            <td className={tdClasses}>
              <Link to={`/agents/${row.agent_id}/costs`} className="font-medium text-zinc-900 hover:underline">
                {row.name}
              </Link>
            </td>
            <td className={tdClasses}>{row.team ?? <span className="text-zinc-400">No team</span>}</td>
            <FigureCells figures={row.figures} />
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

/** Cost per model; runs that named no model are their own row. */
export function ModelCostTable({ rows, label = 'Cost by model' }: { rows: CostSummary['by_model']; label?: string }) {
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col" className={thClasses}>Model</th>
          <FigureHeads />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <EmptyRow columns={6}>No runs in this range.</EmptyRow>}
        {rows.map((row) => (
          <tr key={row.model ?? '(none)'}>
            <td className={tdClasses}>{row.model ? <code className="font-mono text-xs">{row.model}</code> : <span className="text-zinc-400">No model named</span>}</td>
            <FigureCells figures={row.figures} />
          </tr>
        ))}
      </tbody>
    </Table>
  )
}

function TeamDetail({ team, range }: { team: string; range: { from: string; to: string } }) {
  const costs = useTeamCosts(team, range, true)
  if (costs.isPending) return <Spinner label={`Loading team ${team}`} />
  if (costs.isError) return <p className="text-sm text-red-700">{errorText(costs.error)}</p>
  const agents = costs.data.agents as CostSummary['by_agent']
  return (
    <div className="space-y-3 py-2">
      <AgentCostTable rows={agents} />
      <ModelCostTable rows={costs.data.by_model} label={`Cost of team ${team} by model`} />
    </div>
  )
}

/** Cost per team; a named team opens in place with its agents and models (the by-team view). */
export function TeamCostTable({ rows, range }: { rows: CostSummary['by_team']; range: { from: string; to: string } }) {
  const [open, setOpen] = useState<string | null>(null)
  return (
    <Table label="Cost by team">
      <thead>
        <tr>
          <th scope="col" className={thClasses}>Team</th>
          <FigureHeads />
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && <EmptyRow columns={6}>No runs in this range.</EmptyRow>}
        {rows.map((row) => {
          const team = row.team
          const expanded = team !== null && team !== undefined && open === team
          return (
            <Fragment key={team ?? '(none)'}>
              <tr>
                <td className={tdClasses}>
                  {team ? (
                    <button
                      type="button"
                      aria-expanded={expanded}
                      onClick={() => setOpen(expanded ? null : team)}
                      className="inline-flex items-center gap-1 font-medium text-zinc-900 hover:underline"
                    >
                      {expanded ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
                      {team}
                    </button>
                  ) : (
                    <span className="pl-5 text-zinc-400">No team</span>
                  )}
                </td>
                <FigureCells figures={row.figures} />
              </tr>
              {expanded && (
                <tr>
                  <td colSpan={6} className="border-b border-zinc-100 bg-zinc-50/60 px-4">
                    <TeamDetail team={team} range={range} />
                  </td>
                </tr>
              )}
            </Fragment>
          )
        })}
      </tbody>
    </Table>
  )
}
