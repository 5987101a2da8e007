import { ChevronRight } from 'lucide-react'
import { useId, useState } from 'react'
import { cn } from '@/lib/cn'

/** Pretty JSON; an em dash for nothing. */
export function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null
  if (typeof value === 'string') return value
  try {
    return JSON.stringify(value, null, 2)
  } catch {
    return String(value)
  }
}

export function JsonBlock({ value, className }: { value: unknown; className?: string }) {
  const text = jsonText(value)
  if (text === null) return <p className="text-sm text-zinc-500">—</p>
  return (
    <pre className={cn('max-h-96 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-xs leading-relaxed text-zinc-100', className)}>
      {text}
    </pre>
  )
}

/** A labelled JSON value behind a disclosure button ("Input", "Payload"). */
export function JsonDisclosure({ label, value, defaultOpen = false }: { label: string; value: unknown; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen)
  const id = useId()
  const text = jsonText(value)
  const empty = text === null || text === '{}' || text === '[]'
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen((v) => !v)}
        disabled={empty}
        className="inline-flex items-center gap-1 rounded text-xs font-medium text-zinc-600 outline-none hover:text-zinc-900 focus-visible:ring-2 focus-visible:ring-accent-500 disabled:cursor-default disabled:text-zinc-400"
      >
        <ChevronRight aria-hidden className={cn('size-3.5 transition-transform', open && 'rotate-90')} />
        {label}
        {empty && <span className="font-normal"> (empty)</span>}
      </button>
      {open && !empty && (
        <div id={id} className="mt-1.5">
          <JsonBlock value={value} />
        </div>
      )}
    </div>
  )
}
