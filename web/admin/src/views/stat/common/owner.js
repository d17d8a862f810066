import { ref, computed } from 'vue'
import { useList } from '@/composables/useList'
import { propertyOptions } from '@/api/system/property'
import { useUserStore } from '@/store/modules/user'

/**
 * The owner of a new service-log row (docs/api-stat.md): a system or provider user names the property (from
 * the properties it may see); a property account adds its own rows only, so it gets no such field. The
 * search form's provider/property filters are the shared components/OwnerFilter.
 */
export function useOwner() {
  const userStore = useUserStore()
  const isProperty = computed(() => userStore.userType === 'property')
  const allProperties = ref([]) // the add dialog's

  async function load() {
    if (isProperty.value) return
    try { allProperties.value = (await propertyOptions()).data || [] } catch { allProperties.value = [] }
  }
  return { isProperty, allProperties, load }
}

/** The list's (and the export's) filters: empty ones dropped, the time range as beginTime/endTime (ms). */
export function filtersOf(queryParams, range) {
  const { pageNum, pageSize, ...out } = queryParams
  for (const k of Object.keys(out)) if (out[k] === '' || out[k] === null || out[k] === undefined) delete out[k]
  const [b, e] = range || []
  if (b && e) { out.beginTime = new Date(b).getTime(); out.endTime = new Date(e).getTime() }
  return { pageNum, pageSize, ...out }
}


/** A time-range picker's default times: from the start of the first day to the end of the last. */
export const DAY = [new Date(2000, 0, 1, 0, 0, 0), new Date(2000, 0, 1, 23, 59, 59)]

/**
 * What both service-log pages share: the owner filters, the time range, the list (useList) and the export
 * of the list's filters. api: { list, get, export }.
 */
export function useServiceLogList(queryParams, api) {
  const owner = useOwner()
  const timeRange = ref(null)
  const filters = () => filtersOf(queryParams, timeRange.value)
  const listing = useList({ queryParams, api, params: filters, onReset: () => { timeRange.value = null } })
  const exportRef = ref()
  const exportOpen = ref(false)
  function handleExport() {
    const { pageNum, pageSize, ...f } = filters()
    exportRef.value.start(() => api.export(f))
  }
  listing.getList()
  owner.load()
  return { owner, timeRange, exportRef, exportOpen, handleExport, ...listing }
}
