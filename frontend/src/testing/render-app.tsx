import '@/testing/dom'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { cleanup, render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { createMemoryRouter, RouterProvider } from 'react-router'
import { afterEach, vi } from 'vitest'
import { routes } from '@/app/router'
import { ToastProvider } from '@/components/ui/toast'
import { AuthProvider, type Me } from '@/lib/auth'
import type { Role } from '@/lib/closed-sets'
import { session } from '@/lib/http'
import { aMe } from '@/testing/data'
import { fakeApi, type Route } from '@/testing/fake-api'

/** What every signed-in page asks for besides its own data: the user, the halt state, the bell, the API status. */
const shellRoutes = (me: Me): Record<string, Route> => ({
  'GET /api/v1/auth/me': { data: me },
  'GET /api/v1/controls/status': { data: { halt: { engaged: false }, paused_agents: [] } },
  'GET /api/v1/notifications/unread-count': { data: { unread_count: 0 } },
  'GET /health': { status: 'up', checks: {} },
})

afterEach(() => {
  cleanup()
  session.end('logout')
  vi.unstubAllGlobals()
})

/**
 * Renders the whole app (router, guards, layout, lazy page) at `path`, signed in as a user of `role` unless
 * `signedIn` is false, against a fake API answering `api`. Wait for the page with `findBy...`.
 */
export function renderApp(
  path: string,
  { api = {}, role = 'admin', me, signedIn = true }: { api?: Record<string, Route>; role?: Role; me?: Me; signedIn?: boolean } = {},
) {
  const server = fakeApi({ ...shellRoutes(me ?? aMe(role)), ...api })
  if (signedIn) session.start({ access_token: 'access-1', refresh_token: 'refresh-1', expires_in: 3600 })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } })
  const router = createMemoryRouter(routes, { initialEntries: [path] })
  // no pause between keystrokes: the tests type a lot, and nothing here depends on timing
  const user = userEvent.setup({ delay: null })
  const view = render(
    <QueryClientProvider client={queryClient}>
      <AuthProvider>
        <ToastProvider>
          <RouterProvider router={router} />
        </ToastProvider>
      </AuthProvider>
    </QueryClientProvider>,
  )
  return { ...view, api: server, router, user, queryClient }
}
