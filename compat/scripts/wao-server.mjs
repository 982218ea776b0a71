// Starts WAO 0.35.7 (compat/wao), the in-memory JavaScript AO emulator, as the anchor of `./ao4j bench e2e`:
// `node --experimental-wasm-memory64 scripts/wao-server.mjs <port>` serves its gateway on <port>, MU on <port>+2,
// SU on <port>+3 and CU on <port>+4, in memory (nothing written to disk). WAO listens on every interface; this
// binds each of its servers to 127.0.0.1 instead. Prints one JSON line with the URLs and ids a client needs.
import http from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === 'number') {
    const callback = rest.find((arg) => typeof arg === 'function');
    return listen.call(this, port, '127.0.0.1', callback);
  }
  return listen.call(this, port, ...rest);
};

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: wao-server.mjs <port>');
  process.exit(2);
}
const waoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'wao', 'node_modules', 'wao');
const { default: Server } = await import(pathToFileURL(join(waoRoot, 'esm', 'server.js')).href);
const { srcs } = await import(pathToFileURL(join(waoRoot, 'esm', 'utils.js')).href);
new Server({ port, db: null, log: false });
const base = `http://127.0.0.1:${port}`;
process.stdout.write(JSON.stringify({
  gateway: base, mu: `http://127.0.0.1:${port + 2}`, su: `http://127.0.0.1:${port + 3}`,
  cu: `http://127.0.0.1:${port + 4}`, module: srcs.module_mainnet, scheduler: srcs.scheduler_wao,
  authority: srcs.authority_wao,
}) + '\n');
