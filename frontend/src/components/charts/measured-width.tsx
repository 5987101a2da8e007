import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/**
 * A box of the given height that renders its chart at the box's width. The width is read in a layout effect, so the
 * chart draws in the same paint as the page around it: recharts' ResponsiveContainer reads it in a passive effect
 * and draws one render (and on a busy machine one frame) later, after forcing a second layout of the page.
 * Later resizes are followed with a ResizeObserver. Without a width (jsdom, a hidden tab panel) nothing is drawn.
 */
export function MeasuredWidth({ height, children }: { height: number; children: (width: number) => ReactNode }) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  useLayoutEffect(() => {
    const node = ref.current
    if (!node) return
    // the same rounding as the observer's, whose first report would otherwise render the chart a second time
    setWidth(Math.floor(node.getBoundingClientRect().width))
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)))
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={ref} style={{ height }} className="w-full min-w-0">
      {width > 0 && children(width)}
    </div>
  )
}
