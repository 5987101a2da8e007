import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Agent } from '@/features/agents/api/get-agents'
import { type Envelope, http } from '@/lib/http'
import { agentKeys } from '@/lib/query-keys'
import type { MutationConfig } from '@/lib/react-query'

export type CreateAgentInput = {
  name: string
  slug?: string
  type?: string
  provider?: string
  team?: string
  tags?: string[]
  environment?: string
  config?: Record<string, unknown>
}

/** POST /agents → 201; 409 `duplicate` when the slug is taken. */
export const createAgent = (input: CreateAgentInput): Promise<Agent> =>
  http.post<Envelope<Agent>>('/api/v1/agents', input).then((body) => body.data)

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
