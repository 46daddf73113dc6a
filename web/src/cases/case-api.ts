// Types and calls of the case API (docs/api-cases.md, api-cases-plan.md, api-cases-records.md):
// a case and its stages, agreement, workers, closure, assessments with the instruments, the
// cooperation plan and its tasks, notes, documents and opinions.
import { apiGet, apiPatch, apiPost, apiRequest, apiUpload, queryString, type LocalizedText } from '../api'
import type { Page } from '../identity-api'

/** Who may open the case page (the server decides the rest: 404 outside the case's scope). */
export const CASE_ROLES = ['social_worker', 'supervisor', 'department_head', 'director'] as const
/** Who may change a case at all (lead worker, co-workers, supervisors, heads). */
export const CASE_CHANGE_ROLES = ['social_worker', 'supervisor', 'department_head'] as const
/** Who names another lead worker. */
export const LEAD_ROLES = ['supervisor', 'department_head'] as const

/** The stages in their order (closed last); `review` may go back to `plan`. */
export const STAGES = [
  'intake', 'agreement', 'initial_assessment', 'in_depth_assessment', 'plan', 'implementation', 'review', 'closed',
] as const
export const CLOSURE_REASONS = ['goals_reached', 'moved_away', 'refused_cooperation', 'transferred', 'deceased', 'other'] as const
export const NOTE_KINDS = ['visit', 'call', 'meeting', 'case_conference', 'other'] as const
export const DOCUMENT_KINDS = ['agreement', 'assessment', 'court', 'letter', 'opinion', 'other'] as const
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const
export const OPINION_SECTION_KINDS = ['case', 'assessment', 'plan', 'notes', 'text'] as const
/** Upload limit of a document (the server answers 413 above it). */
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
/** Longest note (the server answers 422 above it). */
export const NOTE_MAX_CHARS = 100_000

export interface Person {
  id: number
  name: string
}

export interface Transition {
  id: number
  from: string | null
  to: string
  reason: string
  by: Person
  at: string
}

export interface Agreement {
  id: number
  agreed_on: string
  person_ids: number[]
  note: string | null
  recorded_by: number
  recorded_at: string
}

export interface ClosureRequest {
  id: number
  reason: string
  outcome_rating: number
  note: string | null
  requested_by: number
  requested_at: string
  status: 'pending' | 'approved' | 'rejected' | string
  decided_by: number | null
  decided_at: string | null
  decision_note: string | null
}

export interface Case {
  id: number
  version: number
  team_id: number
  department_id: number
  household_id: number | null
  person_id: number | null
  intake_id: number | null
  subject_name: string
  stage: string
  stage_name: LocalizedText
  next_stages: string[]
  lead_worker_id: number
  co_worker_ids: number[]
  opened_on: string
  closed_on: string | null
  closure_reason: string | null
  outcome_rating: number | null
  transitions: Transition[]
  agreement: Agreement | null
  closure_request: ClosureRequest | null
  created_at: string
}

// ---- Instruments and assessments -----------------------------------------------------------

export interface InstrumentOption {
  id: string
  label: LocalizedText
  points: number
  exclusive: boolean
}

export interface Question {
  id: string
  type: 'scale' | 'yes_no' | 'single_choice' | 'multiple_choice' | 'text'
  text: LocalizedText
  help: LocalizedText | null
  required: boolean
  scores: string
  domain: string | null
  points?: { value: number; label: LocalizedText }[] | { yes: number; no: number }
  options?: InstrumentOption[]
  max_length?: number
}

export interface Section {
  id: string
  title: LocalizedText
  scope: 'member' | 'household'
  roles: string[] | null
  questions: Question[]
}

export interface Instrument {
  id: string
  version: number
  title: LocalizedText
  description: LocalizedText
  per_member: boolean
  roles: { id: string; title: LocalizedText }[]
  domains: { id: string; title: LocalizedText }[]
  sections: Section[]
}

export type AnswerValue = number | boolean | string | string[] | null
export type AnswerMap = Record<string, AnswerValue>

export interface Answers {
  household: AnswerMap
  members: { member: string; role: string; answers: AnswerMap }[]
}

export interface Assessment {
  id: number
  case_id: number
  instrument: { id: string; version: number }
  version: number
  status: 'draft' | 'completed'
  overall_level: string | null
  created_by: Person
  created_at: string
  updated_at: string
  completed_by: Person | null
  completed_at: string | null
  answers?: Answers
}

export interface ResultItem {
  question: string
  question_text: LocalizedText
  answer: LocalizedText
  points: number
  max_points: number
}

