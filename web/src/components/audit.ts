// Audit entries as table rows (shared by the audit page and WhoLookedPanel).
import type { Column } from './types'
import type { AuditEntry } from '../identity-api'
import { formatDateTime, roleName } from '../format'
import { i18n } from '../i18n'

/** Text of an action code in the UI language (the code for actions the UI does not know). */
export function actionName(action: string): string {
  const key = `audit.actions.${action}`
  return i18n.global.te(key) ? i18n.global.t(key) : action
}

export function auditColumns(withEntity: boolean): Column[] {
  const t = i18n.global.t
  const columns: Column[] = [
    { key: 'at', label: t('audit.at') },
    { key: 'who', label: t('audit.user') },
    { key: 'action', label: t('audit.action') },
  ]
  if (withEntity) columns.push({ key: 'entity', label: t('audit.entity') })
  columns.push({ key: 'outcome', label: t('audit.outcome') }, { key: 'reason', label: t('audit.reason') }, {
    key: 'remote',
    label: t('audit.remote'),
  })
  return columns
}

export function auditRows(entries: AuditEntry[]) {
  return entries.map((entry) => ({
    id: entry.seq,
    at: formatDateTime(entry.at),
    who: [entry.username ?? (entry.user_id !== null ? `#${entry.user_id}` : '—'), entry.role ? `(${roleName(entry.role)})` : '']
      .filter(Boolean)
      .join(' '),
    action: actionName(entry.action),
    entity: entry.entity_type ? `${entry.entity_type}${entry.entity_id !== null ? ` #${entry.entity_id}` : ''}` : '',
    outcome: entry.outcome ?? '',
    reason: entry.reason ?? '',
    remote: entry.remote ?? '',
  }))
}
