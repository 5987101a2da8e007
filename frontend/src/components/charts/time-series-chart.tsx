import { Bar, BarChart, CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import { MeasuredWidth } from '@/components/charts/measured-width'
import { type Bucket, formatBucket, formatBucketLong } from '@/lib/series'

export type SeriesDef = { key: string; label: string; color: string }

type Props = {
  /** Rows by bucket start (ms); null values are gaps. */
  data: ReadonlyArray<{ bucket: number } & Record<string, number | null>>
  series: readonly SeriesDef[]
  bucket: Bucket
  kind?: 'line' | 'bar'
  format: (value: number) => string
  /** Axis ticks, when shorter than `format` (money). */
  axisFormat?: (value: number) => string
  /** Counts: whole-number ticks only. */
  integer?: boolean
  /** What the chart shows, for assistive technology. */
  label: string
  /** Of the chart and its legend. */
  height?: number
}

const LEGEND_HEIGHT = 24

/**
 * The grid draws no vertical lines, but recharts computes their places anyway, measuring every x-axis label in the
 * DOM: an empty list skips that.
 */
const noLines = () => []

/** Names the series in their colours. HTML, not recharts' Legend: that one measures itself and redraws the chart. */
function SeriesLegend({ series }: { series: readonly SeriesDef[] }) {
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 text-xs" style={{ height: LEGEND_HEIGHT, lineHeight: `${LEGEND_HEIGHT}px` }}>
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1" style={{ color: s.color }}>
          <span aria-hidden className="inline-block h-0.5 w-3.5" style={{ background: s.color }} />
          {s.label}
        </li>
      ))}
    </ul>
  )
}

/** Values over time, one line (or bar) per series. Render only: the data comes prepared. */
export function TimeSeriesChart({ data, series, bucket, kind = 'line', format, axisFormat = format, integer = false, label, height = 240 }: Props) {
  const rows = data as unknown as Array<Record<string, number | null>>
  const legend = series.length > 1
  const chartHeight = legend ? height - LEGEND_HEIGHT : height
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} verticalCoordinatesGenerator={noLines} stroke="#e4e4e7" />
      <XAxis
        dataKey="bucket"
        type={kind === 'bar' ? 'category' : 'number'}
        scale={kind === 'bar' ? 'auto' : 'time'}
        domain={['dataMin', 'dataMax']}
        tickFormatter={(value: number) => formatBucket(value, bucket)}
        tick={{ fontSize: 11, fill: '#71717a' }}
        tickLine={false}
        axisLine={{ stroke: '#e4e4e7' }}
        minTickGap={24}
      />
      <YAxis
        tickFormatter={(value: number) => axisFormat(value)}
        tick={{ fontSize: 11, fill: '#71717a' }}
        tickLine={false}
        axisLine={false}
        width={64}
        // a handful of short labels a line apart never overlap: no need to measure each one in the DOM to check
        interval={0}
        allowDecimals={!integer}
      />
      <Tooltip
        labelFormatter={(value) => formatBucketLong(Number(value), bucket)}
        formatter={(value) => (typeof value === 'number' ? format(value) : 'no data')}
        contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: '#e4e4e7' }}
      />
    </>
  )
  const margin = { top: 4, right: 8, bottom: 0, left: 0 }
  return (
    <figure aria-label={label} className="m-0">
      <MeasuredWidth height={chartHeight}>
        {(width) =>
          kind === 'bar' ? (
            <BarChart width={width} height={chartHeight} data={rows} margin={margin}>
              {axis}
              {series.map((s) => (
                <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[3, 3, 0, 0]} isAnimationActive={false} maxBarSize={28} />
              ))}
            </BarChart>
          ) : (
            <LineChart width={width} height={chartHeight} data={rows} margin={margin}>
              {axis}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.label}
                  stroke={s.color}
                  strokeWidth={2}
                  // a series with gaps gets dots: a bucket between two gaps would not show as a line
                  dot={rows.some((row) => row[s.key] === null) ? { r: 2 } : false}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          )
        }
      </MeasuredWidth>
      {legend && <SeriesLegend series={series} />}
    </figure>
  )
}