export interface AssessmentResult {
  assessment: Assessment
  overall: string
  fired: { rule: string; member: string | null; household: boolean; level: string; reason: LocalizedText }[]
  summary: {
    member: string | null
    role: string | null
    household: boolean
    role_title: LocalizedText | null
    level: string
    domains: {
      domain: string
      title: LocalizedText
      level: string
      difficulty: number
      resource: number
      difficulties: ResultItem[]
      strengths: ResultItem[]
    }[]
  }[]
}

// ---- Plan and tasks ----------------------------------------------------------------------------

export type Responsible =
  | { kind: 'member'; person_id: number; name?: string }
  | { kind: 'worker'; user_id: number; name?: string }
  /** An institution: of the partner register (`partner_id`, whose users see the task in their portal) or by name only. */
  | { kind: 'partner'; partner_id?: number | null; partner_name: string; name?: string }

export interface Task {
  id: number
  goal_id: number
  text: string
  due_on: string
  responsible: Responsible
  status: string
  note: string | null
  version: number
  updated_at: string
}

export interface Goal {
  id: number
  text: string
  domain: string | null
  assessment_id: number | null
  member: string | null
  tasks: Task[]
}

export interface Plan {
  id: number
  case_id: number
  number: number
  version: number
  status: 'draft' | 'submitted' | 'approved' | 'superseded' | string
  goals: Goal[]
  review_on: string
  approval_required: boolean
  family_agreement: { agreed_on: string; person_ids: number[] } | null
  submitted_by: Person | null
  submitted_at: string | null
  decided_by: Person | null
  decided_at: string | null
  decision_note: string | null
  created_by: Person
  created_at: string
  updated_at: string
}

export interface PlanOverview {
  current: Plan | null
  draft: Plan | null
  versions: { id: number; number: number; status: string; created_at: string; decided_at: string | null }[]
}

export interface PlanBody {
  goals: {
    text: string
    domain?: string | null
    assessment_id?: number | null
    member?: string | null
    tasks: { text: string; due_on: string; responsible: Responsible }[]
  }[]
  review_on: string
}

// ---- Notes, documents, opinions ----------------------------------------------------------------

export interface Note {
  id: number
  case_id: number
  kind: string
  occurred_on: string
  /** null when the server cannot open the sealed text (then `unreadable` is true). */
  text: string | null
  unreadable?: boolean
  author: Person
  created_at: string
}

export interface CaseDocument {
  id: number
  case_id: number
  kind: string
  name: string
  media_type: string
  size: number
  agreement_id: number | null
  uploaded_by: Person
  uploaded_at: string
}

export interface OpinionSection {
  kind: (typeof OPINION_SECTION_KINDS)[number]
  title?: string
  assessment_id?: number
  note_ids?: number[]
  text?: string
}

export interface OpinionBody {
  addressee: string
  addressee_address?: string
  request?: string
  subject?: string
  person_ids: number[]
  sections: OpinionSection[]
}

export interface Opinion {
  id: number
  reference: string
  document_id: number
  addressee: string
  created_at: string
  created_by: Person | number
}

/** A worker of a team with her active caseload (`GET /api/v1/caseload`, supervisors and heads). */
export interface TeamWorker {
  user_id: number
  name: string
  active: number
  limit: number
  over: boolean
}

/** A worker found by name (`GET /api/v1/workers`): names and teams only. */
export interface WorkerHit {
  user_id: number
  name: string
  teams: { id: number; name_lv: string; name_en: string }[]
}

export interface Items<T> {
  items: T[]
  total: number
}

const base = (caseId: number) => `/api/v1/cases/${encodeURIComponent(String(caseId))}`

