import { CircleAlert } from 'lucide-react'
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react'
import { ApiError } from '@/lib/http'
import { cn } from '@/lib/cn'

export const inputClasses =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm text-zinc-900 shadow-sm outline-none ' +
  'placeholder:text-zinc-400 focus:border-accent-500 focus:ring-2 focus:ring-accent-500/30 ' +
  'disabled:cursor-not-allowed disabled:bg-zinc-50 disabled:text-zinc-500 ' +
  'aria-[invalid=true]:border-red-400 aria-[invalid=true]:focus:ring-red-500/30'

type FieldFrameProps = {
  id: string
  label: ReactNode
  /** Shown on the label's line, outside the label (e.g. a "Forgot your password?" link). */
  labelAside?: ReactNode
  error?: string
  hint?: ReactNode
  children: ReactNode
  className?: string
}

function FieldFrame({ id, label, labelAside, error, hint, children, className }: FieldFrameProps) {
  return (
    <div className={cn('space-y-1.5', className)}>
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className="block text-sm font-medium text-zinc-800">
          {label}
        </label>
        {labelAside}
      </div>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-600">
          {error}
        </p>
      )}
    </div>
  )
}

const describedBy = (id: string, error?: string, hint?: ReactNode) =>
  error ? `${id}-error` : hint ? `${id}-hint` : undefined

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & {
  label: ReactNode
  labelAside?: ReactNode
  error?: string
  hint?: ReactNode
  fieldClassName?: string
}

/** Labelled input with its hint or inline error (linked by aria-describedby). */
export function TextField({ label, labelAside, error, hint, className, fieldClassName, ...input }: TextFieldProps) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} labelAside={labelAside} error={error} hint={hint} className={fieldClassName}>
      <input
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(inputClasses, className)}
        {...input}
      />
    </FieldFrame>
  )
}

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  label: ReactNode
  error?: string
  hint?: ReactNode
  fieldClassName?: string
}

export function SelectField({ label, error, hint, className, fieldClassName, children, ...select }: SelectFieldProps) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={fieldClassName}>
      <select
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(inputClasses, 'pr-8', className)}
        {...select}
      >
        {children}
      </select>
    </FieldFrame>
  )
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  label: ReactNode
  error?: string
  hint?: ReactNode
  fieldClassName?: string
}

export function TextAreaField({ label, error, hint, className, fieldClassName, ...textarea }: TextAreaFieldProps) {
  const id = useId()
  return (
    <FieldFrame id={id} label={label} error={error} hint={hint} className={fieldClassName}>
      <textarea
        id={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        className={cn(inputClasses, className)}
        {...textarea}
      />
    </FieldFrame>
  )
}

/** Message of an error for people: the API's sentence, or the error's message. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'rate_limited' && error.retryAfter !== null) return `Too many attempts. Try again in ${error.retryAfter} s.`
    return error.message
  }
  return error instanceof Error ? error.message : 'Something went wrong.'
}

/** Form-level error: the API's sentence, any problems not shown at a field, and the request id for support. */
export function FormError({ error, extra, children }: { error?: unknown; extra?: string[]; children?: ReactNode }) {
  if (!error && !children) return null
  const requestId = error instanceof ApiError ? error.requestId : null
  return (
    <div role="alert" className="flex gap-2.5 rounded-md border border-red-200 bg-red-50 px-3 py-2.5 text-sm text-red-800">
      <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-red-500" />
      <div className="min-w-0 space-y-1">
        {children ?? <p>{errorText(error)}</p>}
        {extra && extra.length > 0 && (
          <ul className="list-disc pl-4">
            {extra.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {requestId && <p className="font-mono text-[11px] text-red-700/70">Request id {requestId}</p>}
      </div>
    </div>
  )
}
