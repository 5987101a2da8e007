import createClient from 'openapi-fetch'
import type { components, paths } from '@/lib/api-schema'
import { API_BASE_URL, createAuthFetch, errorFromResponse, session } from '@/lib/http'

/** The schemas of backend/openapi.yml (`npm run gen:api`): the shapes of every request and response. */
export type Schemas = components['schemas']

/**
 * Typed client for the backend, generated from backend/openapi.yml: a wrong path, parameter or body fails `tsc`.
 * It sends the session's access token and renews it on a 401 (createAuthFetch). VITE_API_URL is the backend's
 * URL when the SPA is deployed on its own (Vercel); empty means same origin.
 */
export const api = createClient<paths>({ baseUrl: API_BASE_URL, fetch: createAuthFetch({ auth: session }) })

/** The same client without the session, for the public endpoints (sign-in, sign-up, invitations, health). */
export const publicApi = createClient<paths>({ baseUrl: API_BASE_URL, fetch: createAuthFetch() })

/**
 * The body of a successful answer, or the API's error envelope thrown as an ApiError (chosen by `code`).
 * `await unwrap(api.GET('/api/v1/agents/{id}', ...))` is `{ data: AgentResponse }`.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<NonNullable<T>> {
  const { data, error, response } = await call
  if (!response.ok) throw errorFromResponse(response.status, error, response.headers)
  return data as NonNullable<T>
}

/** Just the `data` of a `{ data }` answer. */
export const dataOf = <T>(call: Promise<{ data?: { data: T }; error?: unknown; response: Response }>): Promise<T> =>
  unwrap(call).then((body) => body.data)

/**
 * A generated schema with some fields made precise: closed sets as their unions (lib/closed-sets.ts), and
 * fields that the document does not mark `nullable` although the API sends null.
 */
export type Refine<T, Overrides extends Partial<Record<keyof T, unknown>>> = Omit<T, keyof Overrides> & Overrides

/** Query parameters without the empty ones: in the URL state '' means "no filter", the API wants no parameter. */
export function compact<T extends Record<string, unknown>>(params: T): { [K in keyof T]?: Exclude<T[K], ''> } {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== '' && value !== null && value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], ''>
  }
}
