import { computed } from 'vue'
import { ElMessage, ElMessageBox } from 'element-plus'
import i18n, { t } from '@/locales'

/** A width (form labels, action columns) that fits the current language. */
export function useLabelWidth(zh = '96px', en = '140px') {
  return computed(() => (i18n.global.locale.value === 'en' ? en : zh))
}

export function confirmBox(message, type = 'warning') {
  return ElMessageBox.confirm(message, t('common.tip'), {
    type, confirmButtonText: t('common.confirm'), cancelButtonText: t('common.cancel')
  })
}

/** Status switch handler: the switch has already flipped row.status; confirm, call, or revert. */
export async function toggleStatus(row, name, api) {
  const action = row.status === 0 ? t('common.enable') : t('common.disable')
  try {
    await confirmBox(t('common.confirmStatus', { action, name }))
  } catch {
    row.status = row.status === 0 ? 1 : 0
    return false
  }
  try {
    await api(row.id, row.status)
    ElMessage.success(t('common.opSuccess'))
    return true
  } catch {
    row.status = row.status === 0 ? 1 : 0
    return false
  }
}

/** Confirm and delete; returns true when deleted. */
export async function confirmDelete(name, api, ids) {
  try {
    await confirmBox(typeof name === 'number' ? t('common.confirmDeleteSelected', { n: name }) : t('common.confirmDelete', { name }))
  } catch { return false }
  await api(ids)
  ElMessage.success(t('common.deleteSuccess'))
  return true
}
