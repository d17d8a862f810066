import { ref } from 'vue'
import { t } from '@/locales'
import { addDateRange } from '@/utils'
import { fmtYuan } from '@/views/car/common/units'
import { stationOptions as carStations } from '@/api/car/station'
import { stationOptions as bikeStations } from '@/api/bike/station'
import { last7Days, exportFilters } from './dict'

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
  const loading = ref(false)
  const list = ref([])
  const total = ref(0)
  const capped = ref(false)
  const queryRef = ref()
  const dateRange = ref(last7Days())

  const params = () => extra(addDateRange(queryParams, dateRange.value))
  async function getList() {
    loading.value = true
    try {
      const res = await api.list(params())
      list.value = res.rows || []
      total.value = res.total || 0
      capped.value = !!res.totalCapped
    } finally {
      loading.value = false
    }
  }
  function handleQuery() { queryParams.pageNum = 1; getList() }
  function resetQuery() { dateRange.value = last7Days(); onReset(); queryRef.value.resetFields(); handleQuery() }

  const exportRef = ref()
  const exportOpen = ref(false)
  function handleExport() { exportRef.value.start(() => api.export(exportFilters(params()))) }

  const detailOpen = ref(false)
  const detailLoading = ref(false)
  const detail = ref({})
  async function handleDetail(row) {
    detail.value = row
    detailOpen.value = true
    detailLoading.value = true
    try { detail.value = (await api.get(row.id)).data || row } finally { detailLoading.value = false }
  }
  /** After an end or a refund: the list and the open detail show the new state. */
  function afterAction() {
    getList()
    if (detailOpen.value && detail.value.id) handleDetail(detail.value)
  }

  return {
    loading, list, total, capped, queryRef, dateRange, params, getList, handleQuery, resetQuery,
    exportRef, exportOpen, handleExport, detailOpen, detailLoading, detail, handleDetail, afterAction
  }
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
