// Types and calls of the intake side of case management (docs/api-cases.md, docs/api-cases-plan.md):
// intakes and their outcome, the duty board and duty workers, the public web request, the
// worker's cases, her work (tasks, reviews, caseload) and in-app notifications.
import { apiGet, apiPatch, apiPost, apiRequest, queryString, type LocalizedText } from '../api'
import type { Page } from '../identity-api'

/** Who sees intakes and the duty board (the director only reads). */
export const INTAKE_ROLES = ['social_worker', 'supervisor', 'department_head', 'director'] as const
/** Who registers intakes, triages them and records the outcome. */
export const INTAKE_CHANGE_ROLES = ['social_worker', 'supervisor', 'department_head'] as const
/** Who names a team's duty worker. */
export const DUTY_NAMING_ROLES = ['supervisor', 'department_head'] as const
/** Who has cases (the case roles). */
export const CASE_ROLES = INTAKE_ROLES
/** Who has her own caseload and work list (lead worker, co-worker). */
export const CASEWORKER_ROLES = ['social_worker', 'supervisor'] as const

export const INTAKE_CHANNELS = ['visit', 'phone', 'email', 'web', 'partner_referral', 'police', 'school'] as const
export const REPORTER_KINDS = ['person', 'partner', 'anonymous'] as const
export const PROBLEMS = [
  'alcohol', 'psychoactive_substances', 'mental_disorder', 'basic_needs', 'poverty', 'crisis',
  'violence', 'neglect', 'housing', 'unemployment', 'disability', 'other',
] as const
export const URGENCIES = ['routine', 'priority', 'acute'] as const
export type Urgency = (typeof URGENCIES)[number]
export const OUTCOMES = ['open_case', 'referred', 'no_action'] as const
export type Outcome = (typeof OUTCOMES)[number]
export const CASE_STAGES = [
  'intake', 'agreement', 'initial_assessment', 'in_depth_assessment', 'plan', 'implementation', 'review', 'closed',
] as const

export interface Reporter {
  kind: string
  name?: string
  contact?: string
  /** Set instead of name and contact for callers who may not see who reported. */
  redacted?: boolean
}

export interface Intake {
  id: number
  reference: string
  version: number
  team_id: number
  department_id: number
  channel: string
  urgency: Urgency
  status: 'open' | 'closed'
  reporter: Reporter
  household_id: number | null
  person_ids: number[]
  concern: string
  problems: string[]
  received_at: string
  first_contact_due_on: string | null
  first_contact_due_at: string | null
  outcome: Outcome | null
  outcome_reason: string | null
  referred_to: string | null
  case_id: number | null
  created_at: string
  /** Only on the duty board: the first-contact deadline has passed. */
  overdue?: boolean
}

/** The body of POST /api/v1/intakes. */
export interface IntakeDraft {
  channel: string
  urgency: string
  reporter: { kind: string; name?: string; contact?: string }
  concern: string
  problems: string[]
  household_id?: number
  person_ids?: number[]
  team_id?: number
  first_contact_due_on?: string
}

/** The body of PATCH /api/v1/intakes/{id} (triage). */
export interface IntakeTriage {
  version: number
  urgency?: string
  problems?: string[]
  household_id?: number | null
  person_ids?: number[]
}

/** The body of POST /api/v1/intakes/{id}/outcome. */
export interface OutcomeDraft {
  version: number
  outcome: Outcome
  reason?: string
  referred_to?: string
  household_id?: number
  person_id?: number
}

export interface DutyWorker {
  team_id: number
  user_id: number
  name: string
  since: string
}

export interface DutyBoard extends Page<Intake> {
  duty_workers: DutyWorker[]
}

export interface PublicRequest {
  name?: string
  phone?: string
  email?: string
  concern: string
  /** The honeypot: always empty when a person fills the form. */
  website: string
}

export interface PublicReceipt {
  reference: string
  received_at: string
  message: LocalizedText
}

export interface CaseSummary {
  id: number
  subject_name: string
  stage: string
  team_id: number
  household_id: number | null
  person_id: number | null
  lead_worker: { id: number; name: string }
  opened_on: string
}

export interface Notification {
  id: number
  kind: string
  entity_type: string
  entity_id: number
  message: LocalizedText
  created_at: string
  read_at: string | null
}

export interface NotificationPage extends Page<Notification> {
  unread: number
}

export interface WorkTask {
  id: number
  case_id: number
  subject_name: string
  text: string
  due_on: string | null
  status: string
  overdue: boolean
}

export interface WorkReview {
  case_id: number
  subject_name: string
  review_on: string
  overdue: boolean
}

export interface Caseload {
  active: number
  limit: number
  over: boolean
}

export interface MyWork {
  tasks: WorkTask[]
  reviews: WorkReview[]
  caseload: Caseload
}

export interface TeamCaseload {
  items: { user_id: number; name: string; active: number; limit: number; over: boolean }[]
  limit: number
}

type Paging = { page: number; page_size: number }

export const intakesApi = {
  intakes: (query: Paging & { status?: string; urgency?: string }, signal?: AbortSignal) =>
    apiGet<Page<Intake>>(`/api/v1/intakes${queryString(query)}`, signal),
  intake: (id: number, signal?: AbortSignal) => apiGet<Intake>(`/api/v1/intakes/${id}`, signal),
  create: (draft: IntakeDraft) => apiPost<Intake>('/api/v1/intakes', draft),
  triage: (id: number, changes: IntakeTriage) => apiPatch<Intake>(`/api/v1/intakes/${id}`, changes),
  outcome: (id: number, outcome: OutcomeDraft) => apiPost<Intake>(`/api/v1/intakes/${id}/outcome`, outcome),

  dutyBoard: (signal?: AbortSignal) => apiGet<DutyBoard>('/api/v1/intakes/duty-board', signal),
  setDutyWorker: (teamId: number, userId: number) =>
    apiRequest<DutyWorker>('/api/v1/intakes/duty-worker', { method: 'PUT', body: { team_id: teamId, user_id: userId } }),

  publicRequest: (request: PublicRequest) => apiPost<PublicReceipt>('/api/v1/public/requests', request),

  myCases: (query: Paging & { stage?: string }, signal?: AbortSignal) =>
    apiGet<Page<CaseSummary>>(`/api/v1/cases${queryString({ ...query, mine: 1 })}`, signal),
  myWork: (signal?: AbortSignal) => apiGet<MyWork>('/api/v1/my/work', signal),
  caseload: (teamId: number, signal?: AbortSignal) =>
    apiGet<TeamCaseload>(`/api/v1/caseload${queryString({ team_id: teamId })}`, signal),

  notifications: (query: Paging & { unread?: 1 }, signal?: AbortSignal) =>
    apiGet<NotificationPage>(`/api/v1/notifications${queryString(query)}`, signal),
  markRead: (id: number) => apiPost<void>(`/api/v1/notifications/${id}/read`),
}
