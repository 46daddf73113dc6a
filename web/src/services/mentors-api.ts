// Types and calls of the mentor API (docs/api-mentors.md): the register of mentors (staff and
// volunteers) and, for a placed referral of a mentor service, its pairings with a mentor, the
// cooperation-plan goals they work towards, the meetings and the end of a pairing.
import { apiDelete, apiGet, apiPatch, apiPost, queryString } from '../api'
import { servicesApi } from './services-api'

/** Who adds and changes mentors (the server decides; the catalogue's readers see the register). */
export const MENTOR_ADMIN_ROLES = ['admin', 'department_head'] as const
export const MENTOR_KINDS = ['volunteer', 'staff'] as const
export const MEETING_FORMATS = ['in_person', 'online', 'phone', 'outing'] as const

export interface Mentor {
  id: number
  kind: 'staff' | 'volunteer'
  user_id: number | null
  name: string
  phone: string | null
  email: string | null
  trained_on: string
  active: boolean
  max_mentees: number
  active_pairings: number
  free: number
  version: number
}

/** A mentor's active pairing; the person only where the caller may read the case. */
export interface Mentee {
  pairing_id: number
  referral_id: number
  from_on: string
  redacted: boolean
  case_id?: number
  person?: { name: string }
}

export interface MentorPage extends Mentor {
  mentees: Mentee[]
}

export interface MentorBody {
  kind?: string
  user_id?: number | null
  name?: string | null
  phone?: string | null
  email?: string | null
  trained_on?: string
  active?: boolean
  max_mentees?: number
}

export interface PlanGoal {
  id: number
  plan_id: number
  plan_number: number
  plan_status: string
  text: string
}

export interface Meeting {
  id: number
  pairing_id: number
  delivery_id: number | null
  met_on: string
  minutes: number
  format: string
  place: string | null
  attended: boolean
  note: string | null
  unreadable?: boolean
  recorded_by: { id: number; name: string }
  version: number
  /** Who corrected the meeting last, and when (null: never corrected). */
  corrected_by: { id: number; name: string } | null
  corrected_at: string | null
}

export interface Pairing {
  id: number
  referral_id: number
  mentor: { id: number; name: string; kind: string }
  from_on: string
  until_on: string | null
  end_reason: string | null
  override_reason: string | null
  active: boolean
  version: number
  goals: PlanGoal[]
  meetings: Meeting[]
}

/** The mentor side of a referral: its pairings (newest first) and the goals of the plan in force. */
export interface ReferralMentoring {
  referral_id: number
  case_id: number
  state: string
  start_on: string | null
  unit: string
  pairings: Pairing[]
  plan_goals: PlanGoal[]
}

export interface MeetingBody {
  met_on: string
  minutes: number
  format: string
  place: string | null
  attended: boolean
  note: string | null
}

const mentorPath = (referralId: number) => `/api/v1/referrals/${referralId}/mentor`

export const mentorsApi = {
  list: (query: { page: number; page_size: number; active?: boolean }, signal?: AbortSignal) =>
    apiGet<{ items: Mentor[]; total: number; page: number; page_size: number }>(
      `/api/v1/services/mentors${queryString({ page: query.page, page_size: query.page_size, active: query.active === undefined ? undefined : String(query.active) })}`,
      signal,
    ),
  get: (id: number, signal?: AbortSignal) => apiGet<MentorPage>(`/api/v1/services/mentors/${id}`, signal),
  create: (body: MentorBody) => apiPost<Mentor>('/api/v1/services/mentors', body),
  update: (id: number, body: MentorBody & { version: number }) => apiPatch<Mentor>(`/api/v1/services/mentors/${id}`, body),

  mentoring: (referralId: number, signal?: AbortSignal) => apiGet<ReferralMentoring>(mentorPath(referralId), signal),
  pair: (referralId: number, body: { mentor_id: number; from_on: string; override_reason: string | null }) =>
    apiPost<Pairing>(mentorPath(referralId), body),
  end: (p: Pairing, body: { until_on: string; reason: string }) =>
    apiPost<Pairing>(`${mentorPath(p.referral_id)}/${p.id}/end`, { version: p.version, ...body }),
  linkGoal: (p: Pairing, goalId: number) => apiPost<Pairing>(`${mentorPath(p.referral_id)}/${p.id}/goals`, { goal_id: goalId }),
  unlinkGoal: (p: Pairing, goalId: number) => apiDelete(`${mentorPath(p.referral_id)}/${p.id}/goals/${goalId}`),
  meet: (p: Pairing, body: MeetingBody) => apiPost<Meeting>(`${mentorPath(p.referral_id)}/${p.id}/meetings`, body),
  correctMeeting: (p: Pairing, m: Meeting, body: Partial<MeetingBody>) =>
    apiPatch<Meeting>(`${mentorPath(p.referral_id)}/${p.id}/meetings/${m.id}`, { version: m.version, ...body }),
  /** Removes the meeting with the version shown (409 when someone corrected it meanwhile). */
  removeMeeting: (p: Pairing, m: Meeting) =>
    apiDelete(`${mentorPath(p.referral_id)}/${p.id}/meetings/${m.id}${queryString({ version: m.version })}`),
}

// The kinds of the catalogue's services, loaded once a minute at most: a referral shows its
// mentor panel only when its service is a mentor service.
let kinds: { at: number; map: Promise<Map<number, string>> } | null = null
export function serviceKind(serviceId: number): Promise<string | undefined> {
  if (!kinds || Date.now() - kinds.at > 60_000) {
    const map = servicesApi.list(true).then((page) => new Map(page.items.map((s) => [s.id, s.kind])))
    kinds = { at: Date.now(), map }
    map.catch(() => (kinds = null))
  }
  return kinds.map.then((m) => m.get(serviceId))
}
