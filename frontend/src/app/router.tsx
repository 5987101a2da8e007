import type { QueryClient } from '@tanstack/react-query'
import type { ComponentType } from 'react'
import { createBrowserRouter, Navigate, redirect, type RouteObject } from 'react-router'
import { PublicLoading } from '@/components/layouts/public-layout'
import { ProtectedApp, ProtectedHydrateFallback, PublicApp } from '@/app/guards'
import { RootError, RouteError } from '@/app/routes/route-error'

/**
 * A redirect. The loader answers before anything renders; the element only satisfies the router's check
 * that a matched leaf route renders something.
 */
const redirectTo = (to: string) => ({ loader: () => redirect(to), element: <Navigate to={to} replace /> })

/**
 * What a page may export besides its component: the first requests of its data, started as soon as its chunk has
 * arrived (in parallel with the session's renewal and /auth/me on a first load) instead of after the first render.
 */
export type PagePrefetch = (queryClient: QueryClient, url: URL) => void

type PageModule = { default: ComponentType; prefetch?: PagePrefetch }

/** Set by createAppRouter: the cache the pages' prefetches fill. */
let prefetchInto: QueryClient | null = null

/** A lazy route: its page is a separate chunk, fetched on the first visit. */
const page = (load: () => Promise<PageModule>) => async () => {
  const { default: Component, prefetch } = await load()
  if (!prefetch) return { Component }
  return {
    Component,
    // never awaited: the page renders its own loading state, the requests are only started earlier
    loader: ({ request }: { request: Request }) => {
      if (prefetchInto) prefetch(prefetchInto, new URL(request.url))
      return null
    },
    // only on arriving at the page: a route with a loader to re-run makes every navigation asynchronous, and two
    // quick filter changes (each a navigation) would then read the same old URL and undo each other
    shouldRevalidate: () => false,
  }
}

export const routes: RouteObject[] = [
  {
    // pages without a session: outside the app layout
    id: 'public',
    Component: PublicApp,
    HydrateFallback: PublicLoading,
    ErrorBoundary: RootError,
    children: [
      { path: 'login', lazy: page(() => import('@/app/routes/login')) },
      { path: 'signup', lazy: page(() => import('@/app/routes/signup')) },
      { path: 'signup/confirm', lazy: page(() => import('@/app/routes/signup-confirm')) },
      { path: 'reset-password', lazy: page(() => import('@/app/routes/reset-password')) },
      { path: 'accept-invite', lazy: page(() => import('@/app/routes/accept-invite')) },
    ],
  },
  {
    id: 'app',
    path: '/',
    // the route guard: no session, no app (redirects to /login?next=...)
    Component: ProtectedApp,
    // first load of a lazy page: show the shell while its chunk arrives
    HydrateFallback: ProtectedHydrateFallback,
    ErrorBoundary: RootError,
    children: [
      { index: true, ...redirectTo('/dashboard') },
      {
        // page errors render inside the layout, so the navigation stays usable
        ErrorBoundary: RouteError,
        children: [
          { path: 'dashboard', lazy: page(() => import('@/app/routes/dashboard')) },
          { path: 'agents', lazy: page(() => import('@/app/routes/agents')) },
          { path: 'agents/new', lazy: page(() => import('@/app/routes/agent-new')) },
          { path: 'agents/:agentId', lazy: page(() => import('@/app/routes/agent')) },
          { path: 'agents/:agentId/analytics', lazy: page(() => import('@/app/routes/agent-analytics')) },
          { path: 'agents/:agentId/runs', lazy: page(() => import('@/app/routes/agent-runs')) },
          { path: 'agents/:agentId/costs', lazy: page(() => import('@/app/routes/agent-costs')) },
          { path: 'runs', lazy: page(() => import('@/app/routes/runs')) },
          { path: 'runs/:runId', lazy: page(() => import('@/app/routes/run')) },
          { path: 'costs', lazy: page(() => import('@/app/routes/costs')) },
          { path: 'budgets', lazy: page(() => import('@/app/routes/budgets')) },
          { path: 'policies', lazy: page(() => import('@/app/routes/policies')) },
          { path: 'approvals', lazy: page(() => import('@/app/routes/approvals')) },
          { path: 'controls', lazy: page(() => import('@/app/routes/controls')) },
          { path: 'audit', lazy: page(() => import('@/app/routes/audit')) },
          { path: 'notifications', lazy: page(() => import('@/app/routes/notifications')) },
          {
            path: 'settings',
            lazy: page(() => import('@/app/routes/settings')),
            children: [
              { index: true, ...redirectTo('/settings/org') },
              { path: 'org', lazy: page(() => import('@/app/routes/settings-org')) },
              { path: 'members', lazy: page(() => import('@/app/routes/settings-members')) },
              { path: 'api-keys', lazy: page(() => import('@/app/routes/settings-api-keys')) },
              { path: 'security', lazy: page(() => import('@/app/routes/settings-security')) },
              { path: 'webhooks', lazy: page(() => import('@/app/routes/settings-webhooks')) },
              // the emergency controls' old address
              { path: 'emergency', ...redirectTo('/controls') },
            ],
          },
          { path: '*', lazy: page(() => import('@/app/routes/not-found')) },
        ],
      },
    ],
  },
]

export function createAppRouter(queryClient: QueryClient) {
  prefetchInto = queryClient
  return createBrowserRouter(routes)
}
