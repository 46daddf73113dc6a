// Types and calls of the identity API (docs/api-identity.md): login, sessions, users, teams, audit.
import { apiGet, apiPatch, apiPost, apiRequest, queryString, type LocalizedText } from './api'

export const ROLES = [
  'social_worker',
  'supervisor',
  'department_head',
  'director',
  'benefits_officer',
  'partner',
  'admin',
  'auditor',
] as const
export type Role = (typeof ROLES)[number]

export type LoginStage = 'totp' | 'enroll' | 'complete'

export interface SessionUser {
  id: number
  username: string
  full_name: string
  roles: string[]
  teams: { id: number; name: LocalizedText }[]
  municipality_id: number
}

export interface Session {
  stage: LoginStage
  csrf_token?: string
  expires_at?: string
  idle_timeout_seconds?: number
  user?: SessionUser
  /** Only in the answer of the enrolment confirmation, shown once. */
  recovery_codes?: string[]
}

export interface Enrollment {
  secret: string
  otpauth_uri: string
  qr_svg: string
}

export interface SessionInfo {
  id: number
  created_at: string
  last_seen_at: string
  remote: string
  user_agent: string
  current: boolean
}

export interface User {
  id: number
  username: string
  full_name: string
  email: string | null
  roles: string[]
  team_ids: number[]
  disabled: boolean
  totp_enabled: boolean
  created_at: string
  /** A partner user's institution (docs/api-partners.md). */
  partner_id?: number | null
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  page_size: number
}

export interface AuditEntry {
  seq: number
  at: string
  user_id: number | null
  username: string | null
  role: string | null
  action: string
  entity_type: string | null
  entity_id: string | number | null
  reason: string | null
  outcome: string | null
  request_id: string | null
  remote: string | null
}

export interface NewUser {
  username: string
  full_name: string
  email?: string
  password: string
  roles: string[]
  team_ids: number[]
  partner_id?: number | null
}

export type UserChanges = Partial<Pick<User, 'full_name' | 'email' | 'roles' | 'team_ids' | 'disabled' | 'partner_id'>>

// The login steps answer 401 for a wrong password or code: that is shown in the form.
const loginCall = { allowUnauthorized: true } as const

export const identityApi = {
  session: (signal?: AbortSignal) => apiRequest<Session>('/api/v1/session', { signal, ...loginCall }),
  login: (username: string, password: string) =>
    apiRequest<Session>('/api/v1/session', { method: 'POST', body: { username, password }, ...loginCall }),
  verifyCode: (code: string) =>
    apiRequest<Session>('/api/v1/session/totp', { method: 'POST', body: { code }, ...loginCall }),
  verifyRecoveryCode: (recoveryCode: string) =>
    apiRequest<Session>('/api/v1/session/totp', { method: 'POST', body: { recovery_code: recoveryCode }, ...loginCall }),
  startEnrollment: () => apiRequest<Enrollment>('/api/v1/session/enrollment', { method: 'POST', body: {}, ...loginCall }),
  confirmEnrollment: (code: string) =>
    apiRequest<Session>('/api/v1/session/enrollment/confirm', { method: 'POST', body: { code }, ...loginCall }),
  logout: () => apiRequest<void>('/api/v1/session', { method: 'DELETE', ...loginCall }),

  mySessions: (signal?: AbortSignal) => apiGet<{ items: SessionInfo[] }>('/api/v1/sessions', signal),
  endSession: (id: number) => apiRequest<void>(`/api/v1/sessions/${id}`, { method: 'DELETE' }),

  users: (query: { page: number; page_size: number; q?: string }, signal?: AbortSignal) =>
    apiGet<Page<User>>(`/api/v1/users${queryString(query)}`, signal),
  user: (id: number, signal?: AbortSignal) => apiGet<User>(`/api/v1/users/${id}`, signal),
  createUser: (user: NewUser) => apiPost<User>('/api/v1/users', user),
  updateUser: (id: number, changes: UserChanges) => apiPatch<User>(`/api/v1/users/${id}`, changes),
  resetTwoFactor: (id: number) => apiPost<void>(`/api/v1/users/${id}/reset-2fa`),
  userSessions: (id: number, signal?: AbortSignal) =>
    apiGet<{ items: SessionInfo[] }>(`/api/v1/users/${id}/sessions`, signal),

  createTeam: (team: { department_id: number; code: string; name_lv: string; name_en: string }) =>
    apiPost<unknown>('/api/v1/teams', team),
  renameTeam: (id: number, names: { name_lv: string; name_en: string }) => apiPatch<unknown>(`/api/v1/teams/${id}`, names),

  audit: (query: Record<string, string | number>, signal?: AbortSignal) =>
    apiGet<Page<AuditEntry>>(`/api/v1/audit${queryString(query)}`, signal),
  entityAudit: (type: string, id: string | number, signal?: AbortSignal) =>
    apiGet<{ items: AuditEntry[] }>(
      `/api/v1/audit/entities/${encodeURIComponent(type)}/${encodeURIComponent(String(id))}`,
      signal,
    ),
}
