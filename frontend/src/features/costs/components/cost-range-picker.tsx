import { type FormEvent, useState } from 'react'
import { Button } from '@/components/ui/button'
import { inputClasses } from '@/components/ui/form'
import { SegmentedControl } from '@/components/ui/segmented-control'
import { COST_RANGES, type CostRange, customRangeProblem } from '@/features/costs/lib/costs'
import { cn } from '@/lib/cn'

/** Last 7 / 30 / 90 days, or whole days picked in date fields. */
export function CostRangePicker({ range, shownDays, onChange }: { range: CostRange; shownDays?: { from: string; to: string }; onChange: (range: CostRange) => void }) {
  const [from, setFrom] = useState(range.kind === 'days' ? range.from : (shownDays?.from ?? ''))
  const [to, setTo] = useState(range.kind === 'days' ? range.to : (shownDays?.to ?? ''))
  const [problem, setProblem] = useState<string | null>(null)
  const apply = (event: FormEvent) => {
    event.preventDefault()
    const found = customRangeProblem(from, to)
    setProblem(found)
    if (!found) onChange({ kind: 'days', from, to })
  }
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SegmentedControl
        label="Time range"
        options={[...COST_RANGES.map((r) => ({ value: r.value, label: `Last ${r.label}` })), ...(range.kind === 'days' ? [{ value: 'custom', label: 'Custom' }] : [])]}
        value={range.kind === 'preset' ? range.preset : 'custom'}
        onChange={(value) => {
          const preset = COST_RANGES.find((r) => r.value === value)
          if (preset) onChange({ kind: 'preset', preset: preset.value })
        }}
      />
      <form noValidate onSubmit={apply} className="flex flex-wrap items-end gap-2" aria-label="Custom range">
        <label className="text-xs text-zinc-500">
          From
          <input type="date" aria-label="From day" value={from} onChange={(e) => setFrom(e.target.value)} className={cn(inputClasses, 'mt-0.5 w-auto py-1')} />
        </label>
        <label className="text-xs text-zinc-500">
          To
          <input type="date" aria-label="To day" value={to} onChange={(e) => setTo(e.target.value)} className={cn(inputClasses, 'mt-0.5 w-auto py-1')} />
        </label>
        <Button type="submit" variant="secondary" className="py-1">
          Apply
        </Button>
        {problem && (
          <p role="alert" className="w-full text-xs font-medium text-red-600">
            {problem}
          </p>
        )}
      </form>
    </div>
  )
}
