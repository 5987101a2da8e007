import { startTransition, useEffect, useState, type ReactNode } from 'react'

/**
 * Draws its chart a frame after the page around it has painted; until then an empty box of the chart's height, so
 * nothing moves. For the charts further down a page: drawing them in the same task as the first ones would hold
 * back the first paint by as long as they take (tens of milliseconds each on a slow machine).
 */
export function DrawAfterPaint({ height, children }: { height: number; children: ReactNode }) {
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    // a timeout set in an animation frame runs after that frame has been painted
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setDrawn(true)))
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [])
  return drawn ? children : <div aria-hidden style={{ height }} />
}
