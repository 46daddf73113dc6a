// ECharts options of a statistics chart built from a SeriesTable and its labels. Pure: the labels
// come in already translated. A suppressed cell (null) is left out of the chart ('-'), never drawn as 0.
import type { SeriesTable } from './figure-series'

export type ChartKind = 'bar' | 'stacked' | 'horizontal' | 'line' | 'pie'

/** Colours with enough contrast on white, the app's primary first. */
export const CHART_COLOURS = ['#1d4f73', '#c0562b', '#2f7d4f', '#7b4fa0', '#8a6d00', '#3b7fb0', '#a4262c']

export interface ChartLabels {
  category: (code: string) => string
  series: (name: string) => string
  /** Numbers as the UI language writes them. */
  number: (value: number) => string
}

/** The option object of `kind` for `table`. */
export function chartOption(table: SeriesTable, kind: ChartKind, labels: ChartLabels): Record<string, unknown> {
  const categories = table.categories.map(labels.category)
  const tooltip = { trigger: kind === 'pie' ? 'item' : 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.number(v) : '—') }
  const legend = { top: 0, type: 'scroll' }
  if (kind === 'pie') {
    const series = table.series[0]
    return {
      color: CHART_COLOURS,
      tooltip,
      legend,
      series: [
        {
          type: 'pie',
          name: series ? labels.series(series.name) : '',
          radius: ['35%', '65%'],
          top: 30,
          data: categories.map((name, i) => ({ name, value: series?.values[i] ?? '-' })),
        },
      ],
    }
  }
  const horizontal = kind === 'horizontal'
  const categoryAxis = { type: 'category', data: categories, axisLabel: { interval: 0, width: 140, overflow: 'truncate' } }
  const valueAxis = { type: 'value', minInterval: 1, axisLabel: { formatter: labels.number } }
  return {
    color: CHART_COLOURS,
    tooltip,
    legend,
    grid: { top: 40, left: 8, right: 16, bottom: 8, containLabel: true },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: table.series.map((s) => ({
      type: kind === 'line' ? 'line' : 'bar',
      name: labels.series(s.name),
      stack: kind === 'stacked' ? 'total' : undefined,
      data: s.values.map((v) => v ?? '-'),
      connectNulls: false,
    })),
  }
}
