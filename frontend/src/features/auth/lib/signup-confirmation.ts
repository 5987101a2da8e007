export const CONFIRM_PATH = '/signup/confirm'

/**
 * The in-app path of a signup answer's `confirm_url` (development servers only), or null when there is none or it
 * is not a confirmation link. Only the path and token are kept: the server's public URL may be another origin than
 * this page (a Vite dev server), and a link to an arbitrary origin must never be rendered.
 */
export function confirmPathOf(confirmUrl: string | null | undefined): string | null {
  if (!confirmUrl) return null
  let url: URL
  try {
    url = new URL(confirmUrl, 'http://placeholder.invalid')
  } catch {
    return null
  }
  const token = url.searchParams.get('token')
  if (!url.pathname.endsWith(CONFIRM_PATH) || !token) return null
  return `${CONFIRM_PATH}?${new URLSearchParams({ token })}`
}
