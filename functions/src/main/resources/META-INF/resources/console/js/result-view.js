// A CU result (Output, Messages, Spawns, Assignments, Error, GasUsed) as text, with links to other processes.
import { el, processLink, tagTable, tagValue } from './dom.js';

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** aos answers Output as text or as {data, prompt}; its data may be text or JSON. Colour codes are dropped. */
export function outputText(output) {
  if (output === undefined || output === null || output === '') {
    return '';
  }
  const data = typeof output === 'object' && 'data' in output ? output.data : output;
  return (typeof data === 'string' ? data : JSON.stringify(data, null, 2)).replace(ANSI, '');
}

function errorText(error) {
  if (error === undefined || error === null || error === '') {
    return '';
  }
  return (typeof error === 'string' ? error : JSON.stringify(error, null, 2)).replace(ANSI, '');
}

function itemView(item, withTarget) {
  return el('div', { class: 'panel' },
    withTarget ? el('div', {}, 'to ', processLink(item.Target)) : null,
    tagTable(item.Tags),
    item.Data !== undefined && item.Data !== '' ? el('pre', {}, typeof item.Data === 'string' ? item.Data
      : JSON.stringify(item.Data)) : null);
}

export function resultView(result) {
  const output = outputText(result.Output);
  const error = errorText(result.Error);
  const messages = result.Messages || [];
  const spawns = result.Spawns || [];
  const assignments = result.Assignments || [];
  return el('div', { class: 'result' },
    el('dl', {},
      el('dt', {}, 'Output'), el('dd', {}, el('pre', { class: 'output' }, output || '(none)')),
      error ? [el('dt', {}, 'Error'), el('dd', {}, el('pre', { class: 'error' }, error))] : null,
      el('dt', {}, 'Gas used'), el('dd', {}, String(result.GasUsed ?? '')),
      el('dt', {}, `Messages (${messages.length})`),
      el('dd', { class: 'messages' }, messages.map((m) => itemView(m, true))),
      el('dt', {}, `Spawns (${spawns.length})`), el('dd', {}, spawns.map((s) => itemView(s, false))),
      assignments.length ? [el('dt', {}, 'Assignments'), el('dd', {}, el('pre', {}, JSON.stringify(assignments)))]
        : null));
}

/** One line for a log row: the error, or how many messages and spawns came out. */
export function resultSummary(result) {
  if (!result) {
    return '';
  }
  if (errorText(result.Error)) {
    return 'error';
  }
  const parts = [];
  if (result.Messages?.length) {
    parts.push(`${result.Messages.length} sent`);
  }
  if (result.Spawns?.length) {
    parts.push(`${result.Spawns.length} spawned`);
  }
  return parts.join(', ') || 'ok';
}

export function actionOf(tags) {
  return tagValue(tags, 'Action') ?? tagValue(tags, 'Type') ?? '';
}
