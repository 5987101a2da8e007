import { Cell, Pie, PieChart, Tooltip } from 'recharts'
import { CHART_COLORS } from '@/components/charts/chart-card'

type Slice = { label: string; value: number; share: number }

const colorOf = (index: number) => CHART_COLORS[index % CHART_COLORS.length]

/** The donut's box (`size-40`): a fixed size draws at once, where a ResponsiveContainer would measure it first. */
const SIZE = 160

/** Shares of a whole, with an HTML legend that lists every slice's value and share (readable without the chart). */
export function DonutChart({ data, format, label }: { data: readonly Slice[]; format: (value: number) => string; label: string }) {
  return (
    <figure aria-label={label} className="m-0 grid items-center gap-4 sm:grid-cols-[160px_1fr]">
      <div aria-hidden className="mx-auto size-40">
        <PieChart width={SIZE} height={SIZE}>
          <Pie
            data={data as Slice[]}
            dataKey="value"
            nameKey="label"
            innerRadius={44}
            outerRadius={72}
            paddingAngle={data.length > 1 ? 1 : 0}
            isAnimationActive={false}
            stroke="none"
          >
            {data.map((slice, index) => (
              <Cell key={slice.label} fill={colorOf(index)} />
            ))}
          </Pie>
          <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} contentStyle={{ fontSize: 12, borderRadius: 8 }} />
        </PieChart>
      </div>
      <ul className="min-w-0 space-y-1.5 text-sm">
        {data.map((slice, index) => (
          <li key={slice.label} className="flex items-center gap-2">
            <span aria-hidden className="size-2.5 shrink-0 rounded-sm" style={{ background: colorOf(index) }} />
            <span className="min-w-0 flex-1 truncate text-zinc-700" title={slice.label}>
              {slice.label}
            </span>
            <span className="tabular-nums text-zinc-900">{format(slice.value)}</span>
            <span className="w-12 text-right text-xs tabular-nums text-zinc-500">{(slice.share * 100).toFixed(slice.share < 0.1 ? 1 : 0)}%</span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
