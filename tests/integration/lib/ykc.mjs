// A small raw-TCP YKC (云快充) pile for the tests that need byte-level control (unknown-pile login,
// garbage, split / concatenated frames, CRC high byte first). Frames per shared/protocols/ykc-v1.6.md §3.
import net from 'node:net';
import { sleep } from './client.mjs';

export function crc16(bytes) {
  let crc = 0xffff;
  for (const b of bytes) {
    crc ^= b;
    for (let i = 0; i < 8; i++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}

/** 14 digits → 7 BCD bytes (any even-length digit string works). */
export function bcd(digits) {
  const out = [];
  for (let i = 0; i < digits.length; i += 2) out.push(parseInt(digits.slice(i, i + 2), 16));
  return out;
}
export const hex = (bytes) => Buffer.from(bytes).toString('hex').toUpperCase();
export const fromHex = (s) => [...Buffer.from(s.replace(/\s+/g, ''), 'hex')];
const le = (v, n) => Array.from({ length: n }, (_, i) => Number((BigInt(v) >> BigInt(8 * i)) & 0xffn));

/** A whole frame: 68 L seq(2) enc type body crc (low byte first unless crcOrder 'high'). */
export function frame(type, body, seq = 0, crcOrder = 'low') {
  const inner = [seq & 0xff, (seq >> 8) & 0xff, 0x00, type, ...body];
  const c = crc16(inner);
  const crc = crcOrder === 'high' ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8];
  return Buffer.from([0x68, inner.length, ...inner, ...crc]);
}

export const loginBody = (code, { guns = 2, type = 0, version = 0x10, firmware = 'V4.1.50' } = {}) => [
  ...bcd(code), type, guns, version, ...[...Buffer.from(firmware.padEnd(8, '\0'))].slice(0, 8), 0x01,
  ...bcd('89860412345678901234'), 0x00];
export const heartbeatBody = (code, gun = 1, status = 0) => [...bcd(code), gun, status];
export const modelVerifyBody = (code, modelNo) => [...bcd(code), ...bcd(String(modelNo).padStart(4, '0'))];
/** 0x13 body: {serial (32 digits), gun, status (0 offline,1 fault,2 idle,3 charging), plugged, voltage (0.1 V), current, soc, energy (0.0001 kWh), amount (0.0001 yuan), faults (hardware-fault bits)} */
export function realtimeBody(code, { serial = '0'.repeat(32), gun = 1, status = 2, plugged = 0, voltage = 0, current = 0, soc = 0, energy = 0, amount = 0, faults = 0 } = {}) {
  return [...bcd(serial), ...bcd(code), gun, status, 1, plugged, ...le(voltage, 2), ...le(current, 2), 75,
    ...new Array(8).fill(0), soc, 0, ...le(0, 2), ...le(0, 2), ...le(energy, 4), ...le(energy, 4), ...le(amount, 4), ...le(faults, 2)];
}

/** CP56Time2a of a UTC epoch ms in a fixed UTC offset (minutes; Asia/Shanghai = 480). */
export function cp56(ms, offsetMin = 480) {
  const d = new Date(ms + offsetMin * 60000);
  const mm = d.getUTCSeconds() * 1000 + d.getUTCMilliseconds();
  return [mm & 0xff, mm >> 8, d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear() - 2000];
}

/**
 * 0x3B body (158 bytes; 174 with five tiers). tiers: [{price, energy, amount}] (4 or 5); meterStop defaults
 * to meterStart + energy; start/end may be a 7-byte array (a raw CP56Time2a, e.g. with the IV bit set).
 */
export function recordBody(code, { serial, gun = 1, start, end, tiers, meterStart = 0, meterStop, vin = '', startType = 1, stopReason = 0x40, card = '0000000000000000' }) {
  const energy = tiers.reduce((n, t) => n + t.energy, 0);
  const amount = tiers.reduce((n, t) => n + t.amount, 0);
  const time = (t) => (Array.isArray(t) ? t : cp56(t));
  return [...bcd(serial), ...bcd(code), gun, ...time(start), ...time(end),
    ...tiers.flatMap((t) => [...le(t.price, 4), ...le(t.energy, 4), ...le(t.energy, 4), ...le(t.amount, 4)]),
    ...le(meterStart, 5), ...le(meterStop ?? meterStart + energy, 5), ...le(energy, 4), ...le(energy, 4), ...le(amount, 4),
    ...[...Buffer.from(vin.padEnd(17, '\0'))].slice(0, 17), startType, ...time(end), stopReason, ...fromHex(card)];
}

/** Parses every whole frame in buf → {frames: [{type, seq, body, raw}], rest}. */
export function parseFrames(buf) {
  const frames = [];
  let i = 0;
  while (i < buf.length) {
    if (buf[i] !== 0x68) { i++; continue; }
    if (i + 2 > buf.length) break;
    const len = buf[i + 1];
    if (i + len + 4 > buf.length) break;
    const raw = buf.subarray(i, i + len + 4);
    frames.push({ type: raw[5], seq: raw[2] | (raw[3] << 8), seqBytes: [raw[2], raw[3]], body: [...raw.subarray(6, 6 + len - 4)], crc: [raw[len + 2], raw[len + 3]], raw: [...raw] });
    i += len + 4;
  }
  return { frames, rest: buf.subarray(i) };
}

/** A raw pile connection: send bytes, wait for frames of a type, see the close. */
export class RawPile {
  static async connect(port, host = '127.0.0.1') {
    const p = new RawPile();
    await new Promise((resolve, reject) => {
      p.sock = net.connect({ port, host }, resolve);
      p.sock.once('error', reject);
    });
    p.sock.on('error', () => {});
    p.buf = Buffer.alloc(0);
    p.frames = [];
    p.closed = false;
    p.sock.on('data', (d) => {
      p.buf = Buffer.concat([p.buf, d]);
      const { frames, rest } = parseFrames(p.buf);
      p.frames.push(...frames);
      p.buf = Buffer.from(rest);
    });
    p.sock.on('close', () => { p.closed = true; });
    return p;
  }
  send(bytes) { this.sock.write(Buffer.from(bytes)); }
  /** Waits for (and removes) the first frame of `type` (and matching pred). */
  async next(type, ms = 5000, pred = () => true) {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.frames.findIndex((f) => f.type === type && pred(f));
      if (i >= 0) return this.frames.splice(i, 1)[0];
      if (Date.now() > deadline) throw new Error(`no frame 0x${type.toString(16)} within ${ms} ms (got ${this.frames.map((f) => f.type.toString(16)).join(',')}, closed ${this.closed})`);
      await sleep(20);
    }
  }
  async waitClosed(ms = 5000) {
    const deadline = Date.now() + ms;
    while (!this.closed) {
      if (Date.now() > deadline) throw new Error('connection still open');
      await sleep(20);
    }
  }
  close() { this.sock.destroy(); }
}
