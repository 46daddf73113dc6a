// The four steps of the application wizard, shared by the new-application page (step 1) and
// the application page (steps 2–4).
import { i18n } from '../i18n'
import type { Application } from '../assistance-api'

export interface WizardStep {
  key: string
  label: string
  /** Where the step is opened; without it the step is shown but cannot be chosen. */
  to?: { query: Record<string, string> }
  done?: boolean
}

export const STEP_KEYS = ['household', 'declaration', 'calculation', 'decision'] as const
export type StepKey = (typeof STEP_KEYS)[number]

export const isStep = (value: unknown): value is StepKey => typeof value === 'string' && (STEP_KEYS as readonly string[]).includes(value)

/** The step to show when the address does not say: where the application's work is now. */
export const defaultStep = (application: Application): StepKey => (application.status === 'draft' ? 'declaration' : 'decision')

export function wizardSteps(application: Application | null): WizardStep[] {
  const t = i18n.global.t
  const decided = application?.status === 'decided'
  return STEP_KEYS.map((key, index) => ({
    key,
    label: t(`assistance.wizard.${key}`),
    to: application && index > 0 ? { query: { step: key } } : undefined,
    done: !!application && (index === 0 || decided || (application.status === 'submitted' && index < 3)),
  }))
}
