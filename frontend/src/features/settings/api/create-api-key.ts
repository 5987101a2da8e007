import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type ApiKeyScope, apiKeysQueryKey } from '@/features/settings/api/get-api-keys'
import { type Envelope, http } from '@/lib/http'
import type { MutationConfig } from '@/lib/react-query'

export type CreateApiKeyInput = { name: string; scopes: ApiKeyScope[]; expires_at?: string }

/** The answer of a creation: the only time the full key (`aoh_...`) is ever sent. */
export type CreatedApiKey = {
  id: string
  name: string
  key: string
  prefix: string
  scopes: string[]
  expires_at: string | null
  created_at: string
}

export const createApiKey = (input: CreateApiKeyInput): Promise<CreatedApiKey> =>
  http.post<Envelope<CreatedApiKey>>('/api/v1/api-keys', input).then((body) => body.data)

export function useCreateApiKey(config?: MutationConfig<typeof createApiKey>) {
  const queryClient = useQueryClient()
  return useMutation({
    ...config,
    mutationFn: createApiKey,
    // the secret must not linger in the mutation cache once the dialog is closed
    gcTime: 0,
    onSuccess: (...args) => {
      // refetch instead of inserting the answer: the list's cache never holds a key
      void queryClient.invalidateQueries({ queryKey: apiKeysQueryKey })
      return config?.onSuccess?.(...args)
    },
  })
}
