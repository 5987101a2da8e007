import { browserStorage, TokenSession, type Tokens, webLock } from '@/lib/token-session'

/**
 * The HTTP layer under both clients: the session's token and its renewal (createAuthFetch), the error envelope as
 * an ApiError. Features call the typed client of api-client.ts; `http` is for the few endpoints that
 * backend/openapi.yml does not describe yet. Responses follow API.md: `{ data }`, `{ data, page }`, or the
 * error envelope.
 */

export type Envelope<T> = { data: T; message?: string }
export type Page = { next_cursor: string | null; limit: number }
export type ListEnvelope<T> = { data: T[]; page: Page }

export type FieldProblem = { field: string; problem: string }

/** An error answer of the API (or a failure to reach it), chosen by `code` first, then status. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown>
  readonly requestId: string | null
  /** Seconds from the Retry-After header of a 429/503, when there was one. */
  readonly retryAfter: number | null

  constructor(init: {
    status: number
    code: string
    message: string
    details?: Record<string, unknown>
    requestId?: string | null
    retryAfter?: number | null
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.details = init.details ?? {}
    this.requestId = init.requestId ?? null
    this.retryAfter = init.retryAfter ?? null
  }

  /** `details.fields` of a validation error, keeping only well-formed entries. */
  get fields(): FieldProblem[] {
    const fields = this.details.fields
    if (!Array.isArray(fields)) return []
    return fields.filter(
      (f): f is FieldProblem => typeof f === 'object' && f !== null && typeof f.field === 'string' && typeof f.problem === 'string',
    )
  }
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code)

/** Seconds of a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const date = Date.parse(trimmed)
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000))
}

/** Builds the ApiError for a non-2xx answer: the envelope when the body is one, a generic sentence otherwise. */
export function errorFromResponse(status: number, body: unknown, headers: Pick<Headers, 'get'>): ApiError {
  const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
  const requestId = (typeof envelope.request_id === 'string' ? envelope.request_id : null) ?? headers.get('X-Request-Id')
  const retryAfter = parseRetryAfter(headers.get('Retry-After'))
  const details =
    typeof envelope.details === 'object' && envelope.details !== null ? (envelope.details as Record<string, unknown>) : {}
  if (typeof envelope.error === 'string' && typeof envelope.code === 'string') {
    return new ApiError({ status, code: envelope.code, message: envelope.error, details, requestId, retryAfter })
  }
  const fallback: Record<number, [string, string]> = {
    401: ['unauthenticated', 'Your session has ended. Sign in again.'],
    403: ['forbidden', 'You are not allowed to do this.'],
    404: ['not_found', 'Not found.'],
    429: ['rate_limited', 'Too many requests.'],
    503: ['unavailable', 'The service is unavailable. Try again in a moment.'],
  }
  const [code, message] = fallback[status] ?? [`http_${status}`, `The server answered ${status}. Try again in a moment.`]
  return new ApiError({ status, code, message, details, requestId, retryAfter })
}

/**
 * Maps a validation error onto a form: problems of the named fields by field (the first problem per field),
 * the rest as sentences for the form-level message. `teams[0]` and `config.name` count as `teams` and `config`.
 */
