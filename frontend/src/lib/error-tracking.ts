/**
 * Browser error tracking, only when the build was given `VITE_SENTRY_DSN`: then the Sentry SDK is fetched as its own
 * lazy chunk at start-up. Without it the dynamic import is never reached, so the SDK costs the page nothing.
 */

type SentryBreadcrumb = { data?: Record<string, unknown> }
type SentryOptions = {
  dsn: string
  environment: string
  sendDefaultPii: boolean
  beforeBreadcrumb: (breadcrumb: SentryBreadcrumb) => SentryBreadcrumb
}
export type SentrySdk = { init: (options: SentryOptions) => unknown }

const loadSentry = (): Promise<SentrySdk> => import('@sentry/react') as Promise<SentrySdk>

/** Starts Sentry when a DSN is configured; resolves to whether it did. */
export async function startErrorTracking(
  dsn: string | undefined = import.meta.env.VITE_SENTRY_DSN,
  load: () => Promise<SentrySdk> = loadSentry,
): Promise<boolean> {
  if (!dsn?.trim()) return false
  const sentry = await load()
  sentry.init({
    dsn: dsn.trim(),
    environment: import.meta.env.MODE,
    sendDefaultPii: false,
    beforeBreadcrumb: withoutQueryStrings,
  })
  return true
}

/** Request breadcrumbs keep the path only: query strings carry one-time tickets (live updates, invitations). */
export function withoutQueryStrings(breadcrumb: SentryBreadcrumb): SentryBreadcrumb {
  const url = breadcrumb.data?.url
  if (typeof url !== 'string' || !url.includes('?')) return breadcrumb
  return { ...breadcrumb, data: { ...breadcrumb.data, url: url.slice(0, url.indexOf('?')) } }
}
