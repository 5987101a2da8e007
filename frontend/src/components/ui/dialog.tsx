import { X } from 'lucide-react'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import { cn } from '@/lib/cn'

type DialogProps = {
  open: boolean
  onClose: () => void
  title: string
  description?: ReactNode
  children: ReactNode
  /** Escape, the close button and a click on the backdrop close it (default true). */
  dismissible?: boolean
  className?: string
}

/**
 * A modal on the native <dialog>: showModal() makes the rest of the page inert (focus stays inside), moves
 * focus to the first focusable element (or the one with autoFocus) and gives it back to the opener on close.
 * The content is mounted only while open, so nothing shown in it (a key, an invite link) outlives it.
 */
export function Dialog({ open, onClose, title, description, children, dismissible = true, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const descriptionId = useId()
  const state = useRef({ open, dismissible, onClose })
  state.current = { open, dismissible, onClose }

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) dialog.showModal()
    if (!open && dialog.open) dialog.close()
  }, [open])

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onCancel={(event) => {
        // Escape: the parent decides (it unmounts or keeps the content)
        event.preventDefault()
        if (state.current.dismissible) state.current.onClose()
      }}
      onClose={() => {
        // closed by the browser anyway (a second Escape): reopen what may not be dismissed, else report it
        const { open: stillOpen, dismissible: canDismiss, onClose: close } = state.current
        if (!stillOpen) return
        if (canDismiss) close()
        else ref.current?.showModal()
      }}
      onMouseDown={(event) => {
        if (event.target === ref.current && state.current.dismissible) state.current.onClose()
      }}
      className={cn(
        'm-auto w-[calc(100%-2rem)] max-w-lg rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl',
        'backdrop:bg-zinc-900/40 backdrop:backdrop-blur-[1px]',
        className,
      )}
    >
      {open && (
        <div className="p-5">
          <div className="mb-4 flex items-start justify-between gap-4">
            <div className="min-w-0">
              <h2 id={titleId} className="text-base font-semibold tracking-tight">
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className="mt-1 text-sm text-zinc-500">
                  {description}
                </p>
              )}
            </div>
            {dismissible && (
              <button
                type="button"
                onClick={onClose}
                aria-label="Close"
                className="-m-1 rounded-md p-1 text-zinc-400 outline-none hover:bg-zinc-100 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-accent-500"
              >
                <X aria-hidden className="size-4" />
              </button>
            )}
          </div>
          {children}
        </div>
      )}
    </dialog>
  )
}

/** Right-aligned row of dialog buttons. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex flex-wrap justify-end gap-2">{children}</div>
}
