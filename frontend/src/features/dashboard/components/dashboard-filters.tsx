import { SelectField } from '@/components/ui/form'
import { SegmentedControl } from '@/components/ui/segmented-control'
import type { AgentSummary } from '@/features/dashboard/api/get-agent-health'
import { DASHBOARD_STATUSES, type DashboardParams } from '@/features/dashboard/lib/params'
import { TIME_RANGES, type TimeRange } from '@/lib/time-range'

/** Time range, agent and status of the dashboard; every change goes straight to the URL. */
export function DashboardFilters({
  params,
  agents,
  onChange,
}: {
  params: DashboardParams
  agents: AgentSummary[] | undefined
  onChange: (params: DashboardParams) => void
}) {
  const known = !params.agent_id || agents?.some((agent) => agent.id === params.agent_id)
  return (
    <div role="group" aria-label="Dashboard filters" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1.5">
        <span aria-hidden className="block text-sm font-medium text-zinc-800">
          Time range
        </span>
        <SegmentedControl
          label="Time range"
          options={TIME_RANGES.map((r) => ({ value: r.value, label: r.value }))}
          value={params.range}
          onChange={(range: TimeRange) => onChange({ ...params, range })}
        />
      </div>
      <SelectField label="Agent" value={params.agent_id} onChange={(e) => onChange({ ...params, agent_id: e.target.value })} fieldClassName="w-48">
        <option value="">All agents</option>
        {!known && <option value={params.agent_id}>{params.agent_id}</option>}
        {agents?.map((agent) => (
          <option key={agent.id} value={agent.id}>
            {agent.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Run status" value={params.status} onChange={(e) => onChange({ ...params, status: e.target.value })} fieldClassName="w-40">
        <option value="">Any status</option>
        {DASHBOARD_STATUSES.map((status) => (
          <option key={status} value={status}>
            {status}
          </option>
        ))}
      </SelectField>
    </div>
  )
}
