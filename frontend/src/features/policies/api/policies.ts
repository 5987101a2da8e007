import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import { policyKeys } from '@/lib/query-keys'

export type PolicyStatus = 'active' | 'shadow' | 'disabled'
export type Policy = Refine<Schemas['Policy'], { status: PolicyStatus; description: string | null; rule_definition: Record<string, unknown> }>
export type PolicyTemplate = Refine<Schemas['PolicyTemplate'], { description: string | null; rule_definition: Record<string, unknown> }>
export type PolicyVersion = Refine<Schemas['PolicyVersion'], { rule_definition: Record<string, unknown>; created_by: string | null }>
export type PolicyEvaluation = Schemas['PolicyEvaluation']
export type PolicyBacktest = Schemas['PolicyBacktest']

type Rule = Record<string, unknown>
// the generated schema types rule objects as maps of objects; the API takes any JSON values there
const asRule = (rule: Rule) => rule as Record<string, Record<string, never>>

export const usePolicies = () =>
  useQuery({
    queryKey: policyKeys.list(),
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/policies', { signal })) as Promise<Policy[]>,
    refetchInterval: 60_000,
  })

export const usePolicyTemplates = () =>
  useQuery({
    queryKey: policyKeys.templates(),
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/policies/templates', { signal })) as Promise<PolicyTemplate[]>,
    staleTime: Infinity,
  })

export const usePolicyVersions = (id: string) =>
  useQuery({
    queryKey: policyKeys.versions(id),
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/policies/{id}/versions', { params: { path: { id } }, signal })) as Promise<PolicyVersion[]>,
  })

export type PolicyInput = { name: string; description: string | null; rule_definition: Rule; status: PolicyStatus }

export function useSavePolicy(options: { onSuccess?: (policy: Policy) => void } = {}) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: PolicyInput }) => {
      const body = { ...input, rule_definition: asRule(input.rule_definition) }
      return (
        id
          ? dataOf(api.PATCH('/api/v1/policies/{id}', { params: { path: { id } }, body }))
          : dataOf(api.POST('/api/v1/policies', { body }))
      ) as Promise<Policy>
    },
    onSuccess: (policy) => {
      void queryClient.invalidateQueries({ queryKey: policyKeys.all })
      options.onSuccess?.(policy)
    },
  })
}

export function useDeactivatePolicy() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async (id: string) => {
      await unwrap(api.DELETE('/api/v1/policies/{id}', { params: { path: { id } } }))
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: policyKeys.all }),
  })
}

export const useEvaluatePolicy = () =>
  useMutation({
    mutationFn: ({ id, context, rule }: { id: string; context: Rule; rule: Rule | null }) =>
      dataOf(
        api.POST('/api/v1/policies/{id}/evaluate', {
          params: { path: { id } },
          body: { context: asRule(context), rule_definition: rule ? asRule(rule) : null },
        }),
      ) as Promise<PolicyEvaluation>,
  })

export const useBacktestPolicy = () =>
  useMutation({
    mutationFn: ({ id, from, to, rule }: { id: string; from: string | null; to: string | null; rule: Rule | null }) =>
      dataOf(
        api.POST('/api/v1/policies/{id}/backtest', { params: { path: { id } }, body: { from, to, rule_definition: rule ? asRule(rule) : null } }),
      ) as Promise<PolicyBacktest>,
  })
