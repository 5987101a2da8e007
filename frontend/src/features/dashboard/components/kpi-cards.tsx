import { StatCard } from '@/components/ui/stat-card'
import type { KpiCard } from '@/features/dashboard/lib/prepare-home'
import { formatPercent, formatTokens, formatUsd } from '@/lib/format'

const FORMATS: Record<KpiCard['key'], (value: number) => string> = {
  runs: formatTokens,
  errors: formatTokens,
  error_rate: (value) => formatPercent(value),
  cost_usd: formatUsd,
  active_agents: formatTokens,
}

export function KpiCards({ cards }: { cards: KpiCard[] }) {
  return (
    <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      {cards.map((card) => (
        <StatCard
          key={card.key}
          label={card.label}
          value={FORMATS[card.key](card.value)}
          change={card.changeText}
          trend={card.trend}
          good={card.good}
        />
      ))}
    </div>
  )
}