export const caseApi = {
  get: (caseId: number, signal?: AbortSignal) => apiGet<Case>(base(caseId), signal),
  setWorkers: (caseId: number, body: { version: number; lead_worker_id?: number; co_worker_ids?: number[] }) =>
    apiPatch<Case>(base(caseId), body),
  transition: (caseId: number, body: { version: number; to: string; reason: string }) =>
    apiPost<Case>(`${base(caseId)}/transitions`, body),
  agreement: (caseId: number, body: { agreed_on: string; person_ids: number[]; note?: string }) =>
    apiPost<Case>(`${base(caseId)}/agreement`, body),
  requestClosure: (caseId: number, body: { reason: string; outcome_rating: number; note?: string }) =>
    apiPost<Case>(`${base(caseId)}/closure-request`, body),
  decideClosure: (caseId: number, body: { approved: boolean; note?: string }) =>
    apiPost<Case>(`${base(caseId)}/closure-decision`, body),

  /** Workers of the caller's departments whose name words begin with the words of `q`. */
  workers: (query: { q?: string; page?: number; page_size?: number }, signal?: AbortSignal) =>
    apiGet<Items<WorkerHit> & { page: number; page_size: number }>(`/api/v1/workers${queryString(query)}`, signal),
  teamWorkers: (teamId: number, signal?: AbortSignal) =>
    apiGet<{ items: TeamWorker[] }>(`/api/v1/caseload${queryString({ team_id: teamId })}`, signal),

  instruments: (signal?: AbortSignal) => apiGet<Items<Instrument>>('/api/v1/instruments', signal),
  instrument: (id: string, version: number, signal?: AbortSignal) =>
    apiGet<Instrument>(`/api/v1/instruments/${encodeURIComponent(id)}/${version}`, signal),
  assessments: (caseId: number, signal?: AbortSignal) => apiGet<Items<Assessment>>(`${base(caseId)}/assessments`, signal),
  startAssessment: (caseId: number, instrument: string) =>
    apiPost<Assessment>(`${base(caseId)}/assessments`, { instrument }),
  assessment: (caseId: number, aid: number, signal?: AbortSignal) =>
    apiGet<Assessment>(`${base(caseId)}/assessments/${aid}`, signal),
  saveAssessment: (caseId: number, aid: number, body: { version: number; answers: Answers }) =>
    apiRequest<Assessment>(`${base(caseId)}/assessments/${aid}`, { method: 'PUT', body }),
  completeAssessment: (caseId: number, aid: number, version: number) =>
    apiPost<Assessment>(`${base(caseId)}/assessments/${aid}/complete`, { version }),
  assessmentResult: (caseId: number, aid: number, signal?: AbortSignal) =>
    apiGet<AssessmentResult>(`${base(caseId)}/assessments/${aid}/result`, signal),

  plan: (caseId: number, signal?: AbortSignal) => apiGet<PlanOverview>(`${base(caseId)}/plan`, signal),
  planVersion: (caseId: number, pid: number, signal?: AbortSignal) => apiGet<Plan>(`${base(caseId)}/plans/${pid}`, signal),
  createPlan: (caseId: number, body: PlanBody) => apiPost<Plan>(`${base(caseId)}/plans`, body),
  updatePlan: (caseId: number, pid: number, body: PlanBody & { version: number }) =>
    apiRequest<Plan>(`${base(caseId)}/plans/${pid}`, { method: 'PUT', body }),
  planAgreement: (caseId: number, pid: number, body: { version: number; agreed_on: string; person_ids: number[] }) =>
    apiPost<Plan>(`${base(caseId)}/plans/${pid}/family-agreement`, body),
  submitPlan: (caseId: number, pid: number, version: number) => apiPost<Plan>(`${base(caseId)}/plans/${pid}/submit`, { version }),
  decidePlan: (caseId: number, pid: number, body: { version: number; approved: boolean; note?: string }) =>
    apiPost<Plan>(`${base(caseId)}/plans/${pid}/decision`, body),
  updateTask: (caseId: number, tid: number, body: { version: number; status: string; note?: string }) =>
    apiPatch<Task>(`${base(caseId)}/tasks/${tid}`, body),

  notes: (caseId: number, query: { page: number; page_size: number; kind?: string }, signal?: AbortSignal) =>
    apiGet<Page<Note>>(`${base(caseId)}/notes${queryString(query)}`, signal),
  addNote: (caseId: number, body: { kind: string; occurred_on: string; text: string }) =>
    apiPost<Note>(`${base(caseId)}/notes`, body),

  documents: (caseId: number, signal?: AbortSignal) => apiGet<Items<CaseDocument>>(`${base(caseId)}/documents`, signal),
  upload: (
    caseId: number,
    file: File,
    query: { kind: string; name: string; agreement_id?: number },
    onProgress?: (sent: number, total: number) => void,
  ) =>
    apiUpload<CaseDocument>(`${base(caseId)}/documents${queryString(query)}`, file, {
      contentType: file.type || 'application/octet-stream',
      onProgress,
    }),
  documentUrl: (caseId: number, did: number) => `${base(caseId)}/documents/${did}/content`,

  opinions: (caseId: number, signal?: AbortSignal) => apiGet<Items<Opinion>>(`${base(caseId)}/opinions`, signal),
  createOpinion: (caseId: number, body: OpinionBody) => apiPost<Opinion>(`${base(caseId)}/opinions`, body),
}
