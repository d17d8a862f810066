import { ref } from 'vue'
import { useRoute } from 'vue-router'

/**
 * What every list page shares: the search form, the page of rows with its total, and the detail drawer.
 *   queryParams  the page's reactive filters (with pageNum, pageSize); a filter named in the route's
 *                query (a link from another page's detail, e.g. ?orderNo=…) starts with that value
 *   api          { list, get? } — the page's API functions
 *   params()     the list request's parameters (default: queryParams)
 *   onReset()    clears what resetFields does not (extra ranges, dependent options)
 * The template ref `queryRef` binds by name to the returned ref.
 */
export function useList({ queryParams, api, params = () => queryParams, onReset = () => {} }) {
  const route = useRoute()
  const linked = Object.keys(route?.query || {}).filter(k => k in queryParams && k !== 'pageNum' && k !== 'pageSize')
  for (const k of linked) queryParams[k] = route.query[k]

  const loading = ref(false)
  const list = ref([])
  const total = ref(0)
  const capped = ref(false)
  const queryRef = ref()
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
  function resetQuery() {
    onReset()
    queryRef.value.resetFields()
    for (const k of linked) queryParams[k] = ''
    handleQuery()
  }

  const detailOpen = ref(false)
  const detailLoading = ref(false)
  const detail = ref({})
  async function handleDetail(row) {
    detail.value = row
    detailOpen.value = true
    if (!api.get) return
    detailLoading.value = true
    try { detail.value = (await api.get(row.id)).data || row } catch { /* the row stays */ } finally { detailLoading.value = false }
  }

  return { linked, loading, list, total, capped, queryRef, getList, handleQuery, resetQuery, detailOpen, detailLoading, detail, handleDetail }
}
