import { useUserStore } from '@/store/modules/user'
import { usePermissionStore } from '@/store/modules/permission'
import { useTagsViewStore } from '@/store/modules/tagsView'

/** Drop the token, the user, the dynamic routes and the open tabs. */
export function clearSession() {
  useUserStore().resetToken()
  usePermissionStore().reset()
  useTagsViewStore().$reset()
}
