// Builders and helpers for the car-management tests (docs/api-car.md).
import assert from 'node:assert/strict';
import zlib from 'node:zlib';
import { ok, uniq, randPhone, createdId, sleep } from './client.mjs';

let factorySeq = 0;
/** A unique factory number (letters and digits). */
export function factoryNo(prefix = 'F') {
  factorySeq += 1;
  return `${prefix}${Date.now().toString(36)}${factorySeq}${Math.floor(Math.random() * 1e6).toString(36)}`.slice(0, 32);
}

let codeSeq = 0;
/** A unique 14-digit pile code. */
export function pileCode() {
  codeSeq = (codeSeq + 1) % 1000;
  const base = String(Date.now() % 1e8).padStart(8, '0') + String(Math.floor(Math.random() * 1000)).padStart(3, '0') + String(codeSeq).padStart(3, '0');
  return base.slice(0, 14);
}

export function stationBody(propertyId, fields = {}) {
  return {
    propertyId, name: uniq('电站'), operationType: 1, contact: '王五', contactPhone: randPhone(), intro: '测试电站',
    hotline: '400-800-1234', openingHours: '00:00-24:00', maxPower: 600, capacityLoad: 800, province: '广东省',
    city: '深圳市', district: '南山区', address: '科技园 1 号', longitude: 113.953512, latitude: 22.540503, ...fields,
  };
}

/** Adds a station (as `api`), returns {id, ...body}. */
export async function addStation(api, propertyId, fields = {}) {
  const body = stationBody(propertyId, fields);
  const id = await createdId(await api.post('/car/station', body));
  return { ...body, id };
}

/** Adds and approves a station (approval by `auditor`). */
export async function approvedStation(api, auditor, propertyId, fields = {}) {
  const s = await addStation(api, propertyId, fields);
  ok(await auditor.put('/car/station/audit', { id: s.id, auditStatus: 1, auditRemark: 'ok' }), 'approve station');
  return s;
}

export async function defaultArea(api, stationId) {
  const rows = (await api.list('/car/area/list', { stationId })).rows;
  const a = rows.find((x) => x.isDefault);
  assert.ok(a, `default area of station ${stationId}: ${JSON.stringify(rows)}`);
  return a;
}

export async function addArea(api, stationId, fields = {}) {
  const body = { stationId, name: uniq('区域'), phone: '0755-88886666', power: 300, ...fields };
  const id = await createdId(await api.post('/car/area', body));
  return { ...body, id };
}

export function pileBody(stationId, areaId, fields = {}) {
  return {
    stationId, areaId, factoryNo: factoryNo(), name: uniq('电桩'), model: 'ZC-120', version: 'v1.2', gunCount: 2,
    sim: '898600000000000', operationType: 1, occupancyFee: 500, reservable: true, outputCurrent: 2500,
    outputPower: 120000, outputVoltage: 750, currentType: 'DC', chargingType: 1, speed: 2, installMethod: 1,
    protectionClass: 'IP54', commMethod: 1, protocol: 'ykc', ...fields,
  };
}

export async function addPile(api, stationId, areaId, fields = {}) {
  const body = pileBody(stationId, areaId, fields);
  const id = await createdId(await api.post('/car/pile', body));
  return { ...body, id };
}

export const TOU_PERIODS = [
  { start: '00:00', end: '08:00', tier: 'valley' },
  { start: '08:00', end: '10:00', tier: 'flat' },
  { start: '10:00', end: '12:00', tier: 'peak' },
  { start: '12:00', end: '14:00', tier: 'sharp' },
  { start: '14:00', end: '18:00', tier: 'peak' },
  { start: '18:00', end: '22:00', tier: 'flat' },
  { start: '22:00', end: '24:00', tier: 'valley' },
];
export const TOU_TIERS = {
  sharp: { energyPrice: 150000, servicePrice: 80000 },
  peak: { energyPrice: 120000, servicePrice: 60000 },
  flat: { energyPrice: 80000, servicePrice: 50000 },
  valley: { energyPrice: 40000, servicePrice: 30000 },
};

export async function addTariff(api, stationId, areaId, fields = {}) {
  const body = {
    stationId, areaId, name: uniq('计费'), mode: 'unified', tiers: { flat: { energyPrice: 100000, servicePrice: 50000 } },
    periods: [], prepayValues: [2000, 5000, 10000], ...fields,
  };
  const id = await createdId(await api.post('/car/tariff', body));
  return { ...body, id };
}

