import { vi } from 'vitest'

/**
 * A fake backend at the `fetch` boundary: the app's own clients (openapi-fetch, createAuthFetch) run unchanged and
 * the test decides what each endpoint answers. Routes are `"METHOD /path"`, with `:name` for a path parameter.
 * A value answers 200 with it as the JSON body; a function gets the request and returns a value or a `reply(...)`.
 * Anything not routed answers 404 with the API's error envelope and is listed in `unrouted`.
 */

export type FakeRequest = {
  method: string
  path: string
  query: URLSearchParams
  body: unknown
  params: Record<string, string>
  headers: Headers
}

const REPLY = Symbol('reply')
export type Reply = { [REPLY]: true; status: number; body?: unknown; headers?: Record<string, string> }

export type Route = unknown | ((request: FakeRequest) => unknown)

export const reply = (status: number, body?: unknown, headers?: Record<string, string>): Reply => ({ [REPLY]: true, status, body, headers })

/** The error envelope of API.md. */
export const problem = (status: number, code: string, message: string, details?: Record<string, unknown>): Reply =>
  reply(status, { error: message, code, details: details ?? {}, request_id: 'req-test-1' })

/** An answer that never comes: the page stays in its loading state. */
export const never = (): Promise<never> => new Promise(() => {})

/** A cursor page of a list endpoint. */
export const page = <T>(data: T[], nextCursor: string | null = null, extra: Record<string, unknown> = {}) => ({
  data,
  page: { next_cursor: nextCursor, limit: 50 },
  ...extra,
})

const isReply = (value: unknown): value is Reply => typeof value === 'object' && value !== null && REPLY in value

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/')
  const got = path.split('/')
  if (want.length !== got.length) return null
  const params: Record<string, string> = {}
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i])
    else if (want[i] !== got[i]) return null
  }
  return params
}

export type FakeApi = ReturnType<typeof fakeApi>

export function fakeApi(initial: Record<string, Route> = {}) {
  const routes = new Map<string, Route>(Object.entries(initial))
  const calls: FakeRequest[] = []
  const unrouted: string[] = []

  async function handle(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request ? input : new Request(input, init)
    const url = new URL(request.url, 'http://localhost')
    const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
    let body: unknown = undefined
    try {
      body = text ? JSON.parse(text) : undefined
    } catch {
      body = text
    }
    // newest route first: a test can override a default with `api.on(...)`
    for (const [key, route] of [...routes.entries()].reverse()) {
      const [method, pattern] = key.split(' ')
      if (method !== request.method) continue
      const params = matchPath(pattern, url.pathname)
      if (!params) continue
      const call: FakeRequest = { method, path: url.pathname, query: url.searchParams, body, params, headers: request.headers }
      calls.push(call)
      const result = typeof route === 'function' ? await (route as (r: FakeRequest) => unknown)(call) : route
      const { status, body: out, headers } = isReply(result) ? result : { status: 200, body: result, headers: undefined }
      const hasBody = out !== undefined && status !== 204
      // a string with its own Content-Type (a CSV download) goes out as it is; anything else as JSON
      const raw = typeof out === 'string' && headers?.['Content-Type'] !== undefined
      return new Response(hasBody ? (raw ? (out as string) : JSON.stringify(out)) : null, {
        status,
        headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...headers },
      })
    }
    unrouted.push(`${request.method} ${url.pathname}${url.search}`)
    return new Response(JSON.stringify({ error: 'Not found.', code: 'not_found', details: {} }), {
      status: 404,
      headers: { 'Content-Type': 'application/json' },
    })
  }

  const fetchMock = vi.fn(handle)
  vi.stubGlobal('fetch', fetchMock)

  return {
    fetch: fetchMock,
    calls,
    unrouted,
    /** Adds or replaces a route (it wins over the ones given before). */
    on(key: string, route: Route) {
      routes.delete(key)
      routes.set(key, route)
    },
    /** The requests that reached a route, e.g. `requests('POST /api/v1/agents')`. */
    requests(key: string): FakeRequest[] {
      const [method, pattern] = key.split(' ')
      return calls.filter((call) => call.method === method && matchPath(pattern, call.path) !== null)
    },
  }
}
