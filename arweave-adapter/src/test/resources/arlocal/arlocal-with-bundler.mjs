// Starts arlocal (a local Arweave gateway) and, beside it, a minimal bundler that accepts signed ANS-104
// data items on POST /tx/:currency and posts each in an ANS-104 bundle transaction to arlocal (as real
// bundlers do on Arweave). Both listen on 127.0.0.1 on free ports. Prints one line of JSON
// {"gateway": url, "bundler": url} once ready; exits when stdin closes. Run from compat/ (Compat.runNode style).
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(process.cwd() + '/');
const arlocalModule = require('arlocal');
const ArLocal = arlocalModule.default ?? arlocalModule;
const arweaveModule = require('arweave');
const Arweave = arweaveModule.default ?? arweaveModule;
const { DataItem } = require('arbundles');

const dbPath = fs.mkdtempSync(path.join(os.tmpdir(), 'arlocal-'));
const arlocal = new ArLocal(1984, false, dbPath, false);
// arlocal appends every request to ./logs in the working directory (compat/): keep the tree clean.
arlocal.log.logInFile = () => {};
// Listen on loopback and a free port, whatever arlocal's own default.
arlocal.app.listen = (_port, callback) => http.createServer(arlocal.app.callback()).listen(0, '127.0.0.1', callback);
const quietLog = console.log;
console.log = () => {};
await arlocal.start();
await new Promise((resolve) => (arlocal.server.listening ? resolve() : arlocal.server.once('listening', resolve)));
const gatewayPort = arlocal.server.address().port;
const gateway = `http://127.0.0.1:${gatewayPort}`;

const arweave = Arweave.init({ host: '127.0.0.1', port: gatewayPort, protocol: 'http', logging: false });
const jwk = await arweave.wallets.generate();
const address = await arweave.wallets.jwkToAddress(jwk);
await fetch(`${gateway}/mint/${address}/1000000000000000000`);

// The ANS-104 bundle layout: item count, then (size, id) per item, then the items; each item keeps its
// owner's signature (arbundles' bundleAndSignData would re-sign them with the bundler's key).
function bundleOf(items) {
  const u256 = (n) => { const b = Buffer.alloc(32); b.writeBigUInt64LE(BigInt(n)); return b; };
  const headers = items.map((i) => Buffer.concat([u256(i.getRaw().length), i.rawId]));
  return Buffer.concat([u256(items.length), ...headers, ...items.map((i) => i.getRaw())]);
}

async function postBundleTx(data) {
  const tx = await arweave.createTransaction({ data }, jwk);
  tx.addTag('Bundle-Format', 'binary');
  tx.addTag('Bundle-Version', '2.0.0');
  await arweave.transactions.sign(tx, jwk);
  const res = await arweave.transactions.post(tx);
  if (res.status >= 300) throw new Error(`arlocal refused the bundle transaction: ${res.status} ${JSON.stringify(res.data)}`);
}

const bundler = http.createServer(async (req, res) => {
  const reply = (status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  try {
    if (req.method !== 'POST' || !/^\/tx(\/[a-z0-9-]+)?$/.test(req.url)) return reply(404, { error: 'not found' });
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const item = new DataItem(Buffer.concat(chunks));
    if (!(await item.isValid())) return reply(400, { error: 'invalid data item' });
    await postBundleTx(bundleOf([item]));
    // A nested bundle: also post its contents so the gateway indexes the inner items (as ar.io gateways unbundle).
    const format = item.tags.find((t) => t.name === 'Bundle-Format')?.value;
    if (format === 'binary') await postBundleTx(item.rawData);
    reply(200, { id: item.id, timestamp: Date.now(), version: '1.0.0', owner: address });
  } catch (error) {
    reply(500, { error: String(error && error.stack || error) });
  }
});
await new Promise((resolve) => bundler.listen(0, '127.0.0.1', resolve));

quietLog(JSON.stringify({ gateway, bundler: `http://127.0.0.1:${bundler.address().port}` }));

const stop = async () => {
  bundler.close();
  try { await arlocal.stop(); } catch {}
  fs.rmSync(dbPath, { recursive: true, force: true });
  process.exit(0);
};
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
