// Types and calls of the client registry API (docs/api-registry.md): persons, households,
// duplicates, merge and split, break-glass, import and export.
import { apiGet, apiPatch, apiPost, apiRequest, apiUpload, queryString, type LocalizedText } from './api'
import type { Page } from './identity-api'

/** Who may use the registry at all (search, person pages). */
export const CLIENT_ROLES = ['social_worker', 'supervisor', 'department_head', 'director', 'benefits_officer'] as const
/** Who registers clients (new persons, first-time registration in another department). */
export const REGISTER_ROLES = ['social_worker', 'supervisor', 'department_head', 'benefits_officer'] as const
/** Who may import persons from a CSV file. */
export const IMPORT_ROLES = REGISTER_ROLES
/** Who sees the list of break-glass openings. */
export const BREAK_GLASS_LIST_ROLES = ['supervisor', 'department_head', 'director', 'auditor'] as const
/** Who sees "who looked at this" of a record. */
export const WHO_LOOKED_ROLES = ['supervisor', 'department_head', 'director', 'auditor'] as const
/** Who merges and splits duplicate persons. */
export const MERGE_ROLES = ['supervisor', 'department_head'] as const
/** Who may see and enter special-category data (the server decides; this only hides empty fields). */
export const SENSITIVE_ROLES = ['social_worker', 'supervisor', 'department_head', 'director'] as const

export const CHANNELS = ['visit', 'phone', 'email', 'referral', 'letter', 'other'] as const
export const SEXES = ['F', 'M'] as const
export const LANGUAGES = ['lv', 'ru', 'en', 'uk', 'lt', 'other'] as const
export const NAME_CHANGE_REASONS = ['marriage', 'divorce', 'correction', 'other'] as const
export const CODE_CHANGE_REASONS = ['new_code', 'adoption', 'correction', 'other'] as const
export const RELATIONSHIPS = [
  'head', 'spouse', 'partner', 'child', 'parent', 'guardian', 'foster_parent', 'foster_child',
  'sibling', 'grandparent', 'grandchild', 'other',
] as const
export type Relationship = (typeof RELATIONSHIPS)[number]

export interface Address {
  municipality?: string | null
  locality?: string | null
  street?: string | null
  house?: string | null
  flat?: string | null
  postal_code?: string | null
}

export interface DepartmentRef {
  id?: number
  code: string
  name: LocalizedText
}

export interface Registration {
  department: DepartmentRef
  team_id: number | null
  first_registered_on: string
  channel: string
}

export interface MergeRecord {
  merge_id: number
  person_id: number
  given_names: string
  surname: string
  merged_at: string
  /** Set when the merge was undone (the server keeps undone merges in the history). */
  split_at?: string | null
}

export interface Person {
  id: number
  version: number
  access: 'read' | 'change' | string
  break_glass: boolean
  given_names: string
  surname: string
  personal_code: string | null
  code_format: 'old' | 'new' | null
  other_id_kind: string | null
  other_id: string | null
  birth_date: string | null
  sex: 'F' | 'M' | null
  language: string | null
  phones: string[]
  email: string | null
  declared_address: Address | null
  actual_address: Address | null
  deceased_on: string | null
  sensitive: { disability?: string | null; health_note?: string | null } | null
  name_history: { given_names: string; surname: string; until: string; reason: string }[]
  code_history: { personal_code: string; until: string; reason: string }[]
  registrations: Registration[]
  households: { id: number; relationship: string; kind?: string; since: string; until?: string | null; name?: string }[]
  merged: MergeRecord[]
  /** The server sends the message in both languages ({lv, en}); the contract says a string. */
  warnings: { field: string; message: string | LocalizedText }[]
  /** Cases of the person, once the case module exists (not in the contract yet). */
  cases?: { id: number; number?: string; title?: string }[]
}

/** The fields of POST /api/v1/persons (PATCH takes the same, without the registration ones). */
export interface PersonDraft {
  given_names: string
  surname: string
  personal_code?: string | null
  other_id_kind?: string | null
  other_id?: string | null
  birth_date?: string | null
  sex?: string | null
  language?: string | null
  phones?: string[]
  email?: string | null
  declared_address?: Address | null
  actual_address?: Address | null
  deceased_on?: string | null
  disability?: string | null
  health_note?: string | null
  team_id?: number
  channel?: string
  first_registered_on?: string
  confirm_duplicates?: boolean
  /** Duplicate check only: leave this person (the one being edited) out. */
  exclude_id?: number
  version?: number
  name_change_reason?: string
  code_change_reason?: string
}

export interface SearchHit {
  id: number
  in_scope: boolean
  given_names: string
  surname: string
  personal_code?: string | null
  birth_date?: string | null
  birth_year?: number | null
  address?: string | null
  match?: string
  departments?: DepartmentRef[]
}

export interface SearchPage extends Page<SearchHit> {
  truncated: boolean
}

