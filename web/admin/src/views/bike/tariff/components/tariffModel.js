// Form ↔ API of a bike tariff (docs/api-bike.md "Tariffs"; units of docs/billing.md).
import { fenToYuan, yuanToFen, milliToYuan, yuanToMilli, priceToYuan, yuanToPrice } from '@/utils/units'

export const MODES = ['A', 'B', 'C', 'D', 'E']
/** amounts (yuan) the prepay editor proposes for e-bike sessions */
export const PREPAY_SUGGEST = [1, 2, 3, 5, 10, 20, 4, 6, 8, 15, 30, 50]
export const usesUnits = (m) => m === 'A' || m === 'B' || m === 'D' || m === 'E'
export const usesUnitPrice = (m) => m === 'A' || m === 'D'
export const usesBands = (m) => m === 'B' || m === 'E'
export const usesEnergy = (m) => m === 'C' || m === 'D' || m === 'E'
export const usesPower = (m) => m !== 'A'

const first = (...v) => v.find(x => x !== undefined && x !== null)

export function blankTariff(stationId, areaId) {
  return {
    id: undefined, stationId: stationId || undefined, areaId: areaId || undefined, name: '', mode: 'A',
    maxDurationMinutes: 720, autoStopAmount: undefined, freeMinutes: 5, unitMinutes: 60, unitPrice: undefined,
    bands: [
      { minW: 0, maxW: 200, open: false, unitPrice: undefined },
      { minW: 200, maxW: 400, open: false, unitPrice: undefined },
      { minW: 400, maxW: null, open: true, unitPrice: undefined }
    ],
    energyPrice: undefined, servicePrice: undefined, referencePowerW: 500, prepayValues: []
  }
}

/** API row → form (human units). Reads the billing.md names too (maxDuration, referencePower). */
export function toForm(d) {
  const f = blankTariff()
  Object.assign(f, {
    id: d.id, stationId: d.stationId, areaId: d.areaId, name: d.name, mode: d.mode || 'A',
    maxDurationMinutes: first(d.maxDurationMinutes, d.maxDuration, 720),
    autoStopAmount: fenToYuan(d.autoStopAmount), freeMinutes: first(d.freeMinutes, 0),
    unitMinutes: first(d.unitMinutes, 60), unitPrice: milliToYuan(d.unitPrice) ?? undefined,
    energyPrice: priceToYuan(d.energyPrice) ?? undefined, servicePrice: priceToYuan(d.servicePrice) ?? undefined,
    referencePowerW: first(d.referencePowerW, d.referencePower, 500),
    prepayValues: (d.prepayValues || []).map(fenToYuan)
  })
  if (Array.isArray(d.bands) && d.bands.length) {
    f.bands = d.bands.map(b => ({ minW: b.minW, maxW: b.maxW ?? null, open: b.maxW === null || b.maxW === undefined, unitPrice: milliToYuan(b.unitPrice) }))
  }
  return f
}

/** form → API body (every field; those the mode does not use are ignored by the server). */
export function toBody(f) {
  return {
    name: f.name.trim(), mode: f.mode,
    maxDurationMinutes: f.maxDurationMinutes, autoStopAmount: yuanToFen(f.autoStopAmount), freeMinutes: f.freeMinutes ?? 0,
    unitMinutes: f.unitMinutes ?? 60, unitPrice: yuanToMilli(f.unitPrice) ?? 0,
    bands: usesBands(f.mode) ? f.bands.map(b => ({ minW: b.minW, maxW: b.open ? null : b.maxW, unitPrice: yuanToMilli(b.unitPrice) })) : [],
    energyPrice: yuanToPrice(f.energyPrice) ?? 0, servicePrice: yuanToPrice(f.servicePrice) ?? 0,
    referencePowerW: f.referencePowerW ?? 500
  }
}

/**
 * Client-side estimate of the bill at the threshold at the reference power (the natural 自停金额,
 * docs/billing.md "Billing test"), in yuan, or null when prices are missing. The server's billing test
 * is the authority; this only pre-fills the field.
 */
export function estimateAtThreshold(f) {
  const min = Number(f.maxDurationMinutes)
  if (!(min > 0)) return null
  const units = usesUnits(f.mode) ? Math.ceil(min / (Number(f.unitMinutes) || 60)) : 0
  const kwh = (Number(f.referencePowerW) || 500) * min / 60 / 1000
  let bandPrice = null
  if (usesBands(f.mode)) {
    const p = Number(f.referencePowerW) || 500
    const sorted = [...f.bands].sort((a, b) => (a.minW ?? 0) - (b.minW ?? 0))
    const band = sorted.find(b => p >= (b.minW ?? 0) && (b.open || p < b.maxW)) || sorted[sorted.length - 1]
    bandPrice = band ? Number(band.unitPrice) : null
    if (bandPrice === null || isNaN(bandPrice)) return null
  }
  const need = (...v) => v.every(x => x !== undefined && x !== null && x !== '' && !isNaN(Number(x)))
  let yuan
  switch (f.mode) {
    case 'A': if (!need(f.unitPrice)) return null; yuan = units * f.unitPrice; break
    case 'B': yuan = units * bandPrice; break
    case 'C': if (!need(f.energyPrice, f.servicePrice)) return null; yuan = kwh * (Number(f.energyPrice) + Number(f.servicePrice)); break
    case 'D': if (!need(f.energyPrice, f.unitPrice)) return null; yuan = kwh * f.energyPrice + units * f.unitPrice; break
    case 'E': if (!need(f.energyPrice)) return null; yuan = kwh * f.energyPrice + units * bandPrice; break
    default: return null
  }
  return Math.round(yuan * 100) / 100
}
