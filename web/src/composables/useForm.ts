import { computed, nextTick, reactive, ref, shallowRef, watch } from 'vue'
import { ApiError } from '../api'

/** One validated field: where its value comes from and the message when it is wrong ('' = fine). */
export interface FieldRule {
  value: () => unknown
  check: () => string
}

/**
 * Validation while typing plus the server's answer for a form.
 * A field's own message shows once it was changed (or the form was sent); the server's
 * field messages show until that field is changed again. `problem` is the last failure.
 */
export function useForm<K extends string>(rules: Record<K, FieldRule>) {
  const fields = Object.keys(rules) as K[]
  const changed = reactive(new Set<string>())
  const changedSinceSubmit = reactive(new Set<string>())
  const submitted = ref(false)
  const busy = ref(false)
  const problem = shallowRef<unknown>(null)

  for (const field of fields) {
    watch(rules[field].value, () => {
      changed.add(field)
      changedSinceSubmit.add(field)
    }, { deep: true })
  }

  /** Messages of a field: its own check, else the server's (also for fields without a rule). */
  function errors(field: K): string[] {
    const rule = rules[field] as FieldRule | undefined
    const own = rule && (submitted.value || changed.has(field)) ? rule.check() : ''
    if (own) return [own]
    if (changedSinceSubmit.has(field) || !(problem.value instanceof ApiError)) return []
    return problem.value.fieldErrors(field)
  }

  const valid = computed(() => fields.every((field) => !rules[field].check()))

  /** Validates, then runs `action`; a failure is kept in `problem`. Returns whether it worked. */
  async function submit(action: () => Promise<void>): Promise<boolean> {
    submitted.value = true
    if (!valid.value) {
      await nextTick()
      document.querySelector<HTMLElement>('#main [aria-invalid="true"]')?.focus()
      return false
    }
    busy.value = true
    problem.value = null
    changedSinceSubmit.clear()
    try {
      await action()
      return true
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return false
      problem.value = e
      await nextTick()
      document.querySelector<HTMLElement>('#main [aria-invalid="true"]')?.focus()
      return false
    } finally {
      busy.value = false
    }
  }

  /** Starts over (e.g. after filling the fields with loaded values). */
  function reset() {
    submitted.value = false
    problem.value = null
    const forget = () => {
      changed.clear()
      changedSinceSubmit.clear()
    }
    forget()
    // Values set together with the reset are seen by the watchers only later: not the user's edits.
    void nextTick(forget)
  }

  return { fields, errors, valid, busy, problem, submit, reset }
}
