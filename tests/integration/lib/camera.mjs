// A scripted Vzenith IVS camera (docs/camera.md): posts pushes and heartbeats to /camera/vzenith and obeys
// the commands of the replies (locks, manual capture) like the simulator does.
import { sleep } from './client.mjs';

// A tiny JPEG whose SOF says 1920 × 1 (the gateway reads the width for the left/right rule).
const TINY = Buffer.from(
  'ffd8ffe000104a46494600010101004800480000ffdb004300030202020202030202020303030304060404040404080606050609080a0a090809090a0c0f0c0a0b0e0b09090d110d0e0f101011100a0c12131210130f101010ffc9000b080001078001011100ffcc000600101005ffda0008010100003f00d2cf20ffd9',
  'hex');

/** A JPEG of about `bytes` (the tiny one padded after its end marker). */
export function jpeg(bytes = TINY.length) {
  if (bytes <= TINY.length) return Buffer.from(TINY);
  const pad = Buffer.alloc(bytes - TINY.length);
  for (let i = 0; i < pad.length; i++) pad[i] = (i * 131 + 7) & 0xff;
  return Buffer.concat([TINY, pad]);
}

export class Camera {
  constructor(baseUrl, serial, secret) {
    this.baseUrl = baseUrl;
    this.serial = serial;
    this.secret = secret;
    this.locks = { left: 'raised', right: 'raised' };
    this.seen = [];          // every Response_AlarmInfoPlate received
    this.obeyLocks = true;
    this.nextId = 1000;
    this.polling = null;
  }

  async post(body, { key = this.secret, sn } = {}) {
    const qs = new URLSearchParams();
    if (key !== null) qs.set('key', key);
    if (sn) qs.set('sn', sn);
    const r = await fetch(`${this.baseUrl}/camera/vzenith?${qs}`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body), signal: AbortSignal.timeout(15000),
    });
    const text = await r.text();
    let json = null;
    try { json = JSON.parse(text); } catch { /* not JSON */ }
    if (json?.Response_AlarmInfoPlate) await this.obey(json.Response_AlarmInfoPlate);
    return { status: r.status, json, text };
  }

  lockReport() {
    return Object.entries(this.locks).map(([side, state]) => ({ side, state, car: 0, battery: 90, alarm: '' }));
  }

  poll(opts) {
    return this.post({ serialno: this.serial, device_name: 'IVS', ipaddr: '192.168.1.100', port: 80, user_name: 'admin', pass_wd: 'secret', channel_num: 1, locks: this.lockReport() }, opts);
  }

  /** A plate push; `side` left/right sets the plate's rectangle. */
  push({ plate = '粤B12345', color = 5, direction = 3, side = 'left', plateid, offline = 0, trigger = 8, image = jpeg(), crop = jpeg(), ...rest } = {}, opts) {
    const id = plateid ?? this.nextId++;
    const rect = side === 'left' ? { left: 100, top: 500, right: 300, bottom: 560 } : { left: 1400, top: 500, right: 1600, bottom: 560 };
    return this.post({
      AlarmInfoPlate: {
        serialno: this.serial, channel: 0, deviceName: 'IVS', ipaddr: '192.168.1.100',
        result: { PlateResult: {
          license: plate, colorType: color, type: 19, confidence: 92, direction, triggerType: trigger, plateid: id,
          isoffline: offline, location: { RECT: rect }, timeStamp: { Timeval: { sec: Math.floor(Date.now() / 1000), usec: 0 } },
          ...(image ? { imageFile: image.toString('base64') } : {}), ...(crop ? { imageFragmentFile: crop.toString('base64') } : {}),
          ...rest,
        } },
      },
    }, opts);
  }

  async obey(r) {
    this.seen.push(r);
    if (r.ivs_ioctrl && this.obeyLocks) this.locks[r.ivs_ioctrl.io === 1 ? 'right' : 'left'] = r.ivs_ioctrl.value === 1 ? 'lowered' : 'raised';
    if (r.manualTrigger === 'ok') setTimeout(() => this.push({ plate: '粤B00001', trigger: 4, direction: 0 }).catch(() => {}), 10);
  }

  /** Polls every `ms` until stop(). */
  start(ms = 100) {
    let on = true;
    const loop = (async () => { while (on) { await this.poll().catch(() => {}); await sleep(ms); } })();
    this.polling = { stop: async () => { on = false; await loop; } };
    return this.polling;
  }
  async stop() { if (this.polling) await this.polling.stop(); this.polling = null; }
}
