import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, useCallback, useContext, useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react'
import { api, dataOf, type Refine, type Schemas, unwrap } from '@/lib/api-client'
import type { Plan, Role } from '@/lib/closed-sets'
import { isApiError, session } from '@/lib/http'
import type { EndReason, Tokens } from '@/lib/token-session'

export const ROLE_LABELS: Record<Role, string> = { admin: 'Admin', team_lead: 'Team lead', member: 'Member', viewer: 'Viewer' }

export type User = Schemas['UserResponse']

export type Organization = Refine<Schemas['Organization'], { logo_url: string | null; plan: Plan; status?: string; created_at?: string }>

/** GET /auth/me */
export type Me = Refine<Schemas['MeResponse'], { organization: Organization; role: Role }>

/** What login, signup, MFA verification and accepting an invitation answer. */
export type SignInResult = Tokens & { user?: User; organization?: Organization }

export const meQueryKey = ['auth', 'me'] as const

export const meQueryOptions = () =>
  queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => dataOf(api.GET('/api/v1/auth/me', { signal })) as Promise<Me>,
    staleTime: 5 * 60_000,
    retry: (failures, error) => !isApiError(error) || (error.status >= 500 && failures < 2),
  })

export type AuthStatus = 'loading' | 'signed_in' | 'signed_out' | 'error'

type AuthContextValue = {
  status: AuthStatus
  /** True only while a stored session is being renewed on app load. */
  restoring: boolean
  /** The signed-in user, organization, role and permissions; null unless signed in. */
  me: Me | null
  /** Why the last session ended; null when none ended in this page's life. */
  endedBy: EndReason | null
  error: unknown
  retry(): void
  /** Starts a session from a sign-in answer and loads the user (resolves once /auth/me has answered). */
  signIn(result: SignInResult): Promise<Me>
  /** Revokes the refresh token on the server, then forgets the session here. */
  logout(): Promise<void>
}

const AuthContext = createContext<AuthContextValue | null>(null)

function logoutOnServer(refreshToken: string, accessToken: string | null): Promise<unknown> {
  // the session is being replaced: send the token it had, not the new one
  const headers = accessToken ? { Authorization: `Bearer ${accessToken}` } : undefined
  return unwrap(api.POST('/api/v1/auth/logout', { body: { refresh_token: refreshToken }, headers })).catch(() => undefined)
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient()
  const snapshot = useSyncExternalStore(session.subscribe, session.snapshot)

  useEffect(() => {
    void session.restore()
    const onStorage = (event: StorageEvent) => session.onStorageChange(event.key, event.newValue)
    window.addEventListener('storage', onStorage)
    return () => window.removeEventListener('storage', onStorage)
  }, [])

  // another user may sign in next in this tab: nothing of this organization stays in the cache
  useEffect(() => {
    if (snapshot.status === 'signed_out') queryClient.clear()
  }, [snapshot.status, queryClient])

  const me = useQuery({ ...meQueryOptions(), enabled: snapshot.status === 'signed_in' })

  const signIn = useCallback(
    async (result: SignInResult) => {
      const previousRefresh = session.refreshToken
      const previousAccess = session.currentAccessToken()
      // replacing another session (an invitation accepted while signed in): drop that user's data and token.
      // Signed out, the cache was already cleared, and what public pages loaded must not refetch.
      if (previousRefresh && previousRefresh !== result.refresh_token) {
        queryClient.clear()
        void logoutOnServer(previousRefresh, previousAccess)
      }
      session.start(result)
      return queryClient.fetchQuery(meQueryOptions())
    },
    [queryClient],
  )

  const logout = useCallback(async () => {
    try {
      const accessToken = await session.getAccessToken().catch(() => null)
      // read after getAccessToken: it may have rotated the refresh token
      const refreshToken = session.refreshToken
      if (refreshToken) await logoutOnServer(refreshToken, accessToken)
    } finally {
      session.end('logout')
    }
  }, [])

  const value = useMemo<AuthContextValue>(() => {
    let status: AuthStatus
    if (snapshot.status === 'restoring') status = 'loading'
    else if (snapshot.status === 'signed_out') status = 'signed_out'
    else if (me.data) status = 'signed_in'
    else if (me.isError) status = 'error'
    else status = 'loading'
    return {
      status,
      restoring: snapshot.status === 'restoring',
      me: status === 'signed_in' ? (me.data ?? null) : null,
      endedBy: snapshot.endedBy,
      error: me.error,
      retry: () => void me.refetch(),
      signIn,
      logout,
    }
  }, [snapshot, me, signIn, logout])

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext)
  if (!value) throw new Error('useAuth is used outside <AuthProvider>')
  return value
}

/** The signed-in user; only for components under the route guard. */
export function useMe(): Me {
  const { me } = useAuth()
  if (!me) throw new Error('useMe is used without a signed-in user')
  return me
}
