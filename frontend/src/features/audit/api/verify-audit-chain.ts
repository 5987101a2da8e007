import { queryOptions, useQuery } from '@tanstack/react-query'
import { type Envelope, http } from '@/lib/http'

/** Result of re-hashing the audit chain: `first_broken_id` is the first entry whose hash does not match. */
export type ChainVerification = { valid: boolean; checked: number; first_broken_id: string | null }

export const verifyAuditChain = (signal?: AbortSignal): Promise<ChainVerification> =>
  http.get<Envelope<ChainVerification>>('/api/v1/audit-logs/verify', { signal }).then((body) => body.data)

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