export interface Candidate {
  id: number
  in_scope: boolean
  given_names: string
  surname: string
  birth_date?: string | null
  birth_year?: number | null
  score: number
  blocking: boolean
  reasons: string[]
  departments?: DepartmentRef[]
}

export interface HouseholdMember {
  person_id: number
  given_names: string
  surname: string
  birth_date?: string | null
  relationship: string
  since: string
  until?: string
  in_scope: boolean
}

export interface Household {
  id: number
  version: number
  access: string
  name: string | null
  kind: 'family_with_children' | 'adults' | string
  address: Address | null
  break_glass?: boolean
  members: HouseholdMember[]
  past_members: HouseholdMember[]
}

export interface HouseholdSummary {
  id: number
  name: string | null
  kind: string
  members_count: number
  address: Address | string | null
}

export interface HouseholdChanges {
  version: number
  name?: string | null
  address?: Address | null
  add_members?: { person_id: number; relationship: string }[]
  remove_members?: number[]
}

export interface BreakGlassOpening {
  id: number
  at: string
  user: { id: number; username: string; full_name: string }
  entity_type: 'person' | 'household' | string
  entity_id: number
  reason: string
}

export interface ImportJob {
  id: string
  state: 'running' | 'done' | 'failed'
  dry_run: boolean
  processed_rows: number
  total_rows: number
  valid_rows?: number
  imported_rows?: number
  /** All errors; `errors` lists only the first 1,000. */
  error_count?: number
  /** Why a failed job failed. */
  problem?: string
  /** Present once the job has ended. */
  errors?: { row: number; column: string | null; message: string }[]
}

export type ExportFormat = 'csv' | 'xlsx'

const id = (value: number | string) => encodeURIComponent(String(value))

export const registryApi = {
  search: (query: { q: string; page: number; page_size: number }, signal?: AbortSignal) =>
    apiGet<SearchPage>(`/api/v1/persons${queryString(query)}`, signal),
  exportUrl: (q: string, format: ExportFormat) => `/api/v1/persons/export${queryString({ q, format })}`,
  person: (personId: number, signal?: AbortSignal) => apiGet<Person>(`/api/v1/persons/${id(personId)}`, signal),
  createPerson: (draft: PersonDraft) => apiPost<Person>('/api/v1/persons', draft),
  updatePerson: (personId: number, changes: PersonDraft) => apiPatch<Person>(`/api/v1/persons/${id(personId)}`, changes),
  duplicates: (draft: PersonDraft, signal?: AbortSignal) =>
    apiRequest<{ candidates: Candidate[] }>('/api/v1/persons/duplicates', { method: 'POST', body: draft, signal }),
  /** First-time registration in another department (that of `team_id`): 201 with the person. */
  register: (personId: number, body: { team_id: number; channel: string; first_registered_on: string }) =>
    apiPost<Person>(`/api/v1/persons/${id(personId)}/registrations`, body),
  merge: (personId: number, duplicateId: number, reason: string) =>
    apiPost<Person>(`/api/v1/persons/${id(personId)}/merge`, { duplicate_id: duplicateId, reason }),
  split: (personId: number, mergeId: number, reason: string) =>
    apiPost<Person>(`/api/v1/persons/${id(personId)}/split`, { merge_id: mergeId, reason }),

  households: (query: { page: number; page_size: number }, signal?: AbortSignal) =>
    apiGet<Page<HouseholdSummary>>(`/api/v1/households${queryString(query)}`, signal),
  household: (householdId: number, signal?: AbortSignal) =>
    apiGet<Household>(`/api/v1/households/${id(householdId)}`, signal),
  createHousehold: (body: {
    name?: string
    address?: Address | null
    team_id?: number
    members: { person_id: number; relationship: string }[]
  }) => apiPost<Household>('/api/v1/households', body),
  updateHousehold: (householdId: number, changes: HouseholdChanges) =>
    apiPatch<Household>(`/api/v1/households/${id(householdId)}`, changes),

  breakGlass: (entityType: 'person' | 'household', entityId: number, reason: string) =>
    apiPost<{ id: number; entity_type: string; entity_id: number; expires: string }>('/api/v1/break-glass', {
      entity_type: entityType,
      entity_id: entityId,
      reason,
    }),
  breakGlassList: (query: { page: number; page_size: number }, signal?: AbortSignal) =>
    apiGet<Page<BreakGlassOpening>>(`/api/v1/break-glass${queryString(query)}`, signal),

  startImport: (
    file: Blob,
    query: { dry_run: boolean; encoding: string; team_id?: number },
    onProgress: (sent: number, total: number) => void,
    signal?: AbortSignal,
  ) =>
    apiUpload<{ id: string }>(
      `/api/v1/imports/persons${queryString({ ...query, dry_run: String(query.dry_run) })}`,
      file,
      { contentType: 'text/csv', onProgress, signal },
    ),
  importJob: (jobId: string, signal?: AbortSignal) => apiGet<ImportJob>(`/api/v1/imports/${id(jobId)}`, signal),
}
