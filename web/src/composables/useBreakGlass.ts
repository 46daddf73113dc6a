import { useRouter } from 'vue-router'
import { i18n } from '../i18n'
import { registryApi } from '../registry-api'
import { useConfirm } from './useConfirm'

export const BREAK_GLASS_MIN_REASON = 10

/**
 * Opening a record outside the user's scope ("break-glass"): a dialog asks for the reason
 * (at least 10 characters), the opening is recorded (POST /api/v1/break-glass) and the record
 * is shown. Bind `dialog`, `confirm` and `cancel` to a ConfirmDialog.
 */
export function useBreakGlass() {
  const router = useRouter()
  const confirmer = useConfirm()
  const t = i18n.global.t

  function open(entityType: 'person' | 'household', entityId: number, name: string) {
    confirmer.ask({
      title: t('registry.breakGlass.title'),
      message: t('registry.breakGlass.text', { name }),
      confirmLabel: t('registry.breakGlass.confirm'),
      reasonLabel: t('registry.breakGlass.reason'),
      reasonMinLength: BREAK_GLASS_MIN_REASON,
      action: async (reason) => {
        await registryApi.breakGlass(entityType, entityId, reason)
        await router.push(entityType === 'person' ? `/persons/${entityId}` : `/households/${entityId}`)
      },
    })
  }
  return { ...confirmer, open }
}
