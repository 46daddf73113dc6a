import { useI18n } from 'vue-i18n'
import { localized } from '../i18n'
import { useMunicipality } from '../composables/useMunicipality'

/** Where the name of a key's code is found (other keys: `statistics.values.<key>.<code>`). */
const KEY_MESSAGES: Record<string, string> = {
  problem: 'intakes.problem',
  with_problem: 'intakes.problem',
  level: 'assessment.levels',
  service_kind: 'services.kinds',
  capacity_unit: 'services.capacityUnits',
}

/**
 * Names of what the statistics API sends as codes, in the UI language: a key's value (a
 * department code, a problem category, a service kind, …), a count's or measure's name, and
 * numbers (decimal comma in Latvian). An unknown code is shown as it is.
 */
export function useFigureLabels() {
  const { t, te, locale } = useI18n()
  const municipality = useMunicipality()

  function departmentName(code: string): string {
    const department = municipality.data.value?.departments.find((d) => d.code === code)
    return department ? localized(department.name) : code
  }

  /** The name of `code`, a value of the key `key`. */
  function keyValue(key: string, code: string): string {
    void locale.value
    const path = `${KEY_MESSAGES[key] ?? `statistics.values.${key}`}.${code}`
    if (te(path)) return t(path)
    return key === 'department' ? departmentName(code) : code
  }

  /** The name of a key column, a count or a measure. */
  function columnName(name: string): string {
    return te(`statistics.names.${name}`) ? t(`statistics.names.${name}`) : name
  }

  function number(value: number): string {
    return new Intl.NumberFormat(locale.value === 'lv' ? 'lv-LV' : 'en-GB', { maximumFractionDigits: 1 }).format(value)
  }

  return { keyValue, columnName, number }
}
