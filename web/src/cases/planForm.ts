// The plan editor's model without the page: goals and tasks as form values, from and to the
// API's plan, the assessed difficulties a goal can be tied to, and the checks made while typing.
import { localized } from '../i18n'
import type { AssessmentResult, Plan, PlanBody, Responsible } from './case-api'

export interface TaskValues {
  text: string
  dueOn: string
  kind: 'member' | 'worker' | 'partner'
  personId: string
  userId: string
  partnerName: string
  /** The chosen institution of the partner register ('' for a name typed for one outside it). */
  partnerId: string
}

export interface GoalValues {
  text: string
  /** `assessmentId|member|domain` of an assessed difficulty, or '' for none. */
  link: string
  tasks: TaskValues[]
}

export interface PlanValues {
  reviewOn: string
  goals: GoalValues[]
}

export const emptyTask = (): TaskValues => ({ text: '', dueOn: '', kind: 'member', personId: '', userId: '', partnerName: '', partnerId: '' })
export const emptyGoal = (): GoalValues => ({ text: '', link: '', tasks: [emptyTask()] })

function taskValues(r: Responsible): Pick<TaskValues, 'kind' | 'personId' | 'userId' | 'partnerName' | 'partnerId'> {
  return {
    kind: r.kind,
    personId: r.kind === 'member' ? String(r.person_id) : '',
    userId: r.kind === 'worker' ? String(r.user_id) : '',
    partnerName: r.kind === 'partner' ? (r.name ?? r.partner_name) : '',
    partnerId: r.kind === 'partner' && r.partner_id ? String(r.partner_id) : '',
  }
}

export function planValues(plan: Plan | null): PlanValues {
  if (!plan) return { reviewOn: '', goals: [emptyGoal()] }
  return {
    reviewOn: plan.review_on,
    goals: plan.goals.map((g) => ({
      text: g.text,
      link: g.assessment_id && g.domain ? `${g.assessment_id}|${g.member ?? ''}|${g.domain}` : '',
      tasks: g.tasks.map((task) => ({ text: task.text, dueOn: task.due_on, ...taskValues(task.responsible) })),
    })),
  }
}

function responsible(task: TaskValues): Responsible {
  if (task.kind === 'worker') return { kind: 'worker', user_id: Number(task.userId) }
  if (task.kind === 'partner' && task.partnerId) return { kind: 'partner', partner_id: Number(task.partnerId), partner_name: task.partnerName.trim() }
  if (task.kind === 'partner') return { kind: 'partner', partner_name: task.partnerName.trim() }
  return { kind: 'member', person_id: Number(task.personId) }
}

export function planBody(values: PlanValues): PlanBody {
  return {
    review_on: values.reviewOn,
    goals: values.goals.map((g) => {
      const [assessment, member, domain] = g.link ? g.link.split('|') : []
      return {
        text: g.text.trim(),
        ...(g.link ? { assessment_id: Number(assessment), member: member || null, domain } : {}),
        tasks: g.tasks.map((task) => ({ text: task.text.trim(), due_on: task.dueOn, responsible: responsible(task) })),
      }
    }),
  }
}

/** The difficulties of completed assessments (domains above "low") as goal links. */
export function difficultyOptions(
  results: AssessmentResult[],
  memberName: (id: string) => string,
  householdLabel: string,
  levelName: (level: string) => string,
) {
  const options: { value: string; label: string }[] = []
  for (const result of results) {
    for (const subject of result.summary) {
      for (const domain of subject.domains) {
        if (domain.level === 'low' && !domain.difficulties.length) continue
        const who = subject.household ? householdLabel : memberName(subject.member ?? '')
        options.push({
          value: `${result.assessment.id}|${subject.household ? '' : (subject.member ?? '')}|${domain.domain}`,
          label: `${who} — ${localized(domain.title)} (${levelName(domain.level)})`,
        })
      }
    }
  }
  return options
}

/** Problems of the values as `path → message key` (the same paths as the server's errors). */
export function planProblems(values: PlanValues, today: string): Record<string, string> {
  const problems: Record<string, string> = {}
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.reviewOn)) problems.review_on = 'plan.dateRequired'
  else if (values.reviewOn < today) problems.review_on = 'plan.past'
  if (!values.goals.length) problems.goals = 'plan.goalRequired'
  values.goals.forEach((g, i) => {
    if (!g.text.trim()) problems[`goals.${i}.text`] = 'plan.textRequired'
    if (!g.tasks.length) problems[`goals.${i}.tasks`] = 'plan.taskRequired'
    g.tasks.forEach((task, j) => {
      const at = `goals.${i}.tasks.${j}`
      if (!task.text.trim()) problems[`${at}.text`] = 'plan.textRequired'
      if (!/^\d{4}-\d{2}-\d{2}$/.test(task.dueOn)) problems[`${at}.due_on`] = 'plan.dateRequired'
      else if (task.dueOn < today) problems[`${at}.due_on`] = 'plan.past'
      if (task.kind === 'member' && !task.personId) problems[`${at}.responsible`] = 'plan.memberRequired'
      if (task.kind === 'worker' && !/^\d+$/.test(task.userId)) problems[`${at}.responsible`] = 'plan.workerRequired'
      if (task.kind === 'partner' && !task.partnerId && !task.partnerName.trim()) problems[`${at}.responsible`] = 'plan.partnerRequired'
    })
  })
  return problems
}
