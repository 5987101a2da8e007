import { beforeEach, describe, expect, it, vi } from 'vitest'
import { REFRESH_TOKEN_KEY, refreshDelayMs, RETRY_REFRESH_MS, type Tokens, TokenSession } from '@/lib/token-session'

class Fatal extends Error {}

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  }
}

/** A clock and timers under the test's control. */
function fakeClock() {
  let now = 1_000_000
  let timers: Array<{ at: number; fn: () => void; id: number }> = []
  let nextId = 1
  return {
    now: () => now,
    setTimer: (fn: () => void, ms: number) => {
      const id = nextId++
      timers.push({ at: now + ms, fn, id })
      return id
    },
    clearTimer: (id: unknown) => {
      timers = timers.filter((t) => t.id !== id)
    },
    pending: () => timers.map((t) => t.at - now),
    async advance(ms: number) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const timer of due) timer.fn()
      await flush()
    },
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const tokens = (n: number, expiresIn = 900): Tokens => ({ access_token: `access-${n}`, refresh_token: `refresh-${n}`, expires_in: expiresIn })

function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

function setup(options: { stored?: string; refresh?: (token: string) => Promise<Tokens> } = {}) {
  const storage = memoryStorage(options.stored ? { [REFRESH_TOKEN_KEY]: options.stored } : {})
  const clock = fakeClock()
  let issued = 1
  const refresh = vi.fn(options.refresh ?? (async () => tokens(++issued)))
  const session = new TokenSession({
    refresh,
    isFatal: (error) => error instanceof Fatal,
    storage,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
  })
  return { session, storage, clock, refresh }
}

describe('refreshDelayMs', () => {
  it('renews a 15-minute token a minute before it expires', () => {
    expect(refreshDelayMs(900)).toBe(840_000)
  })

  it('renews short-lived tokens at half their life', () => {
    expect(refreshDelayMs(60)).toBe(30_000)
    expect(refreshDelayMs(100)).toBe(50_000)
  })

  it('never schedules sooner than a second', () => {
    expect(refreshDelayMs(0)).toBe(1_000)
  })
})

