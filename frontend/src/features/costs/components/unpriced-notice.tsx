import { TriangleAlert } from 'lucide-react'
import { unpricedWarning } from '@/features/costs/lib/costs'

/** Runs whose model has no known price are not in any total: said loudly, so nobody trusts a total that is too low. */
export function UnpricedNotice({ unpriced }: { unpriced: number }) {
  const text = unpricedWarning(unpriced)
  if (!text) return null
  return (
    <div role="status" className="flex items-start gap-2.5 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900">
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-amber-600" />
      <p>
        <strong className="font-semibold">{text}.</strong> Their models have no known price; add one in the price catalog or send the cost from the SDK.
      </p>
    </div>
  )
}
