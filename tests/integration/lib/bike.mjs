// Builders and helpers for the e-bike tests (docs/api-bike.md). Binary/xlsx helpers are shared with car.
import assert from 'node:assert/strict';
import { ok, uniq, randPhone, createdId } from './client.mjs';
import { factoryNo, waitExport, getBinary, pngSize, xlsxRows } from './car.mjs';

export { factoryNo, waitExport, getBinary, pngSize, xlsxRows };

export function bikeStationBody(propertyId, fields = {}) {
  return {
    propertyId, name: uniq('单车站'), shortName: '单车', servicePhone: '0755-86001234', operationType: 1,
    openingHours: '06:00-23:00', province: '广东省', city: '深圳市', district: '南山区', address: '科技园 2 号',
    longitude: 113.95, latitude: 22.54, ...fields,
  };
}

export async function addBikeStation(api, propertyId, fields = {}) {
  const body = bikeStationBody(propertyId, fields);
  const id = await createdId(await api.post('/bike/station', body));
  return { ...body, id };
}

export async function bikeDefaultArea(api, stationId) {
  const rows = (await api.list('/bike/area/list', { stationId })).rows;
  const a = rows.find((x) => x.isDefault);
  assert.ok(a, `default area of e-bike station ${stationId}: ${JSON.stringify(rows)}`);
  return a;
}

export async function addBikeArea(api, stationId, fields = {}) {
  const body = { stationId, name: uniq('区域'), phone: randPhone(), ...fields };
  const id = await createdId(await api.post('/bike/area', body));
  return { ...body, id };
}

export function deviceBody(stationId, areaId, fields = {}) {
  return {
    stationId, areaId, factoryNo: factoryNo('B'), name: uniq('设备'), deviceType: 2, location: '车棚东侧',
    ratedPower: 1000, ratedVoltage: 220, ratedCurrent: 100, currentUpperLimit: 120, currentLowerLimit: 2,
    socketCount: 2, productionDate: '2024-01-15', deploymentDate: '2024-03-01', protocol: 'ocpp16', ...fields,
  };
}

export async function addDevice(api, stationId, areaId, fields = {}) {
  const body = deviceBody(stationId, areaId, fields);
  const id = await createdId(await api.post('/bike/device', body));
  return { ...body, id };
}

// The tariffs of docs/billing.md "Worked examples" (free minutes 5, threshold 720 min, auto-stop 12.00).
export const DOC_TARIFFS = {
  A: { mode: 'A', maxDurationMinutes: 720, autoStopAmount: 1200, freeMinutes: 5, unitMinutes: 60, unitPrice: 10000 },
  B: {
    mode: 'B', maxDurationMinutes: 720, autoStopAmount: 1200, freeMinutes: 5, unitMinutes: 60,
    bands: [
      { minW: 0, maxW: 200, unitPrice: 6000 }, { minW: 200, maxW: 400, unitPrice: 9000 },
      { minW: 400, maxW: 700, unitPrice: 12000 }, { minW: 700, maxW: null, unitPrice: 18000 },
    ],
  },
  C: { mode: 'C', maxDurationMinutes: 720, autoStopAmount: 1200, freeMinutes: 5, energyPrice: 100000, servicePrice: 50000, referencePowerW: 500 },
  D: { mode: 'D', maxDurationMinutes: 720, autoStopAmount: 1200, freeMinutes: 5, unitMinutes: 60, energyPrice: 80000, unitPrice: 5000 },
  E: {
    mode: 'E', maxDurationMinutes: 720, autoStopAmount: 2000, freeMinutes: 5, unitMinutes: 60, energyPrice: 80000,
    bands: [{ minW: 0, maxW: 300, unitPrice: 2000 }, { minW: 300, maxW: 600, unitPrice: 4000 }, { minW: 600, maxW: null, unitPrice: 7000 }],
  },
};

export async function addBikeTariff(api, stationId, areaId, fields = {}) {
  const body = { stationId, areaId, name: uniq('计费'), ...DOC_TARIFFS.A, prepayValues: [100, 200, 500], ...fields };
  const id = await createdId(await api.post('/bike/tariff', body));
  return { ...body, id };
}

export { ok, uniq, randPhone, createdId };
