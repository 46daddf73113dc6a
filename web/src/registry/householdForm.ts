// The name and address of a household (create and edit forms) and their checks while typing.
import type { FieldRule } from '../composables/useForm'
import type { Household } from '../registry-api'
import { addressValues, emptyAddress, postalCodeRule, teamRule, type AddressValues } from './personForm'

export interface HouseholdValues {
  name: string
  address: AddressValues
  team_id: string
}

export const emptyHousehold = (): HouseholdValues => ({ name: '', address: emptyAddress(), team_id: '' })

export const householdValues = (household: Household): HouseholdValues => ({
  name: household.name ?? '',
  team_id: '',
  address: addressValues(household.address),
})

export function householdRules(values: HouseholdValues, needsTeam: boolean) {
  const rules: Record<string, FieldRule> = { 'address.postal_code': postalCodeRule(() => values.address) }
  if (needsTeam) rules.team_id = teamRule(() => values.team_id)
  return rules
}
