// A process's page (/console/process/{id}): what it is, its SU log a page at a time with each message's result and
// attestation, whom it exchanged messages with, and forms to send it a message or an Eval.
import { cu, getBytes, su, tagsOf, transactions } from './api.js';
import { append, clear, el, hex, processLink, shortId, showError, tagTable, tagValue, time } from './dom.js';
import { flowGraph } from './flow-graph.js';
import { every } from './live.js';
import { parseTagLines, result as resultOf, sendMessage } from './messaging.js';
import { actionOf, resultSummary, resultView } from './result-view.js';
import { walletPanel } from './wallet-panel.js';

const PAGE = 20;

export async function processPage(app, pid) {
  const header = el('div', { id: 'process-header' });
  const logBody = el('tbody', { id: 'log' });
  const first = el('button', { type: 'button', id: 'log-first' }, 'First');
  const prev = el('button', { type: 'button', id: 'log-prev', disabled: true }, 'Previous page');
  const next = el('button', { type: 'button', id: 'log-next', disabled: true }, 'Next page');
  const newest = el('button', { type: 'button', id: 'log-newest' }, 'Newest');
  const pageLabel = el('span', { class: 'muted', id: 'log-page' });
  const correspondents = el('tbody', { id: 'correspondents' });
  const graph = el('div', { id: 'flow-graph' });
  const actions = el('div', { class: 'panel', id: 'actions' });
  const children = el('p', { id: 'spawned' });

  app.append(el('h1', {}, 'Process ', el('span', { class: 'mono', id: 'process-id' }, pid)), header, actions,
    el('h2', {}, 'Processes it spawned'), children,
    el('h2', {}, 'Messages sent and received'),
    el('div', { class: 'row' }, graph, el('table', {}, el('thead', {}, el('tr', {},
      el('th', {}, 'Process'), el('th', {}, 'Sent to it'), el('th', {}, 'Received from it'))), correspondents)),
    el('h2', {}, 'Scheduler log'),
    el('table', {}, el('thead', {}, el('tr', {}, ['Slot', 'Time', 'Message', 'From', 'Action', 'Result']
      .map((h) => el('th', {}, h)))), logBody),
    el('p', {}, first, ' ', prev, ' ', next, ' ', newest, ' ', pageLabel));

  try {
    showHeader(header, await su.process(pid));
  } catch (e) {
    showError(header, e);
    return;
  }
  actionForms(actions, pid);

  // A page is addressed by its first slot number (?slot=N, to share); without one, the newest page.
  const asked = /^\?slot=(\d{1,15})$/.exec(location.search);
  let start = 0;
  let from = null;
  let entries = [];
  let turns = 0; // a page turned while a poll was out makes that poll's answer stale
  const results = new Map();

  async function loadPage() {
    const turn = turns;
    const page = await su.page(pid, from, PAGE);
    if (turn !== turns) {
      return;
    }
    if (page.edges.length < entries.length) {
      entries = [];
      clear(logBody);
    }
    const fresh = page.edges.slice(entries.length);
    for (const edge of fresh) {
      const entry = { ...edge.node, cursor: edge.cursor };
      entries.push(entry);
      logBody.append(...logRows(pid, entry, results));
    }
    next.disabled = !page.page_info.has_next_page;
    prev.disabled = start === 0;
    clear(pageLabel).append(entries.length ? `slots ${start} to ${start + entries.length - 1}` : 'no slots');
    await Promise.all(fresh.map((edge) => loadResult(edge.node)));
    showFlows();
    // A spawn reaches the gateway after the MU cranks it: look again while the page shows one.
    if (!children.hasChildNodes() || entries.some((entry) => results.get(messageId(entry))?.Spawns?.length)) {
      await showChildren();
    }
  }

  /** The processes whose spawn names this one as From-Process, newest first. */
  async function showChildren() {
    const page = await transactions('Process', 20, null, [{ name: 'From-Process', values: [pid] }]);
    append(clear(children), page.edges.length ? page.edges.map((edge) => [processLink(edge.node.id),
      ` ${tagValue(edge.node.tags, 'Name') ?? ''}`, el('br')]) : ['none']);
  }

  async function loadResult(node) {
    const id = messageId(node);
    try {
      results.set(id, await cu.result(id, pid));
    } catch (e) {
      results.set(id, { Error: e.message });
    }
    const cell = logBody.querySelector(`td[data-result="${id}"]`);
    if (cell) {
      clear(cell).append(resultSummary(results.get(id)));
    }
  }

  function showFlows() {
    const flows = new Map();
    const count = (id, field) => {
      const counts = flows.get(id) ?? { sent: 0, received: 0 };
      counts[field] += 1;
      flows.set(id, counts);
    };
    for (const entry of entries) {
      const from = tagValue(entry.message?.tags, 'From-Process');
      if (from && from !== pid) {
        count(from, 'received');
      }
      for (const sent of results.get(messageId(entry))?.Messages ?? []) {
        if (sent.Target && sent.Target !== pid) {
          count(sent.Target, 'sent');
        }
      }
    }
    clear(graph).append(flowGraph(pid, flows));
    clear(correspondents).append(...[...flows].map(([id, c]) => el('tr', {},
      el('td', {}, processLink(id)), el('td', {}, c.sent), el('td', {}, c.received))));
  }

  /** Shows the page that starts at slot {@code to}: the SU pages by timestamp, after the slot before it. */
  async function turn(to, shared) {
    const at = Math.max(0, to);
    const after = at === 0 ? null : tagValue((await su.slot(pid, at - 1)).assignment.tags, 'Timestamp');
    turns += 1;
    start = at;
    from = after;
    entries = [];
    clear(logBody);
    history.replaceState(null, '', location.pathname + (shared ? '?slot=' + start : ''));
    await loadPage();
  }
  async function newestStart() {
    const activity = (await su.activity([pid]))[pid];
    return activity ? Math.max(0, activity.slots - PAGE) : 0;
  }
  const go = (to, shared = true) => turn(to, shared).catch((e) => showError(pageLabel, e));
  first.addEventListener('click', () => go(0));
  prev.addEventListener('click', () => go(start - PAGE));
  next.addEventListener('click', () => go(start + entries.length));
  newest.addEventListener('click', async () => go(await newestStart(), false));

  await go(asked ? Number(asked[1]) : await newestStart(), Boolean(asked));
  every(2000, loadPage);
}