/** Polls an export job until it is done (or failed); returns the final status. */
export async function waitExport(api, jobId, timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const st = ok(await api.get(`/export/${jobId}`)).data;
    if (st.status !== 'running') return st;
    assert.ok(Date.now() < deadline, `export ${jobId} still running: ${JSON.stringify(st)}`);
    await sleep(100);
  }
}

/** Downloads a binary response: { status, buf, headers }. */
export async function getBinary(api, path, query) {
  let url = api.baseUrl + path;
  if (query) url += '?' + new URLSearchParams(query).toString();
  const r = await fetch(url, { headers: api.token ? { Authorization: `Bearer ${api.token}` } : {}, signal: AbortSignal.timeout(30000) });
  const buf = Buffer.from(await r.arrayBuffer());
  return { status: r.status, buf, headers: r.headers };
}

export function pngSize(buf) {
  assert.ok(buf.length > 24, 'png too short');
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

/** Entries of a zip file (as an .xlsx is): { name → Buffer }. */
export function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'zip: end of central directory not found');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = {};
  for (let n = 0; n < count; n++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'zip: central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lNameLen = buf.readUInt16LE(local + 26);
    const lExtraLen = buf.readUInt16LE(local + 28);
    const data = buf.subarray(local + 30 + lNameLen + lExtraLen, local + 30 + lNameLen + lExtraLen + csize);
    out[name] = method === 0 ? Buffer.from(data) : zlib.inflateRawSync(data);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/** Rows of the first sheet of an .xlsx (shared strings resolved): array of arrays of strings. */
export function xlsxRows(buf) {
  const files = unzip(buf);
  const shared = [];
  const ss = files['xl/sharedStrings.xml']?.toString('utf8') ?? '';
  for (const m of ss.matchAll(/<si>([\s\S]*?)<\/si>/g)) {
    shared.push([...m[1].matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join(''));
  }
  // The number format code of each cell style (cellXfs index → numFmtId → code; 0–2 are built in).
  const styles = files['xl/styles.xml']?.toString('utf8') ?? '';
  const codes = { 0: 'General', 1: '0', 2: '0.00' };
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)) codes[m[1]] = m[2];
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xfFormat = [...xfs.matchAll(/<xf ([^>]*?)\/?>/g)].map((m) => codes[/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? '0']);
  const sheet = files['xl/worksheets/sheet1.xml'].toString('utf8');
  const rows = [];
  const kinds = [];  // per cell: 'number' or 'string' (what Excel sums is a number)
  const formats = [];  // per cell: its number format code, e.g. '0.00'
  for (const r of sheet.matchAll(/<row[^>]*>([\s\S]*?)<\/row>/g)) {
    const cells = [];
    const rowKinds = [];
    const rowFormats = [];
    for (const c of r[1].matchAll(/<c ([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1];
      const ref = /r="([A-Z]+)\d+"/.exec(attrs)?.[1] ?? '';
      let col = 0;
      for (const ch of ref) col = col * 26 + (ch.charCodeAt(0) - 64);
      const inner = c[2] ?? '';
      let value;
      if (/t="inlineStr"/.test(attrs)) {
        value = [...inner.matchAll(/<t[^>]*>([\s\S]*?)<\/t>/g)].map((x) => x[1]).join('');
      } else {
        const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
        value = v === undefined ? '' : /t="s"/.test(attrs) ? shared[Number(v)] : v;
      }
      while (cells.length < col - 1) cells.push('');
      cells[col - 1] = value;
      rowKinds[col - 1] = /t="(s|inlineStr|str)"/.test(attrs) ? 'string' : 'number';
      rowFormats[col - 1] = xfFormat[Number(/ s="(\d+)"/.exec(' ' + attrs)?.[1] ?? 0)] ?? 'General';
    }
    rows.push(cells);
    kinds.push(rowKinds);
    formats.push(rowFormats);
  }
  const images = Object.keys(files).filter((n) => n.startsWith('xl/media/') && n.endsWith('.png'));
  return { rows, kinds, formats, images, files };
}

export { ok, uniq, randPhone, createdId, sleep };
