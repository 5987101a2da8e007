import { Download } from 'lucide-react'
import { useState } from 'react'
import { Button } from '@/components/ui/button'
import { errorText } from '@/components/ui/form'
import { useToast } from '@/components/ui/toast'
import { useExportCosts } from '@/features/costs/api/export-costs'
import { EXPORT_GROUPS, type ExportGroup, exportGroupOf } from '@/features/costs/lib/costs'
import { inputClasses } from '@/components/ui/form'
import { cn } from '@/lib/cn'

/** "Export CSV" of exactly the range on screen (the instants the summary answered with), in the grouping picked. */
export function ExportCsv({ range }: { range: { from: string; to: string } }) {
  const [group, setGroup] = useState<ExportGroup>('run')
  const toast = useToast()
  const exporter = useExportCosts()
  return (
    <div className="flex items-center gap-2">
      <label className="sr-only" htmlFor="export-group">
        CSV lines
      </label>
      <select id="export-group" value={group} onChange={(e) => setGroup(exportGroupOf(e.target.value))} className={cn(inputClasses, 'w-auto py-1 pr-8')}>
        {EXPORT_GROUPS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Button
        variant="secondary"
        className="whitespace-nowrap"
        disabled={exporter.isPending}
        onClick={() =>
          exporter.mutate(
            { from: range.from, to: range.to, group_by: group },
            {
              onSuccess: ({ filename }) => toast.success(`Downloaded ${filename}.`),
              onError: (error) => toast.error(`The export failed: ${errorText(error)}`),
            },
          )
        }
      >
        <Download aria-hidden className="size-4" />
        {exporter.isPending ? 'Exporting…' : 'Export CSV'}
      </Button>
    </div>
  )
}
