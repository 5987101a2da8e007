import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateAgentInput } from '@/features/agents/api/create-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import { api, dataOf, type Schemas } from '@/lib/api-client'
import { agentKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** Pausing and resuming go through the controls endpoints (with a reason), never through PATCH. */
export type AgentUpdate = Omit<CreateAgentInput, 'slug' | 'name'> & { name?: string }

/** PATCH /agents/{id}: only the fields sent change; 409 `agent_archived` for an archived agent. */
export const updateAgent = ({ id, changes }: { id: string; changes: AgentUpdate }): Promise<Agent> =>
  dataOf(api.PATCH('/api/v1/agents/{id}', { params: { path: { id } }, body: changes as Schemas['AgentUpdateRequest'] })) as Promise<Agent>

export function useUpdateAgent(config?: MutationConfig<typeof updateAgent>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: updateAgent,
    onSuccess: (...args) => {
      const [agent] = args
      queryClient.setQueryData(agentKeys.detail(agent.id), agent)
      void queryClient.invalidateQueries({ queryKey: agentKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: agentKeys.options() })
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.all })
      return config?.onSuccess?.(...args)
    },
  })
}
