// Which figures the statistics page shows, in which section, and how each becomes a chart and its
// table (docs/api-reports.md, "The figures"). Pure: a figure the answer lacks is left out.
import type { ChartKind } from './chart-options'
import { countBy, isEmptyTable, measureSeries, pivot, type SeriesTable } from './figure-series'
import type { Figure, Statistics } from './reports-api'

export type DashboardSectionId = 'trends' | 'breakdown' | 'rapid' | 'staff'

/** One figure of the page: the chart's kind and the table both show. */
export interface Panel {
  name: string
  figure: Figure
  table: SeriesTable
  categoryKey: string
  seriesKey?: string
  kind: ChartKind
  /** Series drawn (the rest are in the table only: other scales). */
  charted?: readonly string[]
  /** Counted today whatever the period (team membership has no history). */
  today?: boolean
}

export interface DashboardSection {
  id: DashboardSectionId
  panels: Panel[]
}

const RISK_LEVELS = ['low', 'medium', 'high', 'very_high'] as const
const FAMILY_KINDS = ['with_children', 'adults'] as const
const CASE_MEASURES = ['opened', 'closed', 'open_at_end'] as const
const REFERRAL_EVENTS = ['requested', 'granted', 'refused'] as const
const RAPID_RESULTS = ['met', 'late', 'undecided'] as const

type Build = (figure: Figure) => Omit<Panel, 'name' | 'figure'>

/** Section → figure (`section/name` of the API) → how it is shown. */
const LAYOUT: Record<DashboardSectionId, [string, Build][]> = {
  trends: [
    ['registrations/first_registrations', (f) => ({
      table: pivot(f, 'year', 'family_kind', { years: true, series: FAMILY_KINDS }),
      categoryKey: 'year', seriesKey: 'family_kind', kind: 'line',
    })],
    ['cases/case_flow', (f) => ({
      table: pivot(f, 'department', 'measure', { series: CASE_MEASURES }),
      categoryKey: 'department', seriesKey: 'measure', kind: 'bar',
    })],
  ],
  breakdown: [
    ['intakes/problem_categories', (f) => ({ table: countBy(f, 'problem'), categoryKey: 'problem', kind: 'horizontal' })],
    ['assessments/risk_levels', (f) => ({ table: countBy(f, 'level', RISK_LEVELS), categoryKey: 'level', kind: 'bar' })],
    ['services/referrals', (f) => ({
      table: pivot(f, 'service_kind', 'event', { series: REFERRAL_EVENTS }),
      categoryKey: 'service_kind', seriesKey: 'event', kind: 'horizontal',
    })],
    ['services/waiting_times', (f) => ({
      table: measureSeries(f, 'service_kind', [f.count, ...f.measures]),
      categoryKey: 'service_kind', kind: 'horizontal', charted: ['average_days', 'median_days'],
    })],
  ],
  rapid: [
    ['intakes/rapid_response', (f) => ({ table: countBy(f, 'result', RAPID_RESULTS), categoryKey: 'result', kind: 'pie' })],
  ],
  staff: [
    ['staff/caseload', (f) => ({
      table: measureSeries(f, 'department', [f.count, ...f.measures]),
      categoryKey: 'department', kind: 'bar', charted: ['average_cases', 'median_cases'],
    })],
    ['staff/staff', (f) => ({ table: countBy(f, 'department'), categoryKey: 'department', kind: 'bar', today: true })],
  ],
}

/** The sections of the page with the figures `stats` holds. */
export function dashboardSections(stats: Statistics): DashboardSection[] {
  return (Object.keys(LAYOUT) as DashboardSectionId[])
    .map((id) => ({
      id,
      panels: LAYOUT[id].flatMap(([path, build]) => {
        const [section, name] = path.split('/')
        const figure = stats.sections[section]?.[name]
        if (!figure) return []
        return [{ name, figure, ...build(figure) }]
      }),
    }))
    .filter((s) => s.panels.length > 0)
}

/** True when no figure of the period has anything to show (figures counted today do not count). */
export function periodIsEmpty(sections: DashboardSection[]): boolean {
  return sections.every((s) => s.panels.every((p) => p.today || isEmptyTable(p.table)))
}
