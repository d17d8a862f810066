import { ElMessage } from 'element-plus'
import { t } from '@/locales'
import { confirmBox } from '@/composables/useCommon'

/**
 * Send a device command (docs/api-car.md "Device commands"), after a confirmation unless
 * `confirm` is false. Success only when the server accepted it; a refusal (offline, rejected,
 * timeout, disabled) has already been shown by the request layer with the server's msg.
 */
export async function runCommand(label, name, send, { confirm = true } = {}) {
  if (confirm) {
    try {
      await confirmBox(t('shared.command.confirm', { action: label, name }))
    } catch { return false }
  }
  try {
    const res = await send()
    const msg = res && res.data && res.data.message
    ElMessage.success(msg ? t('shared.command.acceptedMsg', { action: label, msg }) : t('shared.command.accepted', { action: label }))
    return true
  } catch {
    return false
  }
}
