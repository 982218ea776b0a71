// The node: its units' URLs and addresses, health, the MU's queue depth and dead letters (from /q/metrics).
import { cu, get, getText, mu, parseMetrics, su } from './api.js';
import { clear, el, showError } from './dom.js';
import { every } from './live.js';

const METRICS = [
  ['ao4j_mu_queue_depth', 'MU queue depth'],
  ['ao4j_mu_queue_dead_letters', 'MU dead letters'],
  ['ao4j_su_messages_sequenced_total', 'messages sequenced'],
  ['ao4j_cu_evaluation_seconds_count', 'messages evaluated'],
];

function sum(values, name) {
  const found = Object.entries(values).filter(([key]) => key === name || key.startsWith(name + '{'));
  return found.length ? found.reduce((n, [, v]) => n + v, 0) : undefined;
}

async function health() {
  // /q/health answers 503 with the same JSON when a check is down; read it either way.
  const response = await fetch('/q/health');
  return response.json();
}

export async function nodePage(app) {
  const units = el('tbody', { id: 'units' });
  const checks = el('tbody', { id: 'health' });
  const metrics = el('tbody', { id: 'metrics' });
  app.append(el('h1', {}, 'Node'),
    el('h2', {}, 'Units'), el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'Unit'), el('th', {}, 'URL'),
      el('th', {}, 'Address'))), units),
    el('h2', {}, 'Health ', el('span', { id: 'health-status' })), el('table', {}, checks),
    el('h2', {}, 'Work'), el('table', {}, metrics),
    el('p', { class: 'muted' }, 'Dead letters are crank steps that kept failing: ', el('code', {}, 'ao4j mu dead-letters'),
      ' lists them and ', el('code', {}, 'ao4j mu replay'), ' sends them again.'));

  async function refresh() {
    const base = location.origin;
    const [suInfo, muInfo, cuInfo, gateway] = await Promise.all([su.info(), mu.info(), cu.info(), get('/info')]);
    clear(units).append(
      el('tr', {}, el('td', {}, 'MU'), el('td', { class: 'mono' }, base + '/mu'), el('td', { class: 'mono' }, muInfo.address)),
      el('tr', {}, el('td', {}, 'SU'), el('td', { class: 'mono' }, base + '/su'), el('td', { class: 'mono' }, suInfo.address)),
      el('tr', {}, el('td', {}, 'CU'), el('td', { class: 'mono' }, base + '/cu'), el('td', { class: 'mono' }, cuInfo.address ?? '')),
      el('tr', {}, el('td', {}, 'Gateway'), el('td', { class: 'mono' }, base + '/'),
        el('td', {}, `${gateway.network}, height ${gateway.height}`)));

    const state = await health();
    const status = document.getElementById('health-status');
    clear(status).append(el('span', { class: state.status === 'UP' ? 'ok' : 'bad' }, state.status));
    clear(checks).append(...(state.checks ?? []).map((check) => el('tr', {}, el('td', {}, check.name),
      el('td', { class: check.status === 'UP' ? 'ok' : 'bad' }, check.status),
      el('td', { class: 'mono' }, check.data ? JSON.stringify(check.data) : ''))));

    const values = parseMetrics(await getText('/q/metrics'));
    clear(metrics).append(...METRICS.map(([name, label]) => el('tr', {}, el('td', {}, label),
      el('td', { 'data-metric': name }, sum(values, name) ?? 'not reported'))));
  }

  try {
    await refresh();
  } catch (e) {
    showError(app, e);
    return;
  }
  every(3000, refresh);
}
