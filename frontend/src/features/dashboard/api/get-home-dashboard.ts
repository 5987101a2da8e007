import { queryOptions, useQuery } from '@tanstack/react-query'
import type { DashboardParams } from '@/features/dashboard/lib/params'
import { type Envelope, http } from '@/lib/http'
import { dashboardKeys } from '@/lib/query-keys'
import { timeWindow } from '@/lib/time-range'

export type HomeKpis = {
  runs: number
  errors: number
  /** 0..1 */
  error_rate: number
  cost_usd: number
  active_agents: number
}

export type AttentionReason = 'error_rate' | 'paused' | 'budget'

/** GET /dashboard/home (API.md "Dashboard payloads"). */
export type HomeDashboard = {
  range: { from: string; to: string; bucket: string }
  kpis: HomeKpis & { previous?: Partial<HomeKpis> }
  series: Array<{ bucket: string; runs: number; errors: number; cost_usd: number }>
  top_agents: Array<{ agent_id: string; name: string; runs: number; error_rate: number; cost_usd: number }>
  cost_by_model: Array<{ model: string | null; cost_usd: number }>
  cost_by_agent: Array<{ agent_id: string; name: string; cost_usd: number }>
  attention: Array<{ agent_id: string; reason: AttentionReason | string; name?: string; detail?: string }>
}

export const getHomeDashboard = ({ range, agent_id, status }: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>, signal?: AbortSignal) =>
  http
    .get<Envelope<HomeDashboard>>('/api/v1/dashboard/home', { query: { ...timeWindow(range), agent_id, status }, signal })
    .then((body) => body.data)

export const homeDashboardQueryOptions = (params: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>) =>
  queryOptions({
    queryKey: dashboardKeys.home({ range: params.range, agent_id: params.agent_id, status: params.status }),
    queryFn: ({ signal }) => getHomeDashboard(params, signal),
  })

export const useHomeDashboard = (params: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>, { pollMs }: { pollMs?: number } = {}) =>
  useQuery({ ...homeDashboardQueryOptions(params), refetchInterval: pollMs ?? false })
