// Types and calls of the services API (docs/api-services.md): the service catalogue, a service's
// page with capacity and waiting list, and referrals of a case's members with their decision,
// placement, end and delivery log.
import { apiGet, apiPatch, apiPost, queryString, type LocalizedText } from '../api'

/** Who sees the catalogue (the server decides the rest). */
export const SERVICE_ROLES = ['social_worker', 'supervisor', 'department_head', 'director', 'admin'] as const
/** Who adds and changes services. */
export const SERVICE_ADMIN_ROLES = ['admin', 'department_head'] as const
/** Who decides on referrals and places them (for the case's team or department). */
export const REFERRAL_DECIDER_ROLES = ['supervisor', 'department_head'] as const

export const SERVICE_KINDS = [
  'mentor', 'group_apartment', 'social_house', 'psychologist', 'youth_centre', 'mobile_service', 'home_care',
  'crisis_centre', 'day_centre', 'addiction_rehabilitation', 'other',
] as const
export const CAPACITY_UNITS = ['places', 'hours_per_month', 'visits_per_month'] as const
export const DELIVERY_UNITS = ['day', 'hour', 'visit', 'session', 'month'] as const
export const FUNDING_SOURCES = ['municipal', 'state', 'project'] as const
export const TARGET_GROUPS = [
  'children', 'youth_at_risk', 'families_with_children', 'adults', 'seniors', 'disability', 'mental_disorder',
  'addiction', 'homeless', 'violence',
] as const
export const PRIORITIES = [1, 2, 3] as const

export interface Service {
  id: number
  name: LocalizedText
  kind: string
  provider: { department_id: number | null; partner_id: number | null; name: string; contract_from: string | null; contract_to: string | null }
  eligibility: { age_min: number | null; age_max: number | null; target_groups: string[] }
  capacity: number
  capacity_unit: string
  unit: string
  price_cents: number
  funding: { source: string; project_number: string | null }
  active: boolean
  version: number
  /** In the catalogue list: what placements take and how many wait. */
  occupied?: number
  waiting?: number
  /** In the catalogue list: requests awaiting a decision, and those past their deadline. */
  requested?: number
  decisions_overdue?: number
}

/** An entry of a service's waiting list or placed list; the person only where the caller may read the case. */
export interface ServiceEntry {
  referral_id: number
  position?: number
  priority: number
  waiting_since?: string
  start_on?: string
  quantity: number
  redacted: boolean
  case_id?: number
  person?: { id: number; name: string }
}

/** A service's page: capacity, occupancy, one page of the waiting list (true positions) and who is placed. */
export interface ServicePage extends Omit<Service, 'waiting'> {
  occupied: number
  free: number
  waiting: { items: ServiceEntry[]; total: number; page: number; page_size: number }
  placed: ServiceEntry[]
}

/** Entries per page of a service's waiting list (the server allows 1–200). */
export const WAITING_PAGE_SIZE = 50

export interface UserRef {
  id: number
  name: string
}

export interface Referral {
  id: number
  service: { id: number; name: LocalizedText }
  case_id: number
  person: { id: number; name: string }
  target_group: string | null
  quantity: number
  note: string | null
  state: 'requested' | 'refused' | 'waiting' | 'placed' | 'ended'
  version: number
  requested_on: string
  requested_by: UserRef
  decision_due_on: string
  decision_overdue: boolean
  decision: 'granted' | 'refused' | null
  decision_reason: string | null
  decided_by: UserRef | null
  priority: number | null
  waiting_since: string | null
  position: number | null
  start_on: string | null
  override_reason: string | null
  end_on: string | null
  end_reason: string | null
  deliveries?: Delivery[]
}

export interface Delivery {
  id: number
  referral_id: number
  delivered_on: string
  quantity: number
  attended: boolean
  note: string | null
  recorded_by: UserRef
  recorded_at: string
}

/** The body of a new service or a change (see docs/api-services.md). */
export interface ServiceBody {
  name_lv?: string
  name_en?: string
  kind?: string
  provider_department_id?: number | null
  provider_partner_id?: number | null
  contract_from?: string | null
  contract_to?: string | null
  age_min?: number | null
  age_max?: number | null
  target_groups?: string[]
  capacity?: number
  capacity_unit?: string
  unit?: string
  price_cents?: number
  funding?: string
  project_number?: string | null
  active?: boolean
  version?: number
}

export const servicesApi = {
  list: (all: boolean, signal?: AbortSignal) =>
    apiGet<{ items: Service[]; total: number }>(`/api/v1/services${queryString({ all: all ? 1 : undefined })}`, signal),
  page: (id: number, waitingPage = 1, signal?: AbortSignal) =>
    apiGet<ServicePage>(
      `/api/v1/services/${id}${queryString({ waiting_page: waitingPage > 1 ? waitingPage : undefined, waiting_page_size: WAITING_PAGE_SIZE })}`,
      signal,
    ),
  create: (body: ServiceBody) => apiPost<Service>('/api/v1/services', body),
  update: (id: number, body: ServiceBody) => apiPatch<Service>(`/api/v1/services/${id}`, body),

  caseReferrals: (caseId: number, signal?: AbortSignal) =>
    apiGet<{ items: Referral[]; total: number }>(`/api/v1/cases/${caseId}/referrals`, signal),
  referral: (id: number, signal?: AbortSignal) => apiGet<Referral>(`/api/v1/referrals/${id}`, signal),
  request: (body: { case_id: number; person_id: number; service_id: number; target_group?: string | null; quantity?: number; note?: string | null }) =>
    apiPost<Referral>('/api/v1/referrals', body),
  decide: (r: Referral, body: { granted: boolean; reason?: string; priority?: number }) =>
    apiPost<Referral>(`/api/v1/referrals/${r.id}/decision`, { version: r.version, ...body }),
  place: (r: Referral, body: { start_on: string; override_reason?: string | null }) =>
    apiPost<Referral>(`/api/v1/referrals/${r.id}/placement`, { version: r.version, ...body }),
  end: (r: Referral, body: { end_on: string; reason: string }) =>
    apiPost<Referral>(`/api/v1/referrals/${r.id}/end`, { version: r.version, ...body }),
  deliver: (r: Referral, body: { delivered_on: string; quantity: number; attended: boolean; note?: string | null }) =>
    apiPost<Delivery>(`/api/v1/referrals/${r.id}/deliveries`, body),
}

/** Money in integer cents as euros for the UI language ("18,50 €"). */
export function formatCents(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale === 'en' ? 'en-IE' : 'lv-LV', { style: 'currency', currency: 'EUR' }).format(cents / 100)
}
