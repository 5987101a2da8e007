import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { startErrorTracking } from '@/lib/error-tracking'

/** Renders the app into #root. main.tsx imports this module once a stored session's renewal is on its way. */
export function startApp(root: HTMLElement) {
  // loads Sentry (its own chunk) only in builds made with VITE_SENTRY_DSN; errors here must not stop the app
  startErrorTracking().catch(() => undefined)
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}
