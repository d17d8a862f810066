import { ElMessage } from 'element-plus'
import i18n, { t } from '@/locales'
import { confirmBox } from '@/composables/useCommon'

/**
 * The localized text of a device command reply's reason code (docs/api-car.md "Device commands"):
 * accepted, offline, timeout, refused, not_plugged_in, not_charging, busy, failed, unsupported_by_device,
 * unsupported_by_protocol, invalid_argument, no_tariff. Unknown codes read as a refusal.
 */
export function commandReasonText(reason) {
  const key = 'shared.command.reason.' + reason
  return i18n.global.te(key) ? t(key) : t('shared.command.reason.refused')
}

/**
 * Send a device command (docs/api-car.md "Device commands"), after a confirmation unless `confirm` is
 * false. `send` must make a silent request (the api/*Command functions do): the result is shown here,
 * localized from the reply's reason code; a refusal without a code (disabled device, unbound lock, no
 * permission) shows the server's msg. `successText` replaces the default success message.
 * Resolves true only when the device accepted.
 */
export async function runCommand(label, name, send, { confirm = true, successText } = {}) {
  if (confirm) {
    try {
      await confirmBox(t('shared.command.confirm', { action: label, name }))
    } catch { return false }
  }
  try {
    await send()
    ElMessage.success(successText || t('shared.command.accepted', { action: label }))
    return true
  } catch (err) {
    const reason = err?.data?.data?.reason
    if (reason) ElMessage.error(t('shared.command.failed', { action: label, reason: commandReasonText(reason) }))
    else if (err?.code !== 401) ElMessage.error(err?.message || t('common.requestFailed'))
    return false
  }
}
