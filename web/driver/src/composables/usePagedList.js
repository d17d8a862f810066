// A van-list's paging: `fetchPage(pageNum)` resolves with {rows, total}; `reload()` starts again at page 1.
// A generation counter drops the answers of a list that was reloaded meanwhile (tab switch, new search);
// `refreshing` is the van-pull-refresh flag, cleared when a load ends. An error other than 401 (the API
// client sends the driver to sign in) is shown as a toast and ends the list.
import { ref } from 'vue'
import { showToast } from 'vant'

export function usePagedList(fetchPage) {
  const rows = ref([])
  const loading = ref(false)
  const finished = ref(false)
  const refreshing = ref(false)
  let page = 0
  let gen = 0

  async function loadMore() {
    const my = gen
    loading.value = true
    try {
      const r = await fetchPage(page + 1)
      if (my !== gen) return
      page += 1
      rows.value.push(...(r.rows || []))
      finished.value = rows.value.length >= (r.total || 0) || !(r.rows || []).length
    } catch (e) {
      if (my !== gen) return
      if (e.status !== 401) showToast(e.message)
      finished.value = true
    } finally {
      if (my === gen) {
        loading.value = false
        refreshing.value = false
      }
    }
  }

  function reload() {
    gen += 1
    page = 0
    rows.value = []
    finished.value = false
    loading.value = false
    loadMore()
  }

  return { rows, loading, finished, refreshing, loadMore, reload }
}
