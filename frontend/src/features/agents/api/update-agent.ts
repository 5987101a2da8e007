import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateAgentInput } from '@/features/agents/api/create-agent'
import type { Agent } from '@/features/agents/api/get-agents'
import { type Envelope, http } from '@/lib/http'
import { agentKeys, dashboardKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

export type AgentUpdate = Partial<Omit<CreateAgentInput, 'slug'>> & { status?: 'active' | 'paused' }

/** PATCH /agents/{id}: only the fields sent change; 409 `agent_archived` for an archived agent. */
export const updateAgent = ({ id, changes }: { id: string; changes: AgentUpdate }): Promise<Agent> =>
  http.patch<Envelope<Agent>>(`/api/v1/agents/${encodeURIComponent(id)}`, changes).then((body) => body.data)

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
