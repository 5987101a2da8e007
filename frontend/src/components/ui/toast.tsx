import { CircleCheck, CircleAlert, X } from 'lucide-react'
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

type Toast = { id: number; tone: 'success' | 'error'; message: string }
type ToastApi = { success(message: string): void; error(message: string): void }

const ToastContext = createContext<ToastApi | null>(null)

/** Short confirmations ("Member removed") in a polite live region, gone after a few seconds. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), [])
  const push = useCallback(
    (tone: Toast['tone'], message: string) => {
      const id = nextId.current++
      setToasts((all) => [...all.slice(-2), { id, tone, message }])
      setTimeout(() => dismiss(id), tone === 'error' ? 8_000 : 4_000)
    },
    [dismiss],
  )
  const api = useMemo<ToastApi>(() => ({ success: (m) => push('success', m), error: (m) => push('error', m) }), [push])

  return (
    <ToastContext.Provider value={api}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-2">
        {toasts.map((toast) => (
          <div
            key={toast.id}
            role={toast.tone === 'error' ? 'alert' : 'status'}
            className={cn(
              'pointer-events-auto flex items-start gap-2 rounded-lg border bg-white px-3 py-2.5 text-sm shadow-lg',
              toast.tone === 'error' ? 'border-red-200 text-red-800' : 'border-zinc-200 text-zinc-800',
            )}
          >
            {toast.tone === 'error' ? (
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-500" />
            ) : (
              <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0 text-emerald-600" />
            )}
            <span className="min-w-0 flex-1">{toast.message}</span>
            <button type="button" aria-label="Dismiss" onClick={() => dismiss(toast.id)} className="text-zinc-400 hover:text-zinc-700">
              <X aria-hidden className="size-4" />
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  )
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext)
  if (!api) throw new Error('useToast is used outside <ToastProvider>')
  return api
}
