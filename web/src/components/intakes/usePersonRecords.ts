import { ref, watch, type Ref } from 'vue'
import { registryApi, type Person } from '../../registry-api'
import { personName } from '../../registry/labels'
import { i18n } from '../../i18n'

/**
 * The registry records of the persons of an intake, loaded as the list of ids changes (each
 * once); `label` names a person, or "Person no. N" while loading or when she cannot be read.
 */
export function usePersonRecords(ids: Ref<readonly number[]>) {
  const records = ref<Record<number, Person | 'error'>>({})

  async function load(id: number) {
    try {
      records.value = { ...records.value, [id]: await registryApi.person(id) }
    } catch {
      records.value = { ...records.value, [id]: 'error' }
    }
  }
  watch(ids, (list) => list.filter((id) => !(id in records.value)).forEach((id) => void load(id)), { immediate: true })

  function record(id: number): Person | null {
    const r = records.value[id]
    return r && r !== 'error' ? r : null
  }

  function label(id: number): string {
    const r = record(id)
    return r ? personName(r) : i18n.global.t('intakes.personNumbered', { id })
  }

  /** The current households of the loaded persons: id → name. */
  function households(): Map<string, string> {
    const seen = new Map<string, string>()
    for (const id of ids.value) {
      for (const h of record(id)?.households.filter((h) => !h.until) ?? []) {
        seen.set(String(h.id), h.name || i18n.global.t('intakes.householdNumbered', { id: h.id }))
      }
    }
    return seen
  }

  return { records, record, label, households }
}
