// DOM helpers. Everything a process or a message says is attacker-controlled: it only ever becomes text nodes
// (textContent) or attribute values this file checks, never markup.

const ID = /^[A-Za-z0-9_-]{43}$/;

export function isId(value) {
  return typeof value === 'string' && ID.test(value);
}

/** el('td', {class: 'x'}, 'text', child): children that are not nodes become text. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name.startsWith('on')) {
      throw new Error('event handlers are attached with addEventListener');
    }
    if (value !== undefined && value !== null && value !== false) {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

/** A link to a process's page, or plain text when the value is not an id. */
export function processLink(id, label = id) {
  if (!isId(id)) {
    return document.createTextNode(String(id ?? ''));
  }
  return el('a', { href: '/console/process/' + id, class: 'id', 'data-process': id }, label);
}

export function shortId(id) {
  return typeof id === 'string' && id.length > 14 ? id.slice(0, 6) + '…' + id.slice(-6) : String(id ?? '');
}

export function tagValue(tags, name) {
  return (tags || []).find((t) => t.name === name)?.value;
}

export function time(ms) {
  const n = Number(ms);
  return Number.isFinite(n) && n > 0 ? new Date(n).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}

/** A table of tags, each name and value as text. */
export function tagTable(tags) {
  return el('table', { class: 'tags' },
    el('tbody', {}, (tags || []).map((t) => el('tr', {}, el('th', {}, t.name), el('td', {}, t.value)))));
}

/** Bytes as hex, 16 to a line. */
export function hex(bytes) {
  const lines = [];
  for (let i = 0; i < bytes.length; i += 16) {
    lines.push(Array.from(bytes.subarray(i, i + 16), (b) => b.toString(16).padStart(2, '0')).join(' '));
  }
  return lines.join('\n');
}

export function showError(where, error) {
  clear(where).append(el('p', { class: 'error' }, String(error?.message ?? error)));
}
