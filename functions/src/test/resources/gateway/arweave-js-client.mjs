// Drives the ao4j gateway with arweave-js, as a dApp would: argv = [gatewayUrl, itemId].
// Prints one JSON object: the item's data via transactions.getData, /info via network.getInfo, and a
// GraphQL answer via api.post('/graphql').
// Run from compat/ (Compat.runNode): resolve the reference libraries from compat/node_modules.
import { createRequire } from 'node:module';
const require = createRequire(process.cwd() + '/');
const arweaveModule = require('arweave');
const Arweave = arweaveModule.default ?? arweaveModule;

const [gatewayUrl, id] = process.argv.slice(2);
const url = new URL(gatewayUrl);
const arweave = Arweave.init({ host: url.hostname, port: Number(url.port), protocol: url.protocol.replace(':', ''), logging: false });

// getData first tries chunked download (/tx/{id}/offset), which a bundled item lacks, and logs about it.
console.error = () => {};
console.warn = () => {};

const data = await arweave.transactions.getData(id, { decode: true, string: true });
const info = await arweave.network.getInfo();
const graphql = await arweave.api.post('/graphql', {
  query: 'query($ids: [ID!]) { transactions(ids: $ids) { edges { node { id owner { address } tags { name value } } } } }',
  variables: { ids: [id] },
});
process.stdout.write(JSON.stringify({ data, info, graphql: graphql.data }));
