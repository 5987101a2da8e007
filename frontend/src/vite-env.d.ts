/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** Backend URL when the SPA is deployed on its own (e.g. Vercel). Empty or unset: same origin. */
  readonly VITE_API_URL?: string
  /** Sentry DSN for browser errors. Unset: the Sentry SDK is never loaded. */
  readonly VITE_SENTRY_DSN?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
