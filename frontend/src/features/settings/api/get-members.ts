import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { Role } from '@/lib/auth'
import { http, type ListEnvelope } from '@/lib/http'

export type Member = {
  id: string
  user_id: string | null
  email: string
  full_name: string | null
  role: Role
  teams: string[]
  status: 'active' | 'invited'
  created_at: string
}

export const MEMBERS_PAGE_SIZE = 50

export const getMembers = (cursor: string | null, signal?: AbortSignal): Promise<ListEnvelope<Member>> =>
  http.get<ListEnvelope<Member>>('/api/v1/org-members', { query: { limit: MEMBERS_PAGE_SIZE, cursor }, signal })

export const membersQueryKey = ['org-members'] as const

export const membersQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: membersQueryKey,
    queryFn: ({ pageParam, signal }) => getMembers(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useMembers = () => useInfiniteQuery(membersQueryOptions())
