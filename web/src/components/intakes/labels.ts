// Option lists and names of the intake codes in the UI language (messages under `intakes.*`).
import { i18n } from '../../i18n'
import { CASE_STAGES, INTAKE_CHANNELS, PROBLEMS, REPORTER_KINDS, URGENCIES } from '../../cases/intakes-api'

const t = (key: string) => i18n.global.t(key)

/** The name of a code of a group (`channel`, `problem`, `urgency`…); the code itself when unknown. */
export function intakeName(group: string, code: string): string {
  const key = `intakes.${group}.${code}`
  return i18n.global.te(key) ? t(key) : code
}

export function stageName(stage: string): string {
  const key = `myCases.stageName.${stage}`
  return i18n.global.te(key) ? t(key) : stage
}

export const problemNames = (codes: readonly string[]) => codes.map((c) => intakeName('problem', c)).join(', ')

export const channelOptions = () => INTAKE_CHANNELS.map((value) => ({ value, label: intakeName('channel', value) }))
export const problemOptions = () => PROBLEMS.map((value) => ({ value: value as string, label: intakeName('problem', value) }))
export const reporterOptions = () => REPORTER_KINDS.map((value) => ({ value, label: intakeName('reporterKind', value) }))
export const urgencyOptions = () =>
  URGENCIES.map((value) => ({ value, label: intakeName('urgency', value), hint: intakeName('urgencyHint', value) }))
export const stageOptions = () => CASE_STAGES.map((value) => ({ value, label: stageName(value) }))
