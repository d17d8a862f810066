import { ref } from 'vue'
import { stationOptions } from '@/api/car/station'
import { areaOptions } from '@/api/car/area'
import { spotOptions } from '@/api/car/spot'

const data = (res) => (res && res.data) || []

/**
 * Station → area → spot selects. `getTarget()` returns the reactive object holding stationId/areaId
 * (a search form or a dialog form); changing a parent clears its children.
 */
export function useCascade(getTarget, { enabledOnly = false, spots = false } = {}) {
  const stations = ref([])
  const areas = ref([])
  const spotList = ref([])

  async function loadStations(params = {}) {
    try { stations.value = data(await stationOptions({ enabledOnly, ...params })) } catch { stations.value = [] }
  }
  async function loadAreas(stationId) {
    if (!stationId) { areas.value = []; return }
    try { areas.value = data(await areaOptions(stationId)) } catch { areas.value = [] }
  }
  async function loadSpots(areaId) {
    if (!areaId) { spotList.value = []; return }
    try { spotList.value = data(await spotOptions(areaId)) } catch { spotList.value = [] }
  }
  async function onStationChange(id) {
    const tgt = getTarget()
    tgt.areaId = ''
    if ('leftSpotId' in tgt) { tgt.leftSpotId = undefined; tgt.rightSpotId = undefined }
    if (spots) spotList.value = []
    await loadAreas(id)
  }
  async function onAreaChange(id) {
    const tgt = getTarget()
    if ('leftSpotId' in tgt) { tgt.leftSpotId = undefined; tgt.rightSpotId = undefined }
    if (spots) await loadSpots(id)
  }
  return { stations, areas, spots: spotList, loadStations, loadAreas, loadSpots, onStationChange, onAreaChange }
}
