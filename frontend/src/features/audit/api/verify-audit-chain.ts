import { queryOptions, useQuery } from '@tanstack/react-query'
import { api, dataOf, type Refine, type Schemas } from '@/lib/api-client'

/** Result of re-hashing the audit chain: `first_broken_id` is the first entry whose hash does not match. */
export type ChainVerification = Refine<Schemas['ChainVerification'], { first_broken_id: string | null }>

export const verifyAuditChain = (signal?: AbortSignal): Promise<ChainVerification> =>
  dataOf(api.GET('/api/v1/audit-logs/verify', { signal })) as Promise<ChainVerification>

export const auditChainQueryOptions = () =>
  queryOptions({
    queryKey: ['audit-chain'],
    queryFn: ({ signal }) => verifyAuditChain(signal),
    // runs on demand (the button), never by itself: it reads the whole chain
    enabled: false,
    staleTime: 0,
    retry: false,
  })

export const useAuditChainVerification = () => useQuery(auditChainQueryOptions())
