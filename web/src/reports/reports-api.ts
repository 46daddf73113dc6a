// Types and calls of the statistics API (docs/api-reports.md): every figure of a period for the
// caller's municipality, one department or the national view, and its CSV / XLSX downloads.
import { apiGet, queryString, type LocalizedText } from '../api'

/** Who may read statistics (the server decides the scope: a director her municipality, others their departments). */
export const STATISTICS_ROLES = ['director', 'department_head', 'supervisor', 'social_worker', 'benefits_officer'] as const
/** Who may choose a department or the national view (others get their departments). */
export const SCOPE_CHOOSER_ROLES = ['director'] as const

/** One row of a figure: its key columns (codes), its base count and measures; null when suppressed or not known. */
export type FigureRow = Record<string, string | number | boolean | null> & { suppressed: boolean }

/** One figure: `keys` name the key columns, `count` the base count, `measures` the derived numbers. */
export interface Figure {
  title: LocalizedText
  keys: string[]
  count: string
  measures: string[]
  rows: FigureRow[]
}

/** GET /api/v1/reports/statistics: figures by section (`registrations`, `cases`, …) and name. */
export interface Statistics {
  period: { from: string; to: string }
  scope: { national: boolean; municipality_id: number | null; department_ids: number[] }
  suppression: { applied: boolean; min_count: number | null }
  sections: Record<string, Record<string, Figure>>
}

/** The parameters of a request: a period (Riga dates, both included) and the scope asked for. */
export interface StatisticsQuery {
  from: string
  to: string
  /** `national` for the national view; absent for the caller's own municipality. */
  municipality?: string
  /** A department id of the municipality. */
  department?: string
}

export const DOWNLOAD_FORMATS = ['csv', 'xlsx', 'pdf'] as const
export type DownloadFormat = (typeof DOWNLOAD_FORMATS)[number]

const BASE = '/api/v1/reports/statistics'

function parameters(query: StatisticsQuery): string {
  return queryString({ from: query.from, to: query.to, municipality: query.municipality, department: query.department })
}

/** Where the figures of `query` are downloaded as a file (`statistika-FROM-TO.csv|xlsx|pdf`). */
export function statisticsDownloadUrl(query: StatisticsQuery, format: DownloadFormat): string {
  return `${BASE}.${format}${parameters(query)}`
}

export const reportsApi = {
  statistics: (query: StatisticsQuery, signal?: AbortSignal) => apiGet<Statistics>(`${BASE}${parameters(query)}`, signal),
}
