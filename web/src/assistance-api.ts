// Types and calls of the social assistance API (docs/api-assistance.md): applications with the
// household's means declaration, the calculation, decisions (PDF, stop) and monthly payments.
// Money is integer cents everywhere; months are `YYYY-MM`, dates `YYYY-MM-DD`.
import { apiGet, apiPatch, apiPost, queryString, type LocalizedText } from './api'
import type { Page } from './identity-api'

/** Who may open the assistance pages (the server decides what each one may do). */
export const ASSISTANCE_ROLES = ['benefits_officer', 'department_head', 'director'] as const
/** Who may create applications, declare, decide and stop (the director only reads). */
export const ASSISTANCE_CHANGE_ROLES = ['benefits_officer', 'department_head'] as const
/** Who maintains the thresholds and norms (the settings page). */
export const ASSISTANCE_SETTINGS_ROLES = ['admin'] as const

export const APPLICATION_STATUSES = ['draft', 'submitted', 'decided', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const INCOME_KINDS = ['wages', 'pension', 'state_benefit', 'alimony', 'other'] as const
export type IncomeKind = (typeof INCOME_KINDS)[number]
export const HOUSING_KINDS = ['rent', 'heating', 'electricity', 'water', 'gas', 'sewage', 'waste', 'telecom'] as const
export type HousingKind = (typeof HOUSING_KINDS)[number]
/** A member's yes/no facts; property or savings make the household not needy. */
export const MEMBER_FLAGS = ['able_to_work', 'pensioner', 'disability', 'owns_property', 'has_savings'] as const
export type MemberFlag = (typeof MEMBER_FLAGS)[number]

export interface BenefitKind {
  code: string
  name: LocalizedText
  rule: string
  amount?: number
}

export interface PersonName {
  id: number
  given_names: string
  surname: string
}

export interface ApplicationMember {
  person_id: number
  given_names: string
  surname: string
  birth_date?: string | null
  able_to_work: boolean
  pensioner: boolean
  disability: boolean
  /** Owns property beyond her home. */
  owns_property: boolean
  /** Has savings above the amount the rules set. */
  has_savings: boolean
}

export interface Income {
  person_id: number
  month: string
  kind: IncomeKind | string
  amount: number
}

export type HousingCosts = Partial<Record<HousingKind, number>>

export interface Flag {
  code: string
  message: LocalizedText | string
}

export interface DecisionSummary {
  id: number
  outcome: 'granted' | 'refused' | string
  amount: number
  from: string | null
  to: string | null
  decided_at?: string
  /** A recalculation: the decision it supersedes from `from` on. */
  supersedes_id?: number | null
  /** Set once a recalculation superseded it: by which decision, from which month. */
  superseded_by_id?: number | null
  superseded_from?: string | null
  stopped_from?: string | null
}

export interface ApplicationSummary {
  id: number
  kind: string
  status: ApplicationStatus | string
  household: { id: number; name: string | null }
  /** The list sends `{id, name}`; an application sends `{id, given_names, surname}`. */
  applicant: PersonName | { id: number; name: string }
  submitted_on: string | null
  decision_due: string | null
  overdue: boolean
}

export interface Application extends ApplicationSummary {
  applicant: PersonName
  version: number
  application_month: string
  period_months: string[]
  members: ApplicationMember[]
  incomes: Income[]
  housing_costs: HousingCosts | null
  decision: DecisionSummary | null
  /** Every decision of the application, earliest first (recalculations included). */
  decisions?: DecisionSummary[]
  flags: Flag[]
}

export interface Calculation {
  eligible: boolean
  amount: number
  period_months: number
  household_income?: number
  threshold?: number
  steps: LocalizedText[]
}

export interface Payment {
  month: string
  amount: number
  status: 'planned' | 'paid' | 'stopped' | 'superseded' | string
}

export interface Decision extends DecisionSummary {
  application_id: number
  steps: LocalizedText[]
  payments: Payment[]
  note?: string | null
  /** Set once the payments were stopped (from this month on, for this reason). */
  stop_reason?: string | null
  /** Why this recalculation was made. */
  recalculation_reason?: string | null
}

/** One line of a month's payment list. */
export interface PaymentLine {
  payment_id: number
  decision_id: number
  person_id: number
  given_names: string
  surname: string
  personal_code: string | null
  kind: string
  amount: number
  status: Payment['status']
}

export interface PaymentList {
  month: string
  items: PaymentLine[]
  /** The sum of the month's payments that are not stopped (cents). */
  total: number
}

export interface ApplicationQuery {
  page: number
  page_size: number
  status?: string
  overdue?: string
  /** `true`: granted benefits ending within 30 days (due for re-evaluation). */
  review?: string
}

/** The national thresholds in force from `from` (the 1st of a month), cents per month. */
export interface ThresholdRow {
  from: string
  gmi_first: number
  gmi_other: number
  needy_first: number
  needy_other: number
  low_income_max_first: number
  low_income_max_other: number
}
export const THRESHOLD_FIELDS = [
  'gmi_first', 'gmi_other', 'needy_first', 'needy_other', 'low_income_max_first', 'low_income_max_other',
] as const

/** The municipality's low-income threshold from `from`, cents per month. */
export interface LowIncomeRow {
  from: string
  first: number
  other: number
}
export const LOW_INCOME_FIELDS = ['first', 'other'] as const

/** The municipality's housing-cost norms (monthly caps by kind, cents) from `from`. */
export type Norms = { from: string } & Record<HousingKind, number>

export interface ThresholdSettings {
  items: ThresholdRow[]
  low_income: LowIncomeRow[]
  /** The norms in force today; null when none are set. */
  norms: Norms | null
}

export interface DeclarationChanges {
  members?: Pick<ApplicationMember, 'person_id' | MemberFlag>[]
  incomes?: Income[]
  housing_costs?: HousingCosts
}

const id = (value: number | string) => encodeURIComponent(String(value))
const base = '/api/v1/assistance'
const application = (applicationId: number) => `${base}/applications/${id(applicationId)}`
const decision = (decisionId: number) => `${base}/decisions/${id(decisionId)}`

export const assistanceApi = {
  kinds: (signal?: AbortSignal) => apiGet<{ items: BenefitKind[] }>(`${base}/kinds`, signal),

  applications: (query: ApplicationQuery, signal?: AbortSignal) =>
    apiGet<Page<ApplicationSummary>>(`${base}/applications${queryString({ ...query })}`, signal),
  create: (body: { household_id: number; applicant_id: number; kind: string; application_month?: string }) =>
    apiPost<Application>(`${base}/applications`, body),
  application: (applicationId: number, signal?: AbortSignal) => apiGet<Application>(application(applicationId), signal),
  declare: (applicationId: number, version: number, changes: DeclarationChanges) =>
    apiPatch<Application>(application(applicationId), { version, ...changes }),
  calculation: (applicationId: number, signal?: AbortSignal) =>
    apiGet<Calculation>(`${application(applicationId)}/calculation`, signal),
  submit: (applicationId: number, version: number) => apiPost<Application>(`${application(applicationId)}/submit`, { version }),
  decide: (applicationId: number, body: { version: number; acknowledge_flags?: boolean; note?: string }) =>
    apiPost<Decision>(`${application(applicationId)}/decision`, body),

  decision: (decisionId: number, signal?: AbortSignal) => apiGet<Decision>(decision(decisionId), signal),
  pdfUrl: (decisionId: number) => `${decision(decisionId)}/pdf`,
  stop: (decisionId: number, body: { from_month: string; reason: string }) => apiPost<Decision>(`${decision(decisionId)}/stop`, body),
  /** A new decision superseding this one from `from_month` on (answers the new decision). */
  recalculate: (decisionId: number, body: { from_month: string; reason: string }) =>
    apiPost<Decision>(`${decision(decisionId)}/recalculate`, body),

  thresholds: (signal?: AbortSignal) => apiGet<ThresholdSettings>(`${base}/thresholds`, signal),
  addThreshold: (row: ThresholdRow) => apiPost<ThresholdRow>(`${base}/thresholds`, row),
  setLowIncome: (row: LowIncomeRow) => apiPost<void>(`${base}/low-income`, row),
  setNorms: (norms: Norms) => apiPost<void>(`${base}/norms`, norms),

  payments: (month: string, signal?: AbortSignal) => apiGet<PaymentList>(`${base}/payments${queryString({ month })}`, signal),
  paymentsUrl: (month: string, format: 'csv' | 'xlsx') => `${base}/payments${queryString({ month, format })}`,
}
