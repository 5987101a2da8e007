import { describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  type AuthHooks,
  createHttp,
  errorFromResponse,
  fieldErrorsOf,
  parseRetryAfter,
  withQuery,
} from '@/lib/http'
import { REFRESH_TOKEN_KEY, type Tokens, TokenSession } from '@/lib/token-session'

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', 'X-Request-Id': 'req-1', ...headers },
  })

const envelope = (code: string, error = 'Nope.', details: Record<string, unknown> = {}) => ({ error, code, details, request_id: 'req-1' })

type Call = { url: string; method: string; authorization: string | null; body: unknown }

/** A fetch that answers from `respond` and records what it was sent. */
function fakeFetch(respond: (call: Call, index: number) => Response | Promise<Response>) {
  const calls: Call[] = []
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const text = await request.text()
    const call: Call = {
      url: request.url,
      method: request.method,
      authorization: request.headers.get('Authorization'),
      body: text ? JSON.parse(text) : undefined,
    }
    calls.push(call)
    return respond(call, calls.length - 1)
  })
  return { fetch: fetch as unknown as typeof globalThis.fetch, calls }
}

const staticAuth = (token: string, refreshed: string | null = 'fresh'): AuthHooks & { refreshes: number } => {
  const hooks = {
    refreshes: 0,
    getAccessToken: async () => token,
    refreshAfterRejection: async () => {
      hooks.refreshes += 1
      return refreshed
    },
  }
  return hooks
}

describe('createHttp', () => {
  it('sends JSON with the bearer token and returns the parsed body', async () => {
    const { fetch, calls } = fakeFetch(() => json(201, { data: { id: 'k1' } }))
    const http = createHttp({ baseUrl: 'https://api.test', fetch, auth: staticAuth('tok') })
    expect(await http.post('/api/v1/api-keys', { name: 'ci' })).toEqual({ data: { id: 'k1' } })
    expect(calls).toEqual([{ url: 'https://api.test/api/v1/api-keys', method: 'POST', authorization: 'Bearer tok', body: { name: 'ci' } }])
  })

  it('sends no token to public endpoints', async () => {
    const { fetch, calls } = fakeFetch(() => json(200, { data: {} }))
    await createHttp({ baseUrl: '', fetch, auth: staticAuth('tok') }).post('/api/v1/auth/login', {}, { auth: false })
    expect(calls[0].authorization).toBeNull()
  })

  it('answers undefined for 204', async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 204 }))
    expect(await createHttp({ baseUrl: '', fetch }).delete('/api/v1/api-keys/1')).toBeUndefined()
  })

  it('throws the error envelope as an ApiError', async () => {
    const { fetch } = fakeFetch(() => json(409, envelope('last_admin', 'The organization needs at least one admin.')))
    const error = await createHttp({ baseUrl: '', fetch }).delete('/api/v1/org-members/1').catch((e) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: 'last_admin', message: 'The organization needs at least one admin.', requestId: 'req-1' })
  })

  it('renews the token once on 401 token_expired and retries with the new one', async () => {
    const { fetch, calls } = fakeFetch((_call, index) => (index === 0 ? json(401, envelope('token_expired')) : json(200, { data: 'ok' })))
    const auth = staticAuth('old', 'new')
    expect(await createHttp({ baseUrl: '', fetch, auth }).get('/api/v1/auth/me')).toEqual({ data: 'ok' })
    expect(calls.map((c) => c.authorization)).toEqual(['Bearer old', 'Bearer new'])
    expect(auth.refreshes).toBe(1)
  })

  it('gives up after one retry', async () => {
    const { fetch, calls } = fakeFetch(() => json(401, envelope('unauthenticated', 'Sign in.')))
    const error = await createHttp({ baseUrl: '', fetch, auth: staticAuth('old', 'new') }).get('/x').catch((e) => e)
    expect(error).toMatchObject({ status: 401, code: 'unauthenticated' })
    expect(calls).toHaveLength(2)
  })

  it('throws the 401 when the session cannot be renewed', async () => {
    const { fetch, calls } = fakeFetch(() => json(401, envelope('token_expired')))
    const error = await createHttp({ baseUrl: '', fetch, auth: staticAuth('old', null) }).get('/x').catch((e) => e)
    expect(error).toMatchObject({ code: 'token_expired' })
    expect(calls).toHaveLength(1)
  })

  it.each(['invalid_credentials', 'mfa_required'])('does not renew anything on 401 %s', async (code) => {
    const { fetch, calls } = fakeFetch(() => json(401, envelope(code)))
    const auth = staticAuth('tok')
    const error = await createHttp({ baseUrl: '', fetch, auth }).post('/api/v1/auth/mfa/confirm', {}).catch((e: ApiError) => e)
    expect(error).toMatchObject({ code })
    expect(auth.refreshes).toBe(0)
    expect(calls).toHaveLength(1)
  })

  it('turns a failed fetch into a network_error', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    }) as unknown as typeof globalThis.fetch
    const error = await createHttp({ baseUrl: '', fetch }).get('/x').catch((e) => e)
    expect(error).toMatchObject({ status: 0, code: 'network_error' })
  })

  it('shares one refresh between concurrent requests rejected at once (with a real TokenSession)', async () => {
    const storage = new Map<string, string>()
    let refreshCalls = 0
    const session = new TokenSession({
      refresh: async (refreshToken): Promise<Tokens> => {
        refreshCalls += 1
        expect(refreshToken).toBe('refresh-1')
        await new Promise((resolve) => setTimeout(resolve, 5))
        return { access_token: 'access-2', refresh_token: 'refresh-2', expires_in: 900 }
      },
      isFatal: () => true,
      storage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => void storage.set(k, v),
        removeItem: (k) => void storage.delete(k),
      },
      setTimer: () => 0,
      clearTimer: () => {},
    })
    session.start({ access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 900 })
    const { fetch, calls } = fakeFetch((call) =>
      call.authorization === 'Bearer access-2' ? json(200, { data: new URL(call.url).pathname }) : json(401, envelope('token_expired')),
    )
    const http = createHttp({ baseUrl: '', fetch, auth: session })
    const results = await Promise.all(['/a', '/b', '/c'].map((path) => http.get<{ data: string }>(path)))
    expect(results.map((r) => r.data)).toEqual(['/a', '/b', '/c'])
    expect(refreshCalls).toBe(1)
    expect(calls).toHaveLength(6)
    expect(storage.get(REFRESH_TOKEN_KEY)).toBe('refresh-2')
  })
})

