import { ElMessage } from 'element-plus'
import { t } from '@/locales'
import { confirmBox } from '@/composables/useCommon'

/**
 * Confirm and send a device command. Success only when the server accepted it; a refusal
 * (offline, rejected, timeout) was already shown by the request layer with the server's msg.
 */
export async function runCommand(label, name, send) {
  try {
    await confirmBox(t('car.common.confirmCommand', { action: label, name }))
  } catch { return false }
  try {
    const res = await send()
    const msg = res && res.data && res.data.message
    ElMessage.success(msg ? t('car.common.commandAcceptedMsg', { action: label, msg }) : t('car.common.commandAccepted', { action: label }))
    return true
  } catch {
    return false
  }
}
