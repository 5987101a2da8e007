import createClient from 'openapi-fetch'
import type { paths } from '@/lib/api-schema'

/**
 * Typed client for the backend, generated from backend/openapi.yml (`npm run gen:api`).
 * VITE_API_URL is the backend's URL when the SPA is deployed on its own (Vercel); empty means same origin,
 * which is the case when the backend serves the SPA and under `npm run dev` (Vite proxies /api and /health).
 */
export const api = createClient<paths>({ baseUrl: import.meta.env.VITE_API_URL ?? '' })
