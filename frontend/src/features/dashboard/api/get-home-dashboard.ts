import { queryOptions, useQuery } from '@tanstack/react-query'
import type { DashboardParams } from '@/features/dashboard/lib/params'
import { api, compact, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import type { AttentionReason, RunStatus } from '@/lib/closed-sets'
import { dashboardKeys } from '@/lib/query-keys'
import { timeWindow } from '@/lib/time-range'

export type HomeKpis = Omit<Schemas['DashboardKpis'], 'previous' | 'latency_p50_ms' | 'latency_p95_ms'>

/** GET /dashboard/home (API.md "Dashboard payloads"). */
export type HomeDashboard = Refine<
  Schemas['DashboardHome'],
  {
    kpis: HomeKpis & { previous?: Partial<HomeKpis> }
    series: Array<Pick<Schemas['DashboardPoint'], 'bucket' | 'runs' | 'errors' | 'cost_usd'>>
    cost_by_model: Array<{ model: string | null; cost_usd: number }>
    attention: Array<Refine<Schemas['DashboardAttention'], { reason: AttentionReason | string; name?: string; detail?: string }>>
  }
>

export const getHomeDashboard = ({ range, agent_id, status }: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>, signal?: AbortSignal) =>
  dataOf(api.GET('/api/v1/dashboard/home', { params: { query: compact({ ...timeWindow(range), agent_id, status: status as RunStatus | '' }) }, signal })) as Promise<HomeDashboard>

export const homeDashboardQueryOptions = (params: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>) =>
  queryOptions({
    queryKey: dashboardKeys.home({ range: params.range, agent_id: params.agent_id, status: params.status }),
    queryFn: ({ signal }) => getHomeDashboard(params, signal),
  })

export const useHomeDashboard = (params: Pick<DashboardParams, 'range' | 'agent_id' | 'status'>, { pollMs }: { pollMs?: number } = {}) =>
  useQuery({ ...homeDashboardQueryOptions(params), refetchInterval: pollMs ?? false })
