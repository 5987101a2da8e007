import { useEffect, useState } from 'react'

export type FieldErrors<F extends string = string> = Partial<Record<F, string>>

export const hasErrors = (errors: FieldErrors): boolean => Object.values(errors).some(Boolean)

/** Moves focus to the first field marked invalid, once React has rendered the errors. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  setTimeout(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0)
}

/** A simple e-mail check; the server has the last word. */
export function emailProblem(email: string): string | undefined {
  const value = email.trim()
  if (!value) return 'Enter your e-mail address.'
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return 'Enter a valid e-mail address, like name@example.com.'
  return undefined
}

/** Whole seconds from now until `until` (a timestamp), never negative. */
export function secondsLeft(until: number | null, now: number): number {
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1_000))
}

/** Seconds left until a timestamp, ticking every second (for "try again in N s"). */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until === null) return
    setNow(Date.now())
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= until) clearInterval(timer)
    }, 1_000)
    return () => clearInterval(timer)
  }, [until])
  return secondsLeft(until, now)
}