function messageId(node) {
  return node.message?.id ?? node.assignment.id;
}

function showHeader(header, process) {
  const tags = process.tags;
  const authorities = tags.filter((t) => t.name === 'Authority').map((t) => t.value);
  header.append(el('dl', {},
    el('dt', {}, 'Name'), el('dd', {}, tagValue(tags, 'Name') ?? ''),
    el('dt', {}, 'Owner'), el('dd', { class: 'mono' }, process.owner.address),
    el('dt', {}, 'Module'), el('dd', { class: 'mono', id: 'module' }, tagValue(tags, 'Module') ?? ''),
    el('dt', {}, 'Scheduler'), el('dd', { class: 'mono' }, tagValue(tags, 'Scheduler') ?? ''),
    el('dt', {}, 'Authority'), el('dd', { class: 'mono' }, authorities.join(', ')),
    el('dt', {}, 'Cron interval'), el('dd', {}, tagValue(tags, 'Cron-Interval') ?? 'none'),
    el('dt', {}, 'Spawned'), el('dd', {}, time(process.timestamp)),
    el('dt', {}, 'Spawned by'), el('dd', {}, processLink(tagValue(tags, 'From-Process') ?? 'a wallet'))));
  const module = tagValue(tags, 'Module');
  if (module) {
    tagsOf(module).then((moduleTags) => {
      const name = tagValue(moduleTags, 'Name');
      if (name) {
        header.querySelector('#module').append(` (${name})`);
      }
    }, () => {});
  }
}

function logRows(pid, entry, results) {
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
  const fields = Object.entries(attestation ?? {}).filter(([k, v]) => typeof v !== 'object' && k !== 'item');
  return el('dl', {}, fields.map(([k, v]) => [el('dt', {}, k), el('dd', { class: 'mono' }, String(v))]),
    el('dt', {}, 'document'), el('dd', {}, el('pre', {}, JSON.stringify(attestation, null, 2))));
}

function actionForms(panel, pid) {
  const wallet = walletPanel(panel);
  const code = el('textarea', { id: 'eval-code', placeholder: 'Lua, e.g. 1 + 41' });
  const evalButton = el('button', { type: 'button', id: 'eval-send' }, 'Eval');
  const action = el('input', { type: 'text', id: 'msg-action', placeholder: 'Action' });
  const tags = el('textarea', { id: 'msg-tags', placeholder: 'More tags, one Name=Value a line' });
  const data = el('textarea', { id: 'msg-data', placeholder: 'Data' });
  const sendButton = el('button', { type: 'button', id: 'msg-send' }, 'Send');
  const outcome = el('div', { id: 'action-result' });

  async function submit(buildTags, body) {
    clear(outcome).append('signing…');
    try {
      const id = await sendMessage(wallet.current(), pid, buildTags(), body);
      clear(outcome).append(el('p', {}, 'sent ', el('span', { class: 'mono', id: 'sent-id' }, id),
        '; waiting for its result…'));
      const result = await resultOf(pid, id);
      clear(outcome).append(el('p', {}, 'result of ', el('span', { class: 'mono', id: 'sent-id' }, id)),
        resultView(result));
    } catch (e) {
      showError(outcome, e);
    }
  }
  evalButton.addEventListener('click', () => submit(() => [{ name: 'Action', value: 'Eval' }], code.value));
  sendButton.addEventListener('click', () => submit(() => {
    const all = parseTagLines(tags.value);
    return action.value.trim() ? [{ name: 'Action', value: action.value.trim() }, ...all] : all;
  }, data.value));

  panel.append(el('div', { class: 'row' },
    el('div', {}, el('h2', {}, 'Eval'), code, evalButton),
    el('div', {}, el('h2', {}, 'Message'), action, tags, data, sendButton)), outcome);
}
