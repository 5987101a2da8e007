export const HOME_PATH = '/dashboard'

/** Public pages: going "back" to one of them after signing in makes no sense. */
const PUBLIC_PREFIXES = ['/login', '/signup', '/reset-password', '/accept-invite']

/**
 * Where to go after signing in. Only paths of this app count (`/runs?x=1`), never another origin
 * (`//evil.example`, `/\evil.example`, `https://...`): an open redirect would make phishing links look genuine.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return HOME_PATH
  if (/[\u0000-\u001f]/.test(next)) return HOME_PATH
  const pathname = next.split(/[?#]/, 1)[0]
  if (PUBLIC_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return HOME_PATH
  return next
}

/** The login page that comes back to `location` afterwards (plain /login for the home page). */
export function loginPath(location: { pathname: string; search?: string; hash?: string }): string {
  const target = `${location.pathname}${location.search ?? ''}${location.hash ?? ''}`
  if (safeNext(target) === HOME_PATH) return '/login'
  return `/login?${new URLSearchParams({ next: target })}`
}
