/**
 * The signed-in session's tokens, outside React: the access token lives in memory only, the refresh token in
 * storage (so a reload stays signed in). The access token is renewed shortly before it expires and whenever the
 * API rejects it; concurrent renewals share one refresh call, because refresh tokens are single use (a second
 * call with the same token would fail and end the session).
 */

export type Tokens = { access_token: string; refresh_token: string; expires_in: number }

export type SessionStatus = 'restoring' | 'signed_in' | 'signed_out'
/** Why the last session ended: the user logged out, or it could not be renewed. */
export type EndReason = 'logout' | 'expired'
export type SessionSnapshot = { status: SessionStatus; endedBy: EndReason | null }

export const REFRESH_TOKEN_KEY = 'agentops.refresh_token'

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export type TokenSessionDeps = {
  /** POST /auth/refresh-token. */
  refresh(refreshToken: string): Promise<Tokens>
  /** True when a failed refresh means the refresh token is dead (4xx), false for transient failures. */
  isFatal(error: unknown): boolean
  storage: KeyValueStorage
  now?: () => number
  setTimer?: (fn: () => void, ms: number) => unknown
  clearTimer?: (handle: unknown) => void
  /** Serialises refreshes across browser tabs (Web Locks); runs `fn` directly when absent. */
  lock?: <T>(fn: () => Promise<T>) => Promise<T>
}

/** Renew a minute before expiry; for short-lived tokens (≤ 2 min) at half their life. */
export function refreshDelayMs(expiresInSeconds: number): number {
  return Math.max(1_000, Math.max(expiresInSeconds - 60, expiresInSeconds / 2) * 1_000)
}

/** Retry delay after a transient refresh failure (network down, 5xx, 429). */
export const RETRY_REFRESH_MS = 15_000
/** An access token this close to its expiry is not sent any more. */
const EXPIRY_MARGIN_MS = 5_000

export class TokenSession {
  private readonly deps: Required<Omit<TokenSessionDeps, 'lock'>> & Pick<TokenSessionDeps, 'lock'>
  private accessToken: string | null = null
  private expiresAt = 0
  private timer: unknown = null
  private inflight: Promise<string | null> | null = null
  private restoring: Promise<void> | null = null
  /** Resolves restoreSent()'s promise; null when nobody waits or it has resolved. */
  private sent: { promise: Promise<void>; resolve: () => void } | null = null
  private state: SessionSnapshot
  private readonly listeners = new Set<() => void>()

  constructor(deps: TokenSessionDeps) {
    this.deps = {
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      ...deps,
    }
    this.state = { status: this.storedRefreshToken() ? 'restoring' : 'signed_out', endedBy: null }
  }

  snapshot = (): SessionSnapshot => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  get refreshToken(): string | null {
    return this.storedRefreshToken()
  }

  /** The access token when it is still good, without refreshing. */
  currentAccessToken(): string | null {
    return this.accessToken && this.deps.now() < this.expiresAt - EXPIRY_MARGIN_MS ? this.accessToken : null
  }

  /** After login, signup, MFA verification or accepting an invitation. */
  start(tokens: Tokens): void {
    this.accept(tokens)
    this.setState({ status: 'signed_in', endedBy: null })
  }

  /** On app load: a stored refresh token becomes a session, or the user is signed out. Idempotent. */
  restore(): Promise<void> {
    if (this.state.status !== 'restoring') return Promise.resolve()
    this.restoring ??= this.refresh()
      .then(
        (token) => {
          if (!token && this.state.status === 'restoring') this.setState({ status: 'signed_out', endedBy: null })
        },
        // unreachable server: signed out for now, the refresh token stays for the next load
        () => {
          if (this.state.status === 'restoring') this.setState({ status: 'signed_out', endedBy: null })
        },
      )
      .finally(() => {
        this.restoring = null
        this.markSent()
      })
    return this.restoring
  }

  /**
   * Resolves once restore() has sent its renewal, or has nothing to send. The request waits for the cross-tab lock,
   * which answers in a later task: main.tsx waits for this before evaluating the app, so that task does not queue
   * behind the app's modules, React's first render and the first page's chunks.
   */
  restoreSent(): Promise<void> {
    if (this.state.status !== 'restoring') return Promise.resolve()
    if (!this.sent) {
      let resolve!: () => void
      const promise = new Promise<void>((res) => {
        resolve = res
      })
      this.sent = { promise, resolve }
    }
    return this.sent.promise
  }

