// The caseloads the statistics page charts (docs/api-cases-plan.md): every worker of the teams the
// caller may see (GET /api/v1/caseload: supervisors, department heads, the director), and the
// caller's own caseload (GET /api/v1/my/work) for a social worker.
import { apiGet, queryString } from '../api'
import { intakesApi, type TeamCaseload } from '../cases/intakes-api'

/** Who sees a team's caseload per worker; a social worker sees only her own. */
export const TEAM_CASELOAD_ROLES = ['director', 'department_head', 'supervisor'] as const
export const OWN_CASELOAD_ROLES = ['social_worker'] as const

/** GET /api/v1/caseload: the workers of the teams answered (`team_ids`). */
export interface TeamsCaseload extends TeamCaseload {
  team_ids: number[]
}

export const caseloadApi = {
  /** One team's workers, or (without `teamId`) those of every team the caller may see. */
  teams: (teamId: number | undefined, signal?: AbortSignal) =>
    apiGet<TeamsCaseload>(`/api/v1/caseload${queryString({ team_id: teamId })}`, signal),
  own: (signal?: AbortSignal) => intakesApi.myWork(signal).then((work) => work.caseload),
}