describe('errorFromResponse', () => {
  it('reads Retry-After of a 429', () => {
    const error = errorFromResponse(429, envelope('rate_limited', 'Too many attempts.'), new Headers({ 'Retry-After': '17' }))
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: 17 })
  })

  it('falls back to a sentence and the header request id when the body is not an envelope', () => {
    const error = errorFromResponse(502, undefined, new Headers({ 'X-Request-Id': 'abc' }))
    expect(error).toMatchObject({ code: 'http_502', message: 'The server answered 502. Try again in a moment.', requestId: 'abc' })
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30')).toBe(30)
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(10)
  })

  it.each([null, '', 'soon'])('is null for %j', (value) => {
    expect(parseRetryAfter(value)).toBeNull()
  })
})

describe('fieldErrorsOf', () => {
  const validation = (fields: unknown) =>
    new ApiError({ status: 400, code: 'validation_failed', message: 'Check the fields.', details: { fields } })

  it('maps problems onto the form fields and keeps the rest for the form message', () => {
    const error = validation([
      { field: 'email', problem: 'must be a well-formed email address' },
      { field: 'password', problem: 'size must be between 12 and 128' },
      { field: 'organization_slug', problem: 'is taken' },
    ])
    expect(fieldErrorsOf(error, ['email', 'password'])).toEqual({
      fields: { email: 'must be a well-formed email address', password: 'size must be between 12 and 128' },
      other: ['organization slug: is taken'],
    })
  })

  it('maps nested and indexed fields to their root and keeps the first problem per field', () => {
    const error = validation([
      { field: 'teams[1]', problem: 'must not be blank' },
      { field: 'teams[2]', problem: 'is too long' },
    ])
    expect(fieldErrorsOf(error, ['teams']).fields).toEqual({ teams: 'must not be blank' })
  })

  it('ignores malformed entries and errors that are not from the API', () => {
    expect(fieldErrorsOf(validation([null, { field: 1 }, 'x']), ['email'])).toEqual({ fields: {}, other: [] })
    expect(fieldErrorsOf(new Error('boom'), ['email'])).toEqual({ fields: {}, other: [] })
  })
})

describe('withQuery', () => {
  it('drops empty values and encodes the rest', () => {
    expect(withQuery('/api/v1/audit-logs', { action: 'api_key.created', actor_type: '', cursor: null, limit: 50 })).toBe(
      '/api/v1/audit-logs?action=api_key.created&limit=50',
    )
  })
})
