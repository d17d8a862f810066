// The benchmark's peer (bench/ocpp/README.md): an OCPP 1.6J central system on npm ocpp-rpc
// (RPCServer, strictMode: true — every call and answer checked against the official schemas, as
// zhichong does) doing the same work as zhichong in the benchmark: accept known charge points
// (the ids are checked against a set, as zhichong looks them up), BootNotification, Heartbeat,
// StatusNotification (state per connector), StartTransaction/StopTransaction (ids), MeterValues
// keeping the latest values per connector. Nothing is persisted (zhichong also writes the latest
// energy register of each transaction to its database: the peer does less).
//   node server.mjs --port P [--prefix BENCH --devices N --width W]    prints "listening <port>"
import { RPCServer, createRPCError } from 'ocpp-rpc';
import http from 'node:http';

const arg = (k, d) => { const i = process.argv.indexOf(k); return i > 0 ? process.argv[i + 1] : d; };
const port = Number(arg('--port', '0'));
const prefix = arg('--prefix', '');
const devices = Number(arg('--devices', '0'));
const width = Number(arg('--width', '0'));
const heartbeat = Number(arg('--heartbeat', '60'));

const known = new Set();
for (let i = 1; i <= devices; i++) known.add(prefix + String(i).padStart(width || 14 - prefix.length, '0'));

const latest = new Map();   // "<id>:<connector>" → { time, transactionId, values }
const connectors = new Map(); // "<id>:<connector>" → status
let nextTx = 1;

const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
server.auth((accept, reject, handshake) => {
  if (devices > 0 && !known.has(handshake.identity)) reject(404);
  else accept();
});
server.on('client', (client) => {
  const id = client.identity;
  client.handle('BootNotification', () => ({ status: 'Accepted', currentTime: new Date().toISOString(), interval: heartbeat }));
  client.handle('Heartbeat', () => ({ currentTime: new Date().toISOString() }));
  client.handle('StatusNotification', ({ params }) => { connectors.set(id + ':' + params.connectorId, params.status); return {}; });
  client.handle('Authorize', () => ({ idTagInfo: { status: 'Accepted' } }));
  client.handle('StartTransaction', () => ({ transactionId: nextTx++, idTagInfo: { status: 'Accepted' } }));
  client.handle('StopTransaction', () => ({}));
  client.handle('MeterValues', ({ params }) => {
    for (const mv of params.meterValue) {
      const values = {};
      for (const s of mv.sampledValue) values[s.measurand || 'Energy.Active.Import.Register'] = s.value;
      latest.set(id + ':' + params.connectorId, { time: Date.parse(mv.timestamp), transactionId: params.transactionId, values });
    }
    return {};
  });
  client.handle(({ method }) => { throw createRPCError('NotImplemented', `unknown action ${method}`); });
});

const httpServer = http.createServer();
httpServer.on('upgrade', server.handleUpgrade);
httpServer.listen(port, '127.0.0.1', 4096, () => {
  console.log(`listening ${httpServer.address().port}`);
});
process.on('SIGTERM', () => process.exit(0));
process.on('SIGINT', () => process.exit(0));
