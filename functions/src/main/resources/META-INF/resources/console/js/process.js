// A process's page (/console/process/{id}): what it is, its SU log a page at a time with each message's result and
// attestation, whom it exchanged messages with, and forms to send it a message or an Eval.
import { actionForms } from './action-forms.js';
import { cu, su, tagsOf, transactions } from './api.js';
import { append, clear, el, processLink, showError, tagValue, time } from './dom.js';
import { flowGraph } from './flow-graph.js';
import { every } from './live.js';
import { logRows, messageId } from './log-rows.js';
import { resultSummary } from './result-view.js';

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
