// Names of the partner codes in the UI language (messages under `partners.*` and `portal.*`).
import { i18n } from '../../i18n'
import { PARTNER_KINDS } from '../../partners/partners-api'

const named = (key: string, code: string) => (i18n.global.te(key) ? i18n.global.t(key) : code)

export const kindName = (kind: string) => named(`partners.kind.${kind}`, kind)
export const kindOptions = () => PARTNER_KINDS.map((value) => ({ value: value as string, label: kindName(value) }))
export const concernStatusName = (status: string) => named(`portal.concern.statusName.${status}`, status)
export const requestStatusName = (status: string) => named(`partners.requests.statusName.${status}`, status)
