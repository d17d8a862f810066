import { ref } from 'vue'
import { t } from '@/locales'
import { addDateRange } from '@/utils'
import { useList } from '@/composables/useList'
import { fmtYuan } from '@/utils/units'
import { stationOptions as carStations } from '@/api/car/station'
import { stationOptions as bikeStations } from '@/api/bike/station'
import { last7Days } from './helpers'
import { exportFilters } from '@/utils/download'

/**
 * What every ORD list page shares: the search (default: the last 7 days), the list with its total (the
 * server caps the count at 10,000: `capped`), the streamed export with progress, and the detail drawer.
 *   queryParams  the page's reactive filters (with pageNum, pageSize)
 *   api          { list, get, export } — the page's API functions
 *   extra(p)     adds the page's own filters to the query (e.g. a second time range); returns p
 *   onReset()    clears what resetFields does not (extra ranges, dependent options)
 * Template refs `queryRef` and `exportRef` bind by name to the returned refs.
 */
export function useOrderList({ queryParams, api, extra = (p) => p, onReset = () => {} }) {
  const dateRange = ref(last7Days())
  const params = () => extra(addDateRange(queryParams, dateRange.value))
  const base = useList({ queryParams, api, params, onReset: () => { dateRange.value = last7Days(); onReset() } })
  // A linked number (?orderNo=…) finds its row whenever it was created.
  if (base.linked.length) dateRange.value = []

  const exportRef = ref()
  const exportOpen = ref(false)
  function handleExport() { exportRef.value.start(() => api.export(exportFilters(params()))) }

  /** After an end or a refund: the list and the open detail show the new state. */
  function afterAction() {
    base.getList()
    if (base.detailOpen.value && base.detail.value.id) base.handleDetail(base.detail.value)
  }

  return { ...base, dateRange, params, exportRef, exportOpen, handleExport, afterAction }
}

/** Stations of the chosen type (car | bike) for a filter that first asks the type. */
export function useStationsByType(queryParams) {
  const stations = ref([])
  async function onTypeChange(type) {
    queryParams.stationId = ''
    stations.value = []
    if (!type) return
    try { stations.value = ((await (type === 'car' ? carStations() : bikeStations())).data) || [] } catch { stations.value = [] }
  }
  return { stations, onTypeChange, clearStations: () => { stations.value = [] } }
}

/** Stations of one type for the station filter, loaded once. */
export function useStations(loader) {
  const stations = ref([])
  loader().then((r) => { stations.value = r.data || [] }).catch(() => { stations.value = [] })
  return stations
}

/** A second time range of a page (paid at, refunded at) as its own begin/end parameters of `p`. */
export function addRangeAs(p, range, beginKey, endKey) {
  const r = addDateRange({}, range)
  if (r.beginTime) { p[beginKey] = r.beginTime; p[endKey] = r.endTime }
  return p
}

/** Fen → "12.34 元" for the detail items; '' when absent. */
export const yuanText = (v) => (v === null || v === undefined ? '' : t('order.common.amountYuan', { v: fmtYuan(v) }))
