import { ref } from 'vue'
import { stationOptions } from '@/api/bike/station'
import { areaOptions } from '@/api/bike/area'

const data = (res) => (res && res.data) || []

/**
 * Station → area selects of the e-bike pages. `getTarget()` returns the reactive object holding
 * stationId/areaId (a search form or a dialog form); changing the station clears the area.
 */
export function useCascade(getTarget, { enabledOnly = false } = {}) {
  const stations = ref([])
  const areas = ref([])
  async function loadStations(params = {}) {
    try { stations.value = data(await stationOptions({ enabledOnly, ...params })) } catch { stations.value = [] }
  }
  async function loadAreas(stationId) {
    if (!stationId) { areas.value = []; return }
    try { areas.value = data(await areaOptions(stationId)) } catch { areas.value = [] }
  }
  async function onStationChange(id) {
    getTarget().areaId = ''
    await loadAreas(id)
  }
  return { stations, areas, loadStations, loadAreas, onStationChange }
}
