import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
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
  height?: number
}

/** Values over time, one line (or bar) per series. Render only: the data comes prepared. */
export function TimeSeriesChart({ data, series, bucket, kind = 'line', format, axisFormat = format, integer = false, label, height = 240 }: Props) {
  const rows = data as unknown as Array<Record<string, number | null>>
  const axis = (
    <>
      <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e4e4e7" />
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
        allowDecimals={!integer}
      />
      <Tooltip
        labelFormatter={(value) => formatBucketLong(Number(value), bucket)}
        formatter={(value) => (typeof value === 'number' ? format(value) : 'no data')}
        contentStyle={{ fontSize: 12, borderRadius: 8, borderColor: '#e4e4e7' }}
      />
      {series.length > 1 && <Legend wrapperStyle={{ fontSize: 12 }} iconType="plainline" />}
    </>
  )
  return (
    <figure aria-label={label} className="m-0">
      <ResponsiveContainer width="100%" height={height}>
        {kind === 'bar' ? (
          <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            {axis}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} radius={[3, 3, 0, 0]} isAnimationActive={false} maxBarSize={28} />
            ))}
          </BarChart>
        ) : (
          <LineChart data={rows} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
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
        )}
      </ResponsiveContainer>
    </figure>
  )
}
