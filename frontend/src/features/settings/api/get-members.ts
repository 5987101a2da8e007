import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query'
import type { MemberStatus, Role } from '@/lib/closed-sets'
import { api, type Refine, type Schemas, unwrap } from '@/lib/api-client'

export type Member = Refine<Schemas['MemberResponse'], { user_id: string | null; full_name: string | null; role: Role; status: MemberStatus }>

export type MemberPage = { data: Member[]; page: Schemas['PageInfo'] }

export const MEMBERS_PAGE_SIZE = 50

export const getMembers = (cursor: string | null, signal?: AbortSignal): Promise<MemberPage> =>
  unwrap(api.GET('/api/v1/org-members', { params: { query: { limit: MEMBERS_PAGE_SIZE, cursor } }, signal })) as Promise<MemberPage>

export const membersQueryKey = ['org-members'] as const

export const membersQueryOptions = () =>
  infiniteQueryOptions({
    queryKey: membersQueryKey,
    queryFn: ({ pageParam, signal }) => getMembers(pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.page.next_cursor ?? undefined,
  })

export const useMembers = () => useInfiniteQuery(membersQueryOptions())
