// Types and calls of the statutory reports API (docs/api-reports.md, "Statutory reports"): the
// director's list of reports with their latest ended period and due date, the downloads, and
// marking a report as submitted.
import { apiGet, apiPost, queryString, type LocalizedText } from '../api'

/** One report of GET /api/v1/reports/statutory. */
export interface StatutoryReport {
  name: string
  title: LocalizedText
  form: LocalizedText
  frequency: 'monthly' | 'annual'
  /** "2026-10" (monthly) or "2025" (annual): the latest period that has ended. */
  period: string
  from: string
  to: string
  due_on: string
  /** Days from today to the due day; negative when it has passed. */
  days_left: number
  overdue: boolean
  submitted: boolean
  submitted_at: string | null
  submitted_by: string | null
}

export interface StatutoryList {
  today: string
  reports: StatutoryReport[]
}

export const STATUTORY_FORMATS = ['xlsx', 'csv'] as const
export type StatutoryFormat = (typeof STATUTORY_FORMATS)[number]

const BASE = '/api/v1/reports/statutory'

/** Where the report of `period` is downloaded (`NAME-PERIOD.xlsx|csv`) in `lang` (a link cannot set Accept-Language). */
export function statutoryDownloadUrl(name: string, period: string, format: StatutoryFormat, lang: string): string {
  return `${BASE}/${encodeURIComponent(name)}${queryString({ period, format, lang })}`
}

export const statutoryApi = {
  list: (signal?: AbortSignal) => apiGet<StatutoryList>(BASE, signal),
  markSubmitted: (name: string, period: string) => apiPost<unknown>(`${BASE}/${encodeURIComponent(name)}/submissions`, { period }),
}
