import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { BudgetCreateBody, budgetUpdateBody } from '@/features/budgets/lib/budgets'
import type { BudgetChannel, BudgetPeriod, BudgetScope, BudgetState } from '@/lib/closed-sets'
import { api, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import { agentKeys, budgetKeys, controlKeys, costKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** A budget with where it stands in its current period; the closed sets as their unions. */
export type Budget = Refine<
  Schemas['BudgetResponse'],
  {
    scope: BudgetScope
    period: BudgetPeriod
    channels: BudgetChannel[]
    team_name: string | null
    agent_id: string | null
    auto_pause_at_percent: number | null
    status: Refine<Schemas['BudgetStatus'], { state: BudgetState; period_end: string | null; forecast_usd: number | null }>
  }
>

export type BudgetAlert = Refine<Schemas['BudgetAlertResponse'], { kind: 'threshold' | 'auto_pause'; period_end: string | null; notified_at: string | null }>

/** GET /budgets: every budget of the organization (at most 200, one page). */
export const getBudgets = (signal?: AbortSignal): Promise<Budget[]> =>
  unwrap(api.GET('/api/v1/budgets', { signal })).then((page) => page.data as Budget[])

export const budgetsQueryOptions = () =>
  queryOptions({
    queryKey: budgetKeys.list(),
    queryFn: ({ signal }) => getBudgets(signal),
    // spend moves with every run; live events refresh it, the interval covers a tab without the stream
    refetchInterval: 60_000,
  })

export const useBudgets = () => useQuery(budgetsQueryOptions())

export const ALERTS_PAGE_SIZE = 50

/** The latest alerts of a budget, newest first (older periods included). */
export const useBudgetAlerts = (id: string, enabled = true) =>
  useQuery({
    queryKey: budgetKeys.alerts(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/budgets/{id}/alerts', { params: { path: { id }, query: { limit: ALERTS_PAGE_SIZE } }, signal })).then(
        (page) => page.data as BudgetAlert[],
      ),
    enabled,
  })

const refreshAfterChange = (queryClient: ReturnType<typeof useQueryClient>) => {
  for (const queryKey of [budgetKeys.all, costKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
}

export const createBudget = (body: BudgetCreateBody) => dataOf(api.POST('/api/v1/budgets', { body })) as Promise<Budget>

export function useCreateBudget(config?: MutationConfig<typeof createBudget>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: createBudget,
    onSuccess: (...args) => {
      refreshAfterChange(queryClient)
      return config?.onSuccess?.(...args)
    },
  })
}

export const updateBudget = ({ id, body }: { id: string; body: ReturnType<typeof budgetUpdateBody> }) =>
  dataOf(api.PATCH('/api/v1/budgets/{id}', { params: { path: { id } }, body })) as Promise<Budget>

export function useUpdateBudget(config?: MutationConfig<typeof updateBudget>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: updateBudget,
    onSuccess: (...args) => {
      refreshAfterChange(queryClient)
      return config?.onSuccess?.(...args)
    },
  })
}

export const deleteBudget = (id: string) => unwrap(api.DELETE('/api/v1/budgets/{id}', { params: { path: { id } } })).then(() => id)

export function useDeleteBudget(config?: MutationConfig<typeof deleteBudget>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: deleteBudget,
    onSuccess: (...args) => {
      refreshAfterChange(queryClient)
      return config?.onSuccess?.(...args)
    },
  })
}

/**
 * Resumes the agents a budget paused, one POST /controls/resume-agent/{id} each (the controls path, audited with
 * the reason). Returns how many were resumed and the failures, so a partial success is reported as such.
 */
export async function resumeBudgetAgents({ agentIds, reason }: { agentIds: string[]; reason: string }) {
  const results = await Promise.allSettled(
    agentIds.map((id) => dataOf(api.POST('/api/v1/controls/resume-agent/{id}', { params: { path: { id } }, body: { reason } }))),
  )
  const failed = results.flatMap((result, index) => (result.status === 'rejected' ? [{ agentId: agentIds[index], error: result.reason as unknown }] : []))
  return { resumed: agentIds.length - failed.length, failed }
}

export function useResumeBudgetAgents(config?: MutationConfig<typeof resumeBudgetAgents>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: resumeBudgetAgents,
    onSuccess: (...args) => {
      for (const queryKey of [controlKeys.all, agentKeys.all, dashboardKeys.all]) void queryClient.invalidateQueries({ queryKey })
      return config?.onSuccess?.(...args)
    },
  })
}

export type AgentChoice = { id: string; name: string; team: string | null; status: string }

/** The agents for the scope pickers (and their teams): archived ones left out, at most 200. */
export const useAgentChoices = () =>
  useQuery({
    queryKey: agentKeys.choices(),
    queryFn: ({ signal }) =>
      unwrap(api.GET('/api/v1/agents', { params: { query: { limit: 200 } }, signal })).then((page) =>
        page.data.map(({ id, name, team, status }) => ({ id, name, team: team ?? null, status: String(status ?? '') }) satisfies AgentChoice),
      ),
    staleTime: 60_000,
  })
