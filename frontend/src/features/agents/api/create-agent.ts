import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Agent } from '@/features/agents/api/get-agents'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'
import { agentKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

/** `config` is any JSON object (the document types its values too narrowly). */
export type CreateAgentInput = Refine<Schemas['AgentCreateRequest'], { config?: Record<string, unknown> | null }>

/** POST /agents → 201; 409 `duplicate` when the slug is taken. */
export const createAgent = (input: CreateAgentInput): Promise<Agent> =>
  dataOf(api.POST('/api/v1/agents', { body: input as Schemas['AgentCreateRequest'] })) as Promise<Agent>

export function useCreateAgent(config?: MutationConfig<typeof createAgent>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: createAgent,
    onSuccess: (...args) => {
      const [agent] = args
      queryClient.setQueryData(agentKeys.detail(agent.id), agent)
      void queryClient.invalidateQueries({ queryKey: agentKeys.lists() })
      void queryClient.invalidateQueries({ queryKey: agentKeys.options() })
      return config?.onSuccess?.(...args)
    },
  })
}
