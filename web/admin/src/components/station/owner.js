import { required } from '@/utils/validate'

/** The rules of OwnerFields.vue (provider, property) for a station form's `rules`. */
export const ownerRules = () => ({
  providerId: [required('shared.provider', 'change')],
  propertyId: [required('shared.property', 'change')]
})
