import { queryOptions, useQuery } from '@tanstack/react-query'
import { type CostRange, rangeInstants } from '@/features/costs/lib/costs'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import { costKeys } from '@/lib/query-keys'

export type CostSummary = Schemas['CostSummary']
export type AgentCosts = Schemas['AgentCosts']
export type TeamCosts = Schemas['TeamCosts']
export type CostFigures = Schemas['CostFigures']

/** The range as a query key: the preset or the days, never the instants (they move with the clock). */
const keyOf = (range: CostRange): Record<string, string> => (range.kind === 'preset' ? { preset: range.preset } : { from: range.from, to: range.to })

/** Cost figures come from hourly rollups: a minute old is fresh enough, and the page has a refresh button. */
const STALE_MS = 60_000

export const costSummaryQueryOptions = (range: CostRange) =>
  queryOptions({
    queryKey: costKeys.summary(keyOf(range)),
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/costs/summary', { params: { query: rangeInstants(range) }, signal })),
    staleTime: STALE_MS,
  })

export const useCostSummary = (range: CostRange) => useQuery(costSummaryQueryOptions(range))

export const useAgentCosts = (agentId: string, range: CostRange) =>
  useQuery({
    queryKey: costKeys.agent(agentId, keyOf(range)),
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/v1/costs/by-agent/{id}', { params: { path: { id: agentId }, query: rangeInstants(range) }, signal })) as Promise<AgentCosts>,
    staleTime: STALE_MS,
  })

/** One team's agents and models; `enabled` once the row is opened. */
export const useTeamCosts = (team: string, range: { from: string; to: string }, enabled: boolean) =>
  useQuery({
    queryKey: costKeys.team(team, range),
    queryFn: ({ signal }) =>
      dataOf(api.GET('/api/v1/costs/by-team/{name}', { params: { path: { name: team }, query: range }, signal })) as Promise<TeamCosts>,
    staleTime: STALE_MS,
    enabled,
  })
