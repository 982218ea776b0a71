// The process list: name, owner, module, slot count, last activity and cron interval; filterable; a spawn form.
import { su, transactions } from './api.js';
import { clear, el, processLink, shortId, showError, tagValue, time } from './dom.js';
import { every } from './live.js';
import { spawnProcess } from './messaging.js';
import { walletPanel } from './wallet-panel.js';

const PAGE = 25;
/** /su/activity answers for up to 50 processes at once. */
const ACTIVITY_MAX = 50;

export async function processesPage(app) {
  app.append(el('h1', {}, 'Processes'));
  const wallet = walletPanel(app);
  const modules = new Map();
  const moduleSelect = el('select', { id: 'spawn-module' });
  const nameInput = el('input', { type: 'text', id: 'spawn-name', placeholder: 'Name (optional)' });
  const spawnButton = el('button', { type: 'button', id: 'spawn' }, 'Spawn');
  const spawnStatus = el('span', { id: 'spawn-status' });
  const filter = el('input', { type: 'text', id: 'filter', placeholder: 'Filter by name, id, owner or module' });
  const body = el('tbody', { id: 'processes' });
  const more = el('button', { type: 'button', id: 'more', hidden: true }, 'More');
  const status = el('p', { class: 'muted', id: 'list-status' });
  let rows = [];
  let cursor = null;

  app.append(el('div', { class: 'panel' }, el('strong', {}, 'Spawn '), moduleSelect, ' ', nameInput, ' ', spawnButton, ' ',
      spawnStatus),
    filter,
    el('table', {}, el('thead', {}, el('tr', {}, ['Name', 'Process', 'Owner', 'Module', 'Slots', 'Last activity',
      'Cron'].map((h) => el('th', {}, h)))), body),
    more, status);

  spawnButton.addEventListener('click', async () => {
    clear(spawnStatus).append('signing…');
    try {
      const id = await spawnProcess(wallet.current(), moduleSelect.value, nameInput.value.trim());
      location.assign('/console/process/' + id);
    } catch (e) {
      showError(spawnStatus, e);
    }
  });
  filter.addEventListener('input', render);
  more.addEventListener('click', () => loadMore().catch((e) => showError(status, e)));

  function matches(row) {
    const words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const text = [row.name, row.id, row.owner, row.module, modules.get(row.module) ?? ''].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  }

  function render() {
    const shown = rows.filter(matches);
    clear(body).append(...shown.map((row) => el('tr', {},
      el('td', {}, row.name), el('td', {}, processLink(row.id)), el('td', { class: 'mono' }, shortId(row.owner)),
      el('td', { class: 'mono' }, modules.get(row.module) ?? shortId(row.module)),
      el('td', { class: 'slots' }, row.slots ?? ''), el('td', {}, time(row.last)), el('td', {}, row.cron ?? ''))));
    clear(status).append(`${shown.length} of ${rows.length} processes loaded`);
  }

  function rowOf(node, activity) {
    return { id: node.id, owner: node.owner.address, name: tagValue(node.tags, 'Name') ?? '',
      module: tagValue(node.tags, 'Module') ?? '', cron: tagValue(node.tags, 'Cron-Interval'),
      // null: a process another SU schedules
      slots: activity ? activity.slots : '—', last: activity?.last };
  }

  /** Slot counts and last activity, asked 50 processes at a time. */
  async function activityOf(ids) {
    const all = {};
    for (let i = 0; i < ids.length; i += ACTIVITY_MAX) {
      Object.assign(all, await su.activity(ids.slice(i, i + ACTIVITY_MAX)));
    }
    return all;
  }

  /** The next page of processes, older than those shown. */
  async function loadMore() {
    const page = await transactions('Process', PAGE, cursor);
    const activity = await activityOf(page.edges.map((edge) => edge.node.id));
    rows = rows.concat(page.edges.map((edge) => rowOf(edge.node, activity[edge.node.id])));
    if (page.edges.length) {
      cursor = page.edges[page.edges.length - 1].cursor;
    }
    more.hidden = !page.pageInfo.hasNextPage;
    render();
  }

  /** New processes on top, and fresh activity for every row shown. */
  async function refresh() {
    const page = await transactions('Process', PAGE);
    const known = new Set(rows.map((row) => row.id));
    const fresh = page.edges.filter((edge) => !known.has(edge.node.id)).map((edge) => rowOf(edge.node, null));
    rows = fresh.concat(rows);
    const activity = await activityOf(rows.map((row) => row.id));
    rows = rows.map((row) => ({ ...row, slots: activity[row.id]?.slots ?? '—', last: activity[row.id]?.last }));
    render();
  }

  try {
    const page = await transactions('Module', 100);
    for (const { node } of page.edges) {
      const name = tagValue(node.tags, 'Name') ?? node.id;
      modules.set(node.id, name);
      moduleSelect.append(el('option', { value: node.id }, name));
    }
    const preferred = [...modules].find(([, name]) => name === 'aos-2.0.6');
    if (preferred) {
      moduleSelect.value = preferred[0];
    }
    await loadMore();
  } catch (e) {
    showError(status, e);
  }
  every(4000, refresh);
}
