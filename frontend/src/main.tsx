import { session } from '@/lib/http'
import './index.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

// A stored session is renewed before the app's code runs: the first page's requests wait for its token, and the
// renewal leaves only when the cross-tab lock answers, in a later task. With the app imported statically, that task
// queued behind evaluating the app's modules, React's first render and the first page's chunks (30–230 ms on a busy
// 2-core machine, issue #20). At most 200 ms: another tab's renewal may hold the lock, and this tab should show its
// spinner meanwhile. AuthProvider calls restore() again on mount; it is idempotent.
void session.restore()
await Promise.race([session.restoreSent(), new Promise((resolve) => setTimeout(resolve, 200))])

const { startApp } = await import('@/app/start')
startApp(root)
