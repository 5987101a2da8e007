import type { ComponentType } from 'react'
import { createBrowserRouter, Navigate, redirect, type RouteObject } from 'react-router'
import { AppLayout } from '@/components/layouts/app-layout'
import { Spinner } from '@/components/ui/spinner'
import { RootError, RouteError } from '@/app/routes/route-error'

/**
 * A redirect. The loader answers before anything renders; the element only satisfies the router's check
 * that a matched leaf route renders something.
 */
const redirectTo = (to: string) => ({ loader: () => redirect(to), element: <Navigate to={to} replace /> })

/** A lazy route: its page is a separate chunk, fetched on the first visit. */
const page = (load: () => Promise<{ default: ComponentType }>) => async () => ({ Component: (await load()).default })

function LayoutLoading() {
  return (
    <AppLayout>
      <div className="flex justify-center py-24">
        <Spinner label="Loading page" />
      </div>
    </AppLayout>
  )
}

export const routes: RouteObject[] = [
  {
    id: 'app',
    path: '/',
    Component: AppLayout,
    // first load of a lazy page: show the shell while its chunk arrives
    HydrateFallback: LayoutLoading,
    ErrorBoundary: RootError,
    children: [
      { index: true, ...redirectTo('/dashboard') },
      {
        // page errors render inside the layout, so the navigation stays usable
        ErrorBoundary: RouteError,
        children: [
          { path: 'dashboard', lazy: page(() => import('@/app/routes/dashboard')) },
          { path: 'agents', lazy: page(() => import('@/app/routes/agents')) },
          { path: 'agents/:agentId', lazy: page(() => import('@/app/routes/agent')) },
          { path: 'runs', lazy: page(() => import('@/app/routes/runs')) },
          { path: 'runs/:runId', lazy: page(() => import('@/app/routes/run')) },
          { path: 'costs', lazy: page(() => import('@/app/routes/costs')) },
          { path: 'budgets', lazy: page(() => import('@/app/routes/budgets')) },
          { path: 'policies', lazy: page(() => import('@/app/routes/policies')) },
          { path: 'approvals', lazy: page(() => import('@/app/routes/approvals')) },
          { path: 'controls', lazy: page(() => import('@/app/routes/controls')) },
          { path: 'audit', lazy: page(() => import('@/app/routes/audit')) },
          { path: 'settings', ...redirectTo('/settings/org') },
          { path: 'settings/org', lazy: page(() => import('@/app/routes/settings-org')) },
          { path: '*', lazy: page(() => import('@/app/routes/not-found')) },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(routes)
}
