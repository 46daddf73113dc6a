// Types and calls of partner institutions (docs/api-partners.md): the register, the partner
// portal (concern reports, information requests, tasks) and the staff side of information requests.
import { apiGet, apiPatch, apiPost, queryString } from '../api'
import type { Page } from '../identity-api'

export const PARTNER_KINDS = ['school', 'kindergarten', 'orphans_court', 'police', 'health', 'ngo', 'other'] as const
/** Who sees the register (every staff role but the auditor). */
export const REGISTER_ROLES = ['social_worker', 'supervisor', 'department_head', 'director', 'benefits_officer', 'admin'] as const
/** Who keeps the register. */
export const REGISTER_CHANGE_ROLES = ['department_head', 'admin'] as const
/** Who sees and answers information requests (the director only reads). */
export const REQUEST_ROLES = ['social_worker', 'supervisor', 'department_head', 'director'] as const
export const REQUEST_ANSWER_ROLES = ['social_worker', 'supervisor', 'department_head'] as const
/** The partner portal. */
export const PORTAL_ROLES = ['partner'] as const

export interface Contact {
  id?: number
  full_name: string
  position: string | null
  phone: string | null
  email: string | null
}

export interface Partner {
  id: number
  kind: string
  name: string
  registration_number: string | null
  address: string | null
  phone: string | null
  email: string | null
  active: boolean
  contacts: Contact[]
  created_at: string
  updated_at: string
  /** Counts changes; a change names the version it read. */
  version: number
}

export type PartnerDraft = Partial<Omit<Partner, 'id' | 'created_at' | 'updated_at' | 'version'>>

export interface Concern {
  id: number
  reference: string
  child_name: string
  child_birth_date: string | null
  school: string
  concern: string
  categories: string[]
  status: 'received' | 'case_opened' | 'referred' | 'closed'
  received_at: string
  created_at: string
}

export interface ConcernDraft {
  child_name: string
  child_birth_date?: string
  child_personal_code?: string
  school?: string
  concern: string
  categories: string[]
}

export interface InfoRequest {
  id: number
  version: number
  partner: { id: number; name: string }
  requested_by: { id: number; name: string }
  subject_name: string
  subject_birth_date: string | null
  subject_personal_code: string | null
  case_reference: string | null
  question: string
  due_on: string
  status: 'open' | 'answered'
  answer: {
    opinion_id: number
    opinion_reference: string
    note: string | null
    answered_by: string
    answered_at: string
  } | null
  created_at: string
  /** Staff only: the case that answered it. */
  case_id?: number | null
}

export interface RequestDraft {
  subject_name: string
  subject_birth_date?: string
  subject_personal_code?: string
  case_reference?: string
  question: string
  due_on: string
}

export interface PartnerTask {
  id: number
  version: number
  text: string
  goal: string
  due_on: string
  status: string
  note: string | null
  updated_at: string
}

export interface Institution extends Partner {
  user: { id: number; full_name: string }
}

type Paging = { page: number; page_size: number }

export const partnersApi = {
  list: (query: Paging & { q?: string; kind?: string; include_inactive?: string }, signal?: AbortSignal) =>
    apiGet<Page<Partner>>(`/api/v1/partners${queryString(query)}`, signal),
  get: (id: number, signal?: AbortSignal) => apiGet<Partner>(`/api/v1/partners/${id}`, signal),
  create: (draft: PartnerDraft) => apiPost<Partner>('/api/v1/partners', draft),
  /** A change names the version it read (409 when someone changed the institution meanwhile). */
  update: (id: number, version: number, draft: PartnerDraft) =>
    apiPatch<Partner>(`/api/v1/partners/${id}`, { version, ...draft }),

  requests: (query: Paging & { status?: string }, signal?: AbortSignal) =>
    apiGet<Page<InfoRequest>>(`/api/v1/partners/requests${queryString(query)}`, signal),
  answer: (id: number, body: { version: number; case_id: number; opinion_id: number; note?: string }) =>
    apiPost<InfoRequest>(`/api/v1/partners/requests/${id}/answer`, body),
}

export const portalApi = {
  institution: (signal?: AbortSignal) => apiGet<Institution>('/api/v1/partner', signal),
  concerns: (query: Paging, signal?: AbortSignal) =>
    apiGet<Page<Concern>>(`/api/v1/partner/concerns${queryString(query)}`, signal),
  concern: (id: number, signal?: AbortSignal) => apiGet<Concern>(`/api/v1/partner/concerns/${id}`, signal),
  fileConcern: (draft: ConcernDraft) => apiPost<Concern>('/api/v1/partner/concerns', draft),
  requests: (query: Paging & { status?: string }, signal?: AbortSignal) =>
    apiGet<Page<InfoRequest>>(`/api/v1/partner/requests${queryString(query)}`, signal),
  request: (id: number, signal?: AbortSignal) => apiGet<InfoRequest>(`/api/v1/partner/requests/${id}`, signal),
  sendRequest: (draft: RequestDraft) => apiPost<InfoRequest>('/api/v1/partner/requests', draft),
  opinionUrl: (id: number) => `/api/v1/partner/requests/${encodeURIComponent(String(id))}/opinion`,
  tasks: (signal?: AbortSignal) => apiGet<{ items: PartnerTask[]; total: number }>('/api/v1/partner/tasks', signal),
  updateTask: (id: number, body: { version: number; status: string; note?: string }) =>
    apiPatch<PartnerTask>(`/api/v1/partner/tasks/${id}`, body),
}
