// 0.01 % ↔ % (tax rates, split ratios: docs/api-car.md "Units")
const num = (v) => (v === null || v === undefined || v === '' ? null : Number(v))
export const bpToPercent = (v) => (num(v) === null ? null : num(v) / 100)
export const percentToBp = (p) => (num(p) === null ? null : Math.round(num(p) * 100))
