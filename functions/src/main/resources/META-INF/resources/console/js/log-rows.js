// The rows of a process's SU log: one line a slot, and on a click its message, data, assignment, result and
// attestation.
import { cu, getBytes } from './api.js';
import { clear, el, hex, processLink, shortId, tagTable, tagValue, time } from './dom.js';
import { actionOf, resultSummary, resultView } from './result-view.js';

export function messageId(node) {
  return node.message?.id ?? node.assignment.id;
}

export function logRows(pid, entry, results) {
  const message = entry.message;
  const assignment = entry.assignment;
  const id = messageId(entry);
  const fromProcess = tagValue(message?.tags, 'From-Process');
  const row = el('tr', { class: 'slot', 'data-message': id },
    el('td', {}, tagValue(assignment.tags, 'Nonce') ?? ''),
    el('td', {}, time(tagValue(assignment.tags, 'Timestamp'))),
    el('td', { class: 'mono' }, shortId(id)),
    el('td', {}, fromProcess ? processLink(fromProcess, shortId(fromProcess)) : el('span', { class: 'mono' },
      shortId(message?.owner?.address))),
    el('td', {}, actionOf(message?.tags ?? assignment.tags)),
    el('td', { 'data-result': id }, resultSummary(results.get(id))));
  const details = el('tr', { class: 'details', hidden: true }, el('td', { colspan: 6 }));
  row.addEventListener('click', (event) => {
    if (event.target.closest('a')) {
      return;
    }
    details.hidden = !details.hidden;
    if (!details.hidden) {
      showDetails(details.firstChild, pid, entry, results.get(id));
    }
  });
  return [row, details];
}

function showDetails(cell, pid, entry, result) {
  const id = messageId(entry);
  const data = entry.message?.data ?? '';
  const dataView = el('pre', { class: 'data' }, data);
  const asHex = el('button', { type: 'button' }, 'Show data as hex');
  asHex.addEventListener('click', async () => {
    try {
      clear(dataView).append(hex(await getBytes('/raw/' + id)));
    } catch (e) {
      clear(dataView).append('the gateway has no data for this item: ' + e.message);
    }
  });
  const attestation = el('div', { class: 'attestation' }, 'loading attestation…');
  clear(cell).append(el('div', { class: 'row' },
    el('div', {}, el('h2', {}, 'Message ', el('span', { class: 'mono' }, id)),
      el('dl', {}, el('dt', {}, 'Owner'), el('dd', { class: 'mono' }, entry.message?.owner?.address ?? ''),
        el('dt', {}, 'Target'), el('dd', {}, processLink(entry.message?.target || pid))),
      tagTable(entry.message?.tags), el('h2', {}, 'Data'), dataView, asHex,
      el('h2', {}, 'Assignment'), tagTable(entry.assignment.tags)),
    el('div', {}, el('h2', {}, 'Result'), result ? resultView(result) : el('p', { class: 'muted' }, 'not yet computed'),
      el('h2', {}, 'Attestation'), attestation)));
  cu.attestation(id, pid).then((a) => clear(attestation).append(attestationView(a)),
    (e) => clear(attestation).append(el('p', { class: 'muted' }, e.message)));
}

function attestationView(attestation) {
  // The signed item is long; it stays in the document below.
  const fields = Object.entries(attestation ?? {}).filter(([k, v]) => (v === null || typeof v !== 'object') && k !== 'item');
  // A null memory hash: the CU did not hash that memory (it was busy with the next message; docs/cu.md).
  const shown = (k, v) => v === null ? 'not stated (the memory was not hashed)' : String(v);
  return el('dl', {}, fields.map(([k, v]) => [el('dt', {}, k), el('dd', { class: 'mono' }, shown(k, v))]),
    el('dt', {}, 'document'), el('dd', {}, el('pre', {}, JSON.stringify(attestation, null, 2))));
}
