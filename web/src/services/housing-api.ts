// Types and calls of the housing API (docs/api-housing.md): the units, rooms and places of a
// group apartment or social house (added, renamed with their version, removed with it while no
// resident ever lived there, a place taken out of use and back), occupancy on a date, and
// residents' stays (move-in, move-out).
import { apiDelete, apiGet, apiPatch, apiPost, queryString } from '../api'

/** Service kinds that have units, rooms and places. */
export const HOUSING_KINDS = ['group_apartment', 'social_house'] as const

/** Why and since when a place is out of use (a broken bed under repair). */
export interface OutOfUse {
  since: string
  reason: string
  by: { id: number; name: string }
}
export interface HousingPlace {
  id: number
  room_id: number
  name: string
  version: number
  out_of_use: OutOfUse | null
}
export interface HousingRoom {
  id: number
  unit_id: number
  name: string
  places: HousingPlace[]
  version: number
}
export interface HousingUnit {
  id: number
  service_id: number
  name: string
  address: string | null
  rooms: HousingRoom[]
  version: number
}
export interface UnitOccupancy {
  unit_id: number
  name: string
  places: number
  occupied: number
  /** Unoccupied places out of use that day (not counted as free). */
  out_of_use: number
  free: number
}
export interface Occupancy {
  service_id: number
  on: string
  capacity: number
  places: number
  occupied: number
  out_of_use: number
  free: number
  units: UnitOccupancy[]
}
/** A stay; the person only where the caller may read the resident's case. */
export interface Stay {
  id: number
  service_id: number
  unit: { id: number; name: string }
  room: { id: number; name: string }
  place: { id: number; name: string }
  referral_id: number
  move_in_on: string
  move_out_on: string | null
  move_out_reason: string | null
  version: number
  redacted: boolean
  case_id?: number
  person?: { id: number; name: string }
}

export const housingApi = {
  units: (serviceId: number, signal?: AbortSignal) =>
    apiGet<{ items: HousingUnit[]; total: number }>(`/api/v1/services/${serviceId}/units`, signal),
  occupancy: (serviceId: number, on?: string, signal?: AbortSignal) =>
    apiGet<Occupancy>(`/api/v1/services/${serviceId}/occupancy${queryString({ on })}`, signal),
  stays: (serviceId: number, unitId: number, on?: string, signal?: AbortSignal) =>
    apiGet<{ items: Stay[]; total: number }>(`/api/v1/services/${serviceId}/units/${unitId}/stays${queryString({ on })}`, signal),
  moveIn: (serviceId: number, body: { referral_id: number; place_id: number; move_in_on: string }) =>
    apiPost<Stay>(`/api/v1/services/${serviceId}/stays`, body),
  addUnit: (serviceId: number, body: { name: string; address?: string }) =>
    apiPost<HousingUnit>(`/api/v1/services/${serviceId}/units`, body),
  addRoom: (serviceId: number, unitId: number, name: string) =>
    apiPost<HousingRoom>(`/api/v1/services/${serviceId}/units/${unitId}/rooms`, { name }),
  addPlace: (serviceId: number, unitId: number, roomId: number, name: string) =>
    apiPost<HousingPlace>(`/api/v1/services/${serviceId}/units/${unitId}/rooms/${roomId}/places`, { name }),
  renameUnit: (serviceId: number, unit: HousingUnit, body: { name?: string; address?: string | null }) =>
    apiPatch<HousingUnit>(`/api/v1/services/${serviceId}/units/${unit.id}`, { version: unit.version, ...body }),
  renameRoom: (serviceId: number, room: HousingRoom, name: string) =>
    apiPatch<HousingUnit>(`/api/v1/services/${serviceId}/units/${room.unit_id}/rooms/${room.id}`, { version: room.version, name }),
  /** Removals name the version shown (409 when someone renamed it meanwhile). */
  removeUnit: (serviceId: number, unit: HousingUnit) =>
    apiDelete(`/api/v1/services/${serviceId}/units/${unit.id}${queryString({ version: unit.version })}`),
  removeRoom: (serviceId: number, room: HousingRoom) =>
    apiDelete(`/api/v1/services/${serviceId}/units/${room.unit_id}/rooms/${room.id}${queryString({ version: room.version })}`),
  removePlace: (serviceId: number, unitId: number, place: HousingPlace) =>
    apiDelete(`/api/v1/services/${serviceId}/units/${unitId}/rooms/${place.room_id}/places/${place.id}${queryString({ version: place.version })}`),
  /** Takes a place out of use with a reason, or returns it to use; answers the place's unit. */
  setPlaceUse: (serviceId: number, unitId: number, place: HousingPlace, body: { out_of_use: true; reason: string } | { out_of_use: false }) =>
    apiPatch<HousingUnit>(`/api/v1/services/${serviceId}/units/${unitId}/rooms/${place.room_id}/places/${place.id}`, {
      version: place.version,
      ...body,
    }),
  moveOut: (stay: Stay, body: { move_out_on: string; reason: string }) =>
    apiPost<Stay>(`/api/v1/services/${stay.service_id}/stays/${stay.id}/move-out`, { version: stay.version, ...body }),
}