export function fieldErrorsOf(
  error: unknown,
  formFields: readonly string[],
): { fields: Record<string, string>; other: string[] } {
  const result: { fields: Record<string, string>; other: string[] } = { fields: {}, other: [] }
  if (!(error instanceof ApiError)) return result
  for (const { field, problem } of error.fields) {
    const root = field.split(/[.[]/, 1)[0]
    if (formFields.includes(root)) {
      result.fields[root] ??= problem
    } else {
      result.other.push(field ? `${field.replace(/_/g, ' ')}: ${problem}` : problem)
    }
  }
  return result
}

/** The access-token side of the session, as the HTTP layer sees it. */
export type AuthHooks = {
  /** A usable access token, refreshing first when it has expired; null when signed out. */
  getAccessToken(): Promise<string | null>
  /**
   * A new access token after the API refused `staleToken` (single-flight: concurrent callers share one refresh).
   * Null when the session is over.
   */
  refreshAfterRejection(staleToken: string | null): Promise<string | null>
}

export type Query = Record<string, string | number | boolean | null | undefined>

export type RequestOptions = {
  query?: Query
  body?: unknown
  /** Send the access token (default true). Public auth endpoints pass false. */
  auth?: boolean
  /** An explicit bearer token instead of the session's (logout of a session that is being replaced). */
  bearer?: string
  signal?: AbortSignal
}

export type Http = {
  request<T>(method: string, path: string, options?: RequestOptions): Promise<T>
  get<T>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>
  post<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>
  patch<T>(path: string, body?: unknown, options?: Omit<RequestOptions, 'body'>): Promise<T>
  delete<T = void>(path: string, options?: Omit<RequestOptions, 'body'>): Promise<T>
}

/** 401 codes that mean "the access token is no good", as opposed to wrong credentials or an MFA challenge. */
const RENEWABLE = new Set(['token_expired', 'unauthenticated'])

export function withQuery(path: string, query?: Query): string {
  if (!query) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const text = params.toString()
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path
}

/**
 * A `fetch` that sends the session's access token and, when the API refuses it (401 `token_expired` or
 * `unauthenticated`), renews it once and sends the request again. A request that already carries an
 * Authorization header keeps it (logout of a session that is being replaced). A failure to reach the server
 * becomes an ApiError `network_error`. Both clients use it: the typed one (api-client.ts) and `createHttp`.
 */
export function createAuthFetch(config: { auth?: AuthHooks; fetch?: typeof fetch } = {}): (request: Request) => Promise<Response> {
  const doFetch = config.fetch ?? ((input, init) => fetch(input, init))
  const auth = config.auth

  async function send(request: Request, token: string | null): Promise<Response> {
    const headers = new Headers(request.headers)
    if (token) headers.set('Authorization', `Bearer ${token}`)
    try {
      return await doFetch(new Request(request, { headers }))
    } catch (error) {
      if (request.signal?.aborted) throw error
      throw new ApiError({
        status: 0,
        code: 'network_error',
        message: 'Could not reach the server. Check your connection and try again.',
      })
    }
  }

  return async (request) => {
    if (!auth || request.headers.has('Authorization')) return send(request, null)
    // the body can be read once: keep a copy for the retry
    const retry = request.clone()
    let token = await auth.getAccessToken()
    const response = await send(request, token)
    if (response.status !== 401) return response
    const body: unknown = await response
      .clone()
      .json()
      .catch(() => undefined)
    const code = errorFromResponse(401, body, response.headers).code
    if (!RENEWABLE.has(code)) return response
    token = await auth.refreshAfterRejection(token)
    if (!token) return response
    return send(retry, token)
  }
}

/** Reads a response of the API: the parsed body, or the ApiError of a non-2xx answer. */
export async function readResponse<T>(response: Response): Promise<T> {
  const text = response.status === 204 ? '' : await response.text()
  let body: unknown
  try {
    body = text ? JSON.parse(text) : undefined
  } catch {
    body = undefined
  }
  if (!response.ok) throw errorFromResponse(response.status, body, response.headers)
  return body as T
}

export function createHttp(config: { baseUrl: string; auth?: AuthHooks; fetch?: typeof fetch }): Http {
  const authFetch = createAuthFetch(config)

  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    if (options.bearer) headers.Authorization = `Bearer ${options.bearer}`
    const url = new URL(config.baseUrl + withQuery(path, options.query), globalThis.location?.href ?? 'http://localhost')
    const session = options.auth === false ? createAuthFetch({ fetch: config.fetch }) : authFetch
    const response = await session(
      new Request(url, {
        method,
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      }),
    )
    return readResponse<T>(response)
  }

  return {
    request,
    get: (path, options) => request('GET', path, options),
    post: (path, body, options) => request('POST', path, { ...options, body }),
    patch: (path, body, options) => request('PATCH', path, { ...options, body }),
    delete: (path, options) => request('DELETE', path, options),
  }
}

/** Backend URL when the SPA is deployed on its own; empty means same origin. */
export const API_BASE_URL: string = import.meta.env.VITE_API_URL ?? ''

const publicHttp = createHttp({ baseUrl: API_BASE_URL })

/** The browser's session (see token-session.ts). */
export const session = new TokenSession({
  refresh: (refreshToken) =>
    publicHttp
      .post<Envelope<Tokens>>('/api/v1/auth/refresh-token', { refresh_token: refreshToken }, { auth: false })
      .then((body) => body.data),
  // 4xx: the refresh token is dead; network errors, 5xx and 429 are worth another try
  isFatal: (error) => error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429,
  storage: browserStorage(),
  lock: webLock(),
})

/** The API client of the features: sends the session's access token and renews it on a 401. */
export const http: Http = createHttp({ baseUrl: API_BASE_URL, auth: session })
