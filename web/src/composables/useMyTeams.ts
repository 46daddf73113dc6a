import { computed } from 'vue'
import { localized } from '../i18n'
import { useSession } from './useSession'

/**
 * The signed-in user's teams as select options. A request that registers something in a team
 * lets her choose only when she has several (`several`); with one the server takes that one.
 */
export function useMyTeams() {
  const { user } = useSession()
  const teams = computed(() => user.value?.teams ?? [])
  const options = computed(() => teams.value.map((team) => ({ value: String(team.id), label: localized(team.name) })))
  const several = computed(() => teams.value.length > 1)
  return { teams, options, several }
}