  getAccessToken = async (): Promise<string | null> => {
    const current = this.currentAccessToken()
    if (current) return current
    if (this.state.status === 'signed_out' || !this.storedRefreshToken()) return null
    return this.refresh()
  }

  refreshAfterRejection = (staleToken: string | null): Promise<string | null> => {
    // another request already renewed the token this one was sent with
    const current = this.currentAccessToken()
    if (current && current !== staleToken) return Promise.resolve(current)
    return this.refresh()
  }

  /**
   * One refresh at a time: callers arriving while one runs get its result. Resolves to the new access token,
   * or null when the session has ended; rejects on transient failures (the session stays).
   */
  refresh(): Promise<string | null> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = null
    })
    return this.inflight
  }

  /** Forgets the tokens (the API call for logout is the caller's). */
  end(reason: EndReason): void {
    this.cancelTimer()
    this.accessToken = null
    this.expiresAt = 0
    this.deps.storage.removeItem(REFRESH_TOKEN_KEY)
    if (this.state.status !== 'signed_out' || this.state.endedBy !== reason) this.setState({ status: 'signed_out', endedBy: reason })
  }

  /** Another tab removed or replaced the refresh token (storage event). */
  onStorageChange(key: string | null, newValue: string | null): void {
    if ((key === REFRESH_TOKEN_KEY || key === null) && newValue === null && this.state.status === 'signed_in') {
      this.cancelTimer()
      this.accessToken = null
      this.expiresAt = 0
      this.setState({ status: 'signed_out', endedBy: 'logout' })
    }
  }

  private async runRefresh(): Promise<string | null> {
    const work = async () => {
      // read inside the lock: another tab may have rotated the token while this one waited
      const refreshToken = this.storedRefreshToken()
      if (!refreshToken) return null
      try {
        const call = this.deps.refresh(refreshToken)
        this.markSent()
        const tokens = await call
        // the user logged out while the call ran
        if (this.storedRefreshToken() !== refreshToken) return null
        this.accept(tokens)
        return tokens.access_token
      } catch (error) {
        if (this.deps.isFatal(error)) {
          if (this.storedRefreshToken() === refreshToken) this.end('expired')
          return null
        }
        if (this.state.status === 'signed_in') this.schedule(RETRY_REFRESH_MS)
        throw error
      }
    }
    const token = await (this.deps.lock ? this.deps.lock(work) : work())
    if (token && this.state.status !== 'signed_in') this.setState({ status: 'signed_in', endedBy: null })
    return token
  }

  private markSent(): void {
    this.sent?.resolve()
    this.sent = null
  }

  private accept(tokens: Tokens): void {
    this.accessToken = tokens.access_token
    this.expiresAt = this.deps.now() + tokens.expires_in * 1_000
    this.deps.storage.setItem(REFRESH_TOKEN_KEY, tokens.refresh_token)
    this.schedule(refreshDelayMs(tokens.expires_in))
  }

  private schedule(ms: number): void {
    this.cancelTimer()
    this.timer = this.deps.setTimer(() => {
      this.timer = null
      // failures are handled in runRefresh (session ended, or a retry scheduled)
      this.refresh().catch(() => {})
    }, ms)
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer)
    this.timer = null
  }

  private storedRefreshToken(): string | null {
    try {
      return this.deps.storage.getItem(REFRESH_TOKEN_KEY)
    } catch {
      return null
    }
  }

  private setState(next: SessionSnapshot): void {
    this.state = next
    for (const listener of [...this.listeners]) listener()
  }
}

/** localStorage when the browser allows it, else memory (private modes, tests). */
export function browserStorage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') {
      localStorage.getItem(REFRESH_TOKEN_KEY)
      return localStorage
    }
  } catch {
    // storage disabled
  }
  const memory = new Map<string, string>()
  return {
    getItem: (key) => memory.get(key) ?? null,
    setItem: (key, value) => void memory.set(key, value),
    removeItem: (key) => void memory.delete(key),
  }
}

/** Web Locks across tabs of this origin, when the browser has them. */
export function webLock(): (<T>(fn: () => Promise<T>) => Promise<T>) | undefined {
  if (typeof navigator === 'undefined' || !navigator.locks) return undefined
  return <T,>(fn: () => Promise<T>) => navigator.locks.request('agentops.refresh', fn) as Promise<T>
}
