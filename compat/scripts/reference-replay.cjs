// Recomputes a process the way AO's reference CU does, from a node's SU and gateway alone, with the reference
// loader (@permaweb/ao-loader): an independent replay to hold ao4j's CU against.
//   node reference-replay.cjs <su-url> <gateway-url> <process-id> [to-nonce]
// It reads what AO's CU reads (see docs/exactness.md): the process from `GET {su}/processes/{pid}`, the module's
// owner and tags from the gateway's GraphQL `transactions(ids:)`, its binary from `GET {gateway}/raw/{module}`,
// and the log from `GET {su}/{pid}?process-id=&from=` pages. It builds each msg with the fields and field order
// of AO's CU message schema (servers/cu/src/domain/model.js, messageSchema), drops tags named From and Owner
// (servers/cu/src/domain/lib/evaluate.js), and hydrates assignments of existing items from the gateway.
// Cron messages are not generated: use it on processes without Cron-Interval.
// stdout: JSON array, one entry per slot: {nonce, id, Messages, Assignments, Spawns, Output, GasUsed, Error,
// "Memory-SHA-256"}, shaped as AO's CU serves a result; after a failed message the memory (and its hash) is the one from before it, as AO's CU keeps.
const crypto = require('crypto');
const AoLoader = require(require.resolve('@permaweb/ao-loader', { paths: [process.cwd()] }));

const [suUrl, gatewayUrl, processId, toNonce] = process.argv.slice(2);
if (!processId) {
  process.stderr.write('usage: reference-replay.cjs <su-url> <gateway-url> <process-id> [to-nonce]\n');
  process.exit(2);
}

async function json(url, init) {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init ? 'POST' : 'GET'} ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function transaction(id) {
  const query = `query { transactions(ids: ["${id}"]) { edges { node { id signature anchor recipient
    owner { address key } tags { name value } } } } }`;
  const body = await json(`${gatewayUrl}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query })
  });
  const edge = body.data.transactions.edges[0];
  if (!edge) throw new Error(`the gateway does not know ${id}`);
  return edge.node;
}

const tagValue = (tags, name) => (tags.find((t) => t.name === name) || {}).value;
const tagsOf = (tags) => (tags || []).map((t) => ({ name: t.name, value: t.value }));
const withoutFromAndOwner = (tags) => tags.filter((t) => t.name !== 'From' && t.name !== 'Owner');

// The msg as AO's CU hands it to the loader: its schema's field order; undefined fields leave no key.
function aoMessage(fields) {
  const order = ['Id', 'Signature', 'Data', 'Owner', 'Target', 'Anchor', 'From', 'Forwarded-By', 'Tags', 'Epoch',
    'Nonce', 'Timestamp', 'Block-Height', 'Hash-Chain', 'Cron', 'Read-Only'];
  const msg = {};
  for (const key of order) if (fields[key] !== undefined) msg[key] = fields[key];
  return msg;
}

async function messageOf(node) {
  const assignment = tagsOf(node.assignment.tags);
  const slot = {
    Epoch: parseInt(tagValue(assignment, 'Epoch')),
    Nonce: parseInt(tagValue(assignment, 'Nonce')),
    Timestamp: parseInt(tagValue(assignment, 'Timestamp')),
    'Block-Height': parseInt(tagValue(assignment, 'Block-Height')),
    'Hash-Chain': tagValue(assignment, 'Hash-Chain'),
    Cron: false,
    'Read-Only': false
  };
  let item;
  if (node.message) {
    item = { id: node.message.id, signature: node.message.signature, data: node.message.data, anchor: node.message.anchor,
      owner: node.message.owner.address, tags: tagsOf(node.message.tags), target: tagValue(assignment, 'Process') };
  } else {
    // An assignment of an existing item: read it from the gateway, leaving out what the assignment excludes.
    const id = tagValue(assignment, 'Message');
    const meta = await transaction(id);
    const excluded = assignment.filter((t) => t.name === 'Exclude').map((t) => t.value);
    const data = excluded.includes('Data') ? undefined : await (await fetch(`${gatewayUrl}/raw/${id}`)).text();
    item = { id, signature: meta.signature, data, anchor: meta.anchor, owner: meta.owner.address,
      tags: tagsOf(meta.tags), target: meta.recipient || '' };
  }
  const fromProcess = tagValue(item.tags, 'From-Process');
  return aoMessage({
    Id: item.id, Signature: item.signature, Data: item.data, Owner: item.owner, Target: item.target,
    Anchor: item.anchor, From: fromProcess || item.owner, 'Forwarded-By': fromProcess ? item.owner : undefined,
    Tags: withoutFromAndOwner(item.tags), ...slot
  });
}

async function* log() {
  let from;
  for (;;) {
    const page = await json(`${suUrl}/${processId}?process-id=${processId}${from ? `&from=${from}` : ''}`);
    for (const edge of page.edges) {
      yield edge.node;
      from = edge.cursor;
    }
    if (!page.page_info.has_next_page || page.edges.length === 0) return;
  }
}

(async () => {
  const processMeta = await json(`${suUrl}/processes/${processId}`);
  const processTags = tagsOf(processMeta.tags);
  const moduleId = tagValue(processTags, 'Module');
  const moduleMeta = await transaction(moduleId);
  const moduleTags = tagsOf(moduleMeta.tags);
  const binary = Buffer.from(await (await fetch(`${gatewayUrl}/raw/${moduleId}`)).arrayBuffer());
  const env = {
    Process: { Id: processId, Owner: processMeta.owner.address, Tags: processTags },
    Module: { Id: moduleId, Owner: moduleMeta.owner.address, Tags: moduleTags }
  };
  const load = () => AoLoader(binary, { format: tagValue(moduleTags, 'Module-Format') });
  let handle = await load();

  const out = [];
  let lastGood = null;
  let lastGoodHash = null;
  let restore = false;
  for await (const node of log()) {
    const msg = await messageOf(node);
    if (toNonce !== undefined && msg.Nonce > parseInt(toNonce)) break;
    let result;
    try {
      result = await handle(restore ? lastGood : null, msg, env);
    } catch (e) {
      result = { Error: e && typeof e === 'object' && !(e instanceof Error) ? (e.Error !== undefined ? e.Error : e) : String(e) };
    }
    restore = result.Error !== undefined;
    // AO's CU drops the loader instance after a failure; the next message runs in a fresh one.
    if (restore) handle = await load();
    if (!restore) {
      lastGood = result.Memory;
      lastGoodHash = crypto.createHash('sha256').update(new Uint8Array(result.Memory)).digest('hex');
    }
    // The shape AO's CU gives a result (servers/cu/src/effects/worker/evaluate.js): empty lists and an empty
    // Output where the module gave none, a number Output as its string.
    const output = result.Output === undefined || result.Output === null ? '' : result.Output;
    const entry = { nonce: msg.Nonce, id: msg.Id, Messages: result.Messages || [], Assignments: result.Assignments || [],
      Spawns: result.Spawns || [], Output: typeof output === 'number' ? String(output) : output };
    for (const key of ['GasUsed', 'Error']) {
      if (result[key] !== undefined) entry[key] = result[key];
    }
    entry['Memory-SHA-256'] = lastGoodHash;
    out.push(entry);
  }
  process.stdout.write(JSON.stringify(out));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
