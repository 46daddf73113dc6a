// The caseload bar chart: one horizontal bar per worker (active cases), the warning limit drawn as
// a mark line, bars over the limit in the warning colour; and its table as CSV rows. Pure: the
// labels come in already translated.
import { CHART_COLOURS } from './chart-options'

/** One worker's bar: her name, open cases (lead or co-worker), the limit and whether she is over it. */
export interface CaseloadRow {
  userId: number
  name: string
  active: number
  limit: number
  over: boolean
}

/** The warning colour of a bar over the limit (enough contrast on white). */
export const OVER_COLOUR = '#a4262c'

export interface CaseloadLabels {
  /** The mark line's label, e.g. "Robeža: 30". */
  limit: (limit: number) => string
  series: string
  number: (value: number) => string
}

/** The ECharts option of the bars of `rows` against `limit`. */
export function caseloadOption(rows: readonly CaseloadRow[], limit: number, labels: CaseloadLabels): Record<string, unknown> {
  // Room for the limit line and the longest bar, to the next multiple of 5.
  const most = Math.max(limit, ...rows.map((r) => r.active))
  return {
    color: [CHART_COLOURS[0]],
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? labels.number(v) : '—') },
    grid: { top: 28, left: 8, right: 48, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, max: Math.ceil((most + 1) / 5) * 5, axisLabel: { formatter: labels.number } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { interval: 0, width: 160, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: labels.series,
        data: rows.map((r) => ({ value: r.active, itemStyle: r.over ? { color: OVER_COLOUR } : undefined })),
        label: { show: true, position: 'right', formatter: (p: { value: number }) => labels.number(p.value) },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: OVER_COLOUR, type: 'dashed', width: 2 },
          // The category axis is inverted, so the line's start is at the top of the chart.
          label: { formatter: labels.limit(limit), position: 'start' },
          data: [{ xAxis: limit }],
        },
      },
    ],
  }
}

/** The chart's height: room for every bar. */
export function caseloadHeight(rows: number): string {
  return `${Math.max(8, 3 + rows * 2)}rem`
}

/** The table as CSV cells: worker, active cases, limit, over ("yes"/"no" as given). */
export function caseloadCsvRows(rows: readonly CaseloadRow[], yes: string, no: string): (string | number)[][] {
  return rows.map((r) => [r.name, r.active, r.limit, r.over ? yes : no])
}
