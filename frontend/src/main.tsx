import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from '@/app/app'
import { startErrorTracking } from '@/lib/error-tracking'
import { session } from '@/lib/http'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// loads Sentry (its own chunk) only in builds made with VITE_SENTRY_DSN; errors here must not stop the app
startErrorTracking().catch(() => undefined)

// renew a stored session now, while React renders its first frame: the first page's requests wait for this token
// (AuthProvider calls it again on mount; it is idempotent)
void session.restore()

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
