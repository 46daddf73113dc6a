// The assessment form's model without the page: who is assessed in which role, which sections
// each one answers, the body sent to the server, the required questions still open, and the
// path of each answer in the server's field errors (`answers.members.0.answers.question`).
import type { AnswerMap, Answers, Instrument, Question, Section } from './case-api'
import type { CaseMember } from './useCaseContext'

export interface Subject {
  member: string
  name: string
  role: string
  included: boolean
  answers: AnswerMap
}

/** Years of age on today's date (null when the birth date is not known). */
function age(birthDate: string | null): number | null {
  if (!birthDate) return null
  const born = new Date(`${birthDate}T00:00:00Z`)
  const now = new Date()
  let years = now.getUTCFullYear() - born.getUTCFullYear()
  if (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())) years -= 1
  return years
}

/** A first guess of a member's role: child under 18 when the instrument has a `child` role. */
function guessRole(instrument: Instrument, member: CaseMember): string {
  const ids = instrument.roles.map((r) => r.id)
  const years = age(member.birth_date)
  if (ids.includes('child') && years !== null && years < 18) return 'child'
  if (ids.includes('adult')) return 'adult'
  return ids.find((r) => r !== 'child') ?? ids[0] ?? ''
}

/** The subjects of the form from the saved answers, else every member (or the first one). */
export function initialSubjects(instrument: Instrument, members: CaseMember[], saved: Answers | undefined): Subject[] {
  const stored = saved?.members ?? []
  return members.map((m, index) => {
    const found = stored.find((s) => s.member === String(m.id))
    const included = found ? true : stored.length ? false : instrument.per_member || index === 0
    return { member: String(m.id), name: m.name, role: found?.role ?? guessRole(instrument, m), included, answers: { ...(found?.answers ?? {}) } }
  })
}

export const householdSections = (instrument: Instrument) => instrument.sections.filter((s) => s.scope === 'household')

/** The member sections that a member in `role` answers. */
export function memberSections(instrument: Instrument, role: string): Section[] {
  return instrument.sections.filter((s) => s.scope !== 'household' && (!s.roles?.length || s.roles.includes(role)))
}

export const included = (subjects: Subject[]) => subjects.filter((s) => s.included)

/** The body's `answers`: the household's and the included members' answers (unanswered left out). */
export function answersBody(household: AnswerMap, subjects: Subject[]): Answers {
  const clean = (map: AnswerMap) => Object.fromEntries(Object.entries(map).filter(([, v]) => v !== null && v !== undefined))
  return {
    household: clean(household),
    members: included(subjects).map((s) => ({ member: s.member, role: s.role, answers: clean(s.answers) })),
  }
}

const answered = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0)

/** Paths of the required questions not answered yet (as the server names them). */
export function missingRequired(instrument: Instrument, household: AnswerMap, subjects: Subject[]): string[] {
  const missing: string[] = []
  const check = (questions: Question[], map: AnswerMap, prefix: string) => {
    for (const q of questions) if (q.required && !answered(map[q.id])) missing.push(`${prefix}.${q.id}`)
  }
  for (const s of householdSections(instrument)) check(s.questions, household, 'answers.household')
  included(subjects).forEach((subject, index) => {
    for (const s of memberSections(instrument, subject.role)) check(s.questions, subject.answers, `answers.members.${index}.answers`)
  })
  return missing
}

/** The path of a member's answer in the body (null when the member is not included). */
export function memberPath(subjects: Subject[], member: string, question: string): string | null {
  const index = included(subjects).findIndex((s) => s.member === member)
  return index < 0 ? null : `answers.members.${index}.answers.${question}`
}
