// The node's own HTTP API, same origin: the SU (/su), CU (/cu), MU (/mu), gateway GraphQL and operators (/q).

async function answer(response) {
  const text = await response.text();
  let body = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // plain text answers (the MU's root, metrics)
  }
  if (!response.ok) {
    throw new Error(`${response.status}: ${body?.error ?? text}`);
  }
  return body;
}

export async function get(path) {
  return answer(await fetch(path, { headers: { Accept: 'application/json' } }));
}

export async function getText(path) {
  const response = await fetch(path);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return response.text();
}

export async function getBytes(path) {
  const response = await fetch(path);
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return new Uint8Array(await response.arrayBuffer());
}

export async function graphql(query, variables) {
  return (await answer(await fetch('/graphql', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ query, variables }) }))).data;
}

/** What aoconnect does: the signed item's bytes to the MU. */
export async function postItem(bytes) {
  return answer(await fetch('/mu', { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes }));
}

const pid = (id) => encodeURIComponent(id);

export const su = {
  info: () => get('/su'),
  process: (id) => get('/su/processes/' + pid(id)),
  /** {id: {slots, last} | null} for up to 50 processes at once. */
  activity: (ids) => get('/su/activity?' + ids.map((id) => 'process-id=' + pid(id)).join('&')),
  slot: (id, nonce) => get(`/su/${pid(id)}/slot/${nonce}`),
  page: (id, from, limit) => get(`/su/${pid(id)}?process-id=${pid(id)}&limit=${limit}` + (from ? `&from=${from}` : '')),
};

export const cu = {
  info: () => get('/cu'),
  result: (message, process) => get(`/cu/result/${pid(message)}?process-id=${pid(process)}`),
  attestation: (message, process) => get(`/cu/result/${pid(message)}/attestation?process-id=${pid(process)}`),
};

export const mu = {
  info: () => get('/mu/info'),
};

const TRANSACTIONS = `query($tags: [TagFilter!], $first: Int, $after: String) {
  transactions(tags: $tags, first: $first, after: $after) {
    pageInfo { hasNextPage }
    edges { cursor node { id owner { address } tags { name value } block { height } } }
  }
}`;

/** Data-Protocol ao items of one Type, newest first, a page at a time. */
export async function transactions(type, first, after, more = []) {
  const tags = [{ name: 'Data-Protocol', values: ['ao'] }, { name: 'Type', values: [type] }, ...more];
  return (await graphql(TRANSACTIONS, { tags, first, after: after || null })).transactions;
}

const BY_ID = `query($ids: [ID!]) { transactions(ids: $ids, first: 1) { edges { node { id tags { name value } } } } }`;

/** One item's tags from the gateway, or null. */
export async function tagsOf(id) {
  const edges = (await graphql(BY_ID, { ids: [id] })).transactions.edges;
  return edges.length ? edges[0].node.tags : null;
}

/** Prometheus text to {name{labels}: value}. */
export function parseMetrics(text) {
  const values = {};
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?)\s+(\S+)/.exec(line);
    if (match && !line.startsWith('#')) {
      values[match[1]] = Number(match[2]);
    }
  }
  return values;
}
