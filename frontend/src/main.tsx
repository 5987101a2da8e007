import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { startErrorTracking } from '@/lib/error-tracking'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// loads Sentry (its own chunk) only in builds made with VITE_SENTRY_DSN; errors here must not stop the app
startErrorTracking().catch(() => undefined)

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
