import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { MeasuredWidth } from '@/components/charts/measured-width'

type Props = {
  data: ReadonlyArray<{ label: string; value: number }>
  format: (value: number) => string
  label: string
  valueLabel: string
  color?: string
  /** Axis ticks, when shorter than `format`. */
  axisFormat?: (value: number) => string
  integer?: boolean
}

/** The grid draws no horizontal lines: an empty list saves recharts measuring every bar's label to place them. */
const noLines = () => []

/** The chart's height for a number of bars. */
export const rankedBarChartHeight = (bars: number) => Math.max(120, bars * 32 + 32)

/** Horizontal bars, largest first (the data comes sorted). */
export function RankedBarChart({ data, format, axisFormat = format, integer = false, label, valueLabel, color = '#4f46e5' }: Props) {
  const height = rankedBarChartHeight(data.length)
  return (
    <figure aria-label={label} className="m-0">
      <MeasuredWidth height={height}>
        {(width) => (
          <BarChart width={width} height={height} data={data as Array<{ label: string; value: number }>} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} horizontalCoordinatesGenerator={noLines} stroke="#e4e4e7" />
            <XAxis type="number" allowDecimals={!integer} tickFormatter={(v: number) => axisFormat(v)} tick={{ fontSize: 11, fill: '#71717a' }} tickLine={false} axisLine={false} />
            <YAxis
              type="category"
              dataKey="label"
              width={128}
              tick={{ fontSize: 12, fill: '#3f3f46' }}
              tickLine={false}
              axisLine={false}
              // one label per bar, a bar's height apart: they never overlap, no need to measure each one in the DOM
              interval={0}
              tickFormatter={(v: string) => (v.length > 18 ? `${v.slice(0, 17)}…` : v)}
            />
            <Tooltip
              formatter={(value) => [typeof value === 'number' ? format(value) : String(value), valueLabel]}
              contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: '#e4e4e7' }}
              cursor={{ fill: '#f4f4f5' }}
            />
            <Bar dataKey="value" name={valueLabel} fill={color} radius={[0, 3, 3, 0]} isAnimationActive={false} maxBarSize={22} />
          </BarChart>
        )}
      </MeasuredWidth>
    </figure>
  )
}