describe('TokenSession', () => {
  let ctx: ReturnType<typeof setup>
  beforeEach(() => {
    ctx = setup()
  })

  it('keeps the access token in memory and only the refresh token in storage', () => {
    ctx.session.start(tokens(1))
    expect(ctx.session.currentAccessToken()).toBe('access-1')
    expect([...ctx.storage.data.entries()]).toEqual([[REFRESH_TOKEN_KEY, 'refresh-1']])
    expect(ctx.session.snapshot()).toEqual({ status: 'signed_in', endedBy: null })
  })

  it('refreshes 60 s before expiry with the stored refresh token', async () => {
    ctx.session.start(tokens(1, 900))
    expect(ctx.clock.pending()).toEqual([840_000])
    await ctx.clock.advance(839_999)
    expect(ctx.refresh).not.toHaveBeenCalled()
    await ctx.clock.advance(1)
    expect(ctx.refresh).toHaveBeenCalledExactlyOnceWith('refresh-1')
    expect(ctx.session.currentAccessToken()).toBe('access-2')
    expect(ctx.storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-2')
    expect(ctx.clock.pending()).toEqual([840_000])
  })

  it('shares one refresh call between concurrent callers', async () => {
    const pending = deferred<Tokens>()
    ctx = setup({ refresh: () => pending.promise })
    ctx.session.start(tokens(1))
    const results = Promise.all([ctx.session.refresh(), ctx.session.refresh(), ctx.session.refreshAfterRejection('access-1')])
    pending.resolve(tokens(2))
    expect(await results).toEqual(['access-2', 'access-2', 'access-2'])
    expect(ctx.refresh).toHaveBeenCalledTimes(1)
  })

  it('starts a new refresh once the previous one has finished', async () => {
    ctx.session.start(tokens(1))
    await ctx.session.refresh()
    await ctx.session.refresh()
    expect(ctx.refresh.mock.calls).toEqual([['refresh-1'], ['refresh-2']])
  })

  it('does not refresh again for a request rejected with a token that was already replaced', async () => {
    ctx.session.start(tokens(1))
    await ctx.session.refresh()
    expect(await ctx.session.refreshAfterRejection('access-1')).toBe('access-2')
    expect(ctx.refresh).toHaveBeenCalledTimes(1)
  })

  it('refreshes first when asked for an expired access token', async () => {
    ctx.session.start(tokens(1, 900))
    ctx.clock.clearTimer(1)
    await ctx.clock.advance(900_000)
    expect(ctx.session.currentAccessToken()).toBeNull()
    expect(await ctx.session.getAccessToken()).toBe('access-2')
  })

  it('ends the session when the refresh token is refused', async () => {
    ctx = setup({
      refresh: async () => {
        throw new Fatal('dead')
      },
    })
    const seen: string[] = []
    ctx.session.subscribe(() => seen.push(ctx.session.snapshot().status))
    ctx.session.start(tokens(1))
    expect(await ctx.session.refresh()).toBeNull()
    expect(ctx.session.snapshot()).toEqual({ status: 'signed_out', endedBy: 'expired' })
    expect(ctx.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(ctx.session.currentAccessToken()).toBeNull()
    expect(seen).toEqual(['signed_in', 'signed_out'])
  })

  it('keeps the session on a transient failure and tries again later', async () => {
    let calls = 0
    ctx = setup({
      refresh: async () => {
        calls += 1
        if (calls === 1) throw new Error('network down')
        return tokens(2)
      },
    })
    ctx.session.start(tokens(1))
    await expect(ctx.session.refresh()).rejects.toThrow('network down')
    expect(ctx.session.snapshot().status).toBe('signed_in')
    expect(ctx.storage.getItem(REFRESH_TOKEN_KEY)).toBe('refresh-1')
    expect(ctx.clock.pending()).toEqual([RETRY_REFRESH_MS])
    await ctx.clock.advance(RETRY_REFRESH_MS)
    expect(ctx.session.currentAccessToken()).toBe('access-2')
  })

  it('restores a stored session on load', async () => {
    ctx = setup({ stored: 'refresh-1' })
    expect(ctx.session.snapshot().status).toBe('restoring')
    await ctx.session.restore()
    expect(ctx.refresh).toHaveBeenCalledExactlyOnceWith('refresh-1')
    expect(ctx.session.snapshot()).toEqual({ status: 'signed_in', endedBy: null })
    expect(ctx.session.currentAccessToken()).toBe('access-2')
  })

  it('is signed out on load without a stored refresh token, and calls nobody', async () => {
    expect(ctx.session.snapshot().status).toBe('signed_out')
    await ctx.session.restore()
    expect(ctx.refresh).not.toHaveBeenCalled()
    expect(await ctx.session.getAccessToken()).toBeNull()
  })

  it('says when the renewal of a stored session has been sent, before its answer', async () => {
    const pending = deferred<Tokens>()
    ctx = setup({ stored: 'refresh-1', refresh: () => pending.promise })
    const sent = ctx.session.restoreSent()
    let isSent = false
    void sent.then(() => (isSent = true))
    await flush()
    expect(isSent).toBe(false)
    const restored = ctx.session.restore()
    await sent
    expect(ctx.session.snapshot().status).toBe('restoring')
    pending.resolve(tokens(2))
    await restored
    expect(ctx.session.snapshot().status).toBe('signed_in')
    await ctx.session.restoreSent()
  })

  it('has nothing to send without a stored session, or once the renewal has failed', async () => {
    await ctx.session.restoreSent()
    ctx = setup({ stored: 'refresh-1', refresh: () => Promise.reject(new Fatal('revoked')) })
    const sent = ctx.session.restoreSent()
    await ctx.session.restore()
    await sent
    expect(ctx.session.snapshot().status).toBe('signed_out')
  })

  it('restores only once when asked twice (React StrictMode runs effects twice)', async () => {
    ctx = setup({ stored: 'refresh-1' })
    await Promise.all([ctx.session.restore(), ctx.session.restore()])
    expect(ctx.refresh).toHaveBeenCalledTimes(1)
  })

  it('stops renewing after logout', async () => {
    ctx.session.start(tokens(1))
    ctx.session.end('logout')
    await ctx.clock.advance(3_600_000)
    expect(ctx.refresh).not.toHaveBeenCalled()
    expect(ctx.session.snapshot()).toEqual({ status: 'signed_out', endedBy: 'logout' })
    expect(ctx.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
  })

  it('drops the answer of a refresh that finishes after logout', async () => {
    const pending = deferred<Tokens>()
    ctx = setup({ refresh: () => pending.promise })
    ctx.session.start(tokens(1))
    const result = ctx.session.refresh()
    ctx.session.end('logout')
    pending.resolve(tokens(2))
    expect(await result).toBeNull()
    expect(ctx.storage.getItem(REFRESH_TOKEN_KEY)).toBeNull()
    expect(ctx.session.snapshot().status).toBe('signed_out')
  })

  it('signs out when another tab logs out', () => {
    ctx.session.start(tokens(1))
    ctx.session.onStorageChange(REFRESH_TOKEN_KEY, null)
    expect(ctx.session.snapshot()).toEqual({ status: 'signed_out', endedBy: 'logout' })
    expect(ctx.session.currentAccessToken()).toBeNull()
  })

  it('ignores another tab rotating the refresh token', () => {
    ctx.session.start(tokens(1))
    ctx.session.onStorageChange(REFRESH_TOKEN_KEY, 'refresh-9')
    expect(ctx.session.snapshot().status).toBe('signed_in')
  })
})
