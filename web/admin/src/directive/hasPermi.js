import { useUserStore } from '@/store/modules/user'

/** v-hasPermi="['system:user:add']" removes the element unless the user holds one of them. */
export default {
  mounted(el, binding) {
    const value = binding.value
    if (!Array.isArray(value) || !value.length) throw new Error('v-hasPermi needs a non-empty array')
    if (!useUserStore().hasPermi(value)) el.parentNode && el.parentNode.removeChild(el)
  }
}
