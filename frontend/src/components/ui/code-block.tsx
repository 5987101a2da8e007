import { CopyButton } from '@/components/ui/copy-button'

/** A snippet to paste somewhere else, with a copy button. */
export function CodeBlock({ code, label }: { code: string; label: string }) {
  return (
    <figure className="m-0 overflow-hidden rounded-lg border border-zinc-800 bg-zinc-900">
      <figcaption className="flex items-center justify-between gap-2 border-b border-zinc-800 px-3 py-1.5">
        <span className="text-xs font-medium text-zinc-300">{label}</span>
        <CopyButton text={code} label={`Copy ${label.toLowerCase()}`} />
      </figcaption>
      <pre tabIndex={0} aria-label={label} className="max-h-96 overflow-auto p-3 font-mono text-xs leading-relaxed text-zinc-100 outline-none focus-visible:ring-2 focus-visible:ring-accent-500">
        {code}
      </pre>
    </figure>
  )
}
