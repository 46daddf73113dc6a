// Types and calls of the mobile social service API (docs/api-mobile.md): the day plans (routes)
// of a mobile service on a date (changed or cancelled), their stops in route order, reordering and moving a stop,
// recording a visit, and the printable day list (PDF).
import { apiGet, apiPatch, apiPost, apiRequest } from '../api'

/** The service kind that has day plans. */
export const MOBILE_KIND = 'mobile_service'
/** What a stop brings or delivers. */
export const MOBILE_ITEMS = ['hot_meal', 'hygiene', 'shopping', 'social_work', 'medicines'] as const
export type MobileItem = (typeof MOBILE_ITEMS)[number]
/** How a visit went. */
export const VISIT_OUTCOMES = ['visited', 'not_home', 'refused'] as const
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number]

export interface StopItem {
  item: MobileItem
  quantity: number
}
/** A stop; the client, address, phone, notes and items only where the user may read her case. */
export interface MobileStop {
  id: number
  plan_id: number
  position: number
  window_from: string | null
  window_to: string | null
  outcome: VisitOutcome | null
  recorded_at: string | null
  version: number
  redacted: boolean
  referral_id?: number
  case_id?: number
  person?: { id: number; name: string }
  address?: string | null
  phone?: string | null
  note?: string | null
  planned?: StopItem[]
  outcome_note?: string | null
  delivered?: StopItem[]
  delivery_id?: number | null
}
export interface DayPlan {
  id: number
  service_id: number
  date: string
  route: string
  vehicle: string | null
  note: string | null
  crew: { user_id: number; name: string }[]
  stops: MobileStop[]
  version: number
}
export interface MobileDay {
  service_id: number
  date: string
  plans: DayPlan[]
}
export interface NewPlan {
  route: string
  vehicle?: string | null
  crew?: number[]
  note?: string | null
}
/** A change of a plan itself (members left out stay; null clears). */
export interface PlanChange {
  route?: string
  vehicle?: string | null
  note?: string | null
  crew?: number[]
}
export interface NewStop {
  referral_id: number
  window_from?: string | null
  window_to?: string | null
  address?: string | null
  note?: string | null
  planned?: StopItem[]
}
export interface StopChange {
  position?: number
  plan_id?: number
}
export interface Visit {
  outcome: VisitOutcome
  delivered?: StopItem[]
  note?: string | null
}

/** The longest route name and vehicle, and the longest note (as the API allows). */
export const ROUTE_MAX = 200
export const NOTE_MAX = 2000
type Translate = (key: string, values?: Record<string, unknown>) => string
/** A route name as typed: required, at most ROUTE_MAX characters ('' when fine). */
export function checkRoute(route: string, t: Translate): string {
  if (!route.trim()) return t('mobile.routeRequired')
  return route.trim().length > ROUTE_MAX ? t('mobile.routeTooLong', { n: ROUTE_MAX }) : ''
}
/** A vehicle as typed: optional, at most ROUTE_MAX characters. */
export function checkVehicle(vehicle: string, t: Translate): string {
  return vehicle.trim().length > ROUTE_MAX ? t('mobile.vehicleTooLong', { n: ROUTE_MAX }) : ''
}

const base = (serviceId: number) => `/api/v1/services/${serviceId}`
const stopUrl = (serviceId: number, stop: MobileStop) => `${base(serviceId)}/plans/${stop.plan_id}/stops/${stop.id}`

export const mobileApi = {
  day: (serviceId: number, date: string, signal?: AbortSignal) => apiGet<MobileDay>(`${base(serviceId)}/days/${date}`, signal),
  createPlan: (serviceId: number, date: string, body: NewPlan) => apiPost<DayPlan>(`${base(serviceId)}/days/${date}/plans`, body),
  changePlan: (serviceId: number, plan: DayPlan, body: PlanChange) =>
    apiPatch<DayPlan>(`${base(serviceId)}/plans/${plan.id}`, { version: plan.version, ...body }),
  cancelPlan: (serviceId: number, plan: DayPlan) =>
    apiRequest<void>(`${base(serviceId)}/plans/${plan.id}?version=${plan.version}`, { method: 'DELETE' }),
  addStop: (serviceId: number, planId: number, body: NewStop) => apiPost<DayPlan>(`${base(serviceId)}/plans/${planId}/stops`, body),
  changeStop: (serviceId: number, stop: MobileStop, body: StopChange) =>
    apiPatch<DayPlan>(stopUrl(serviceId, stop), { version: stop.version, ...body }),
  removeStop: (serviceId: number, stop: MobileStop) =>
    apiRequest<DayPlan>(`${stopUrl(serviceId, stop)}?version=${stop.version}`, { method: 'DELETE' }),
  visit: (serviceId: number, stop: MobileStop, body: Visit) =>
    apiPost<DayPlan>(`${stopUrl(serviceId, stop)}/visit`, { version: stop.version, ...body }),
  /** The printable day list of a plan (PDF, a download link). */
  dayListUrl: (serviceId: number, planId: number) => `${base(serviceId)}/plans/${planId}/day-list.pdf`,
}
