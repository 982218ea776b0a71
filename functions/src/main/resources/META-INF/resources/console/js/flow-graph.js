// A small SVG of message flow: this process in the middle, the processes it exchanged messages with around it.
import { isId, shortId } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 360;
const CENTER = SIZE / 2;
const RADIUS = 130;

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) {
    node.setAttribute(name, String(value));
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

/** flows: Map(processId → {sent, received}), counted from this process's point of view. */
export function flowGraph(self, flows) {
  const root = svg('svg', { class: 'flow', id: 'flow', viewBox: `0 0 ${SIZE} ${SIZE}`, width: SIZE, height: SIZE,
    role: 'img', 'aria-label': 'message flow' });
  const others = [...flows.entries()].slice(0, 12);
  others.forEach(([id, counts], i) => {
    const angle = (2 * Math.PI * i) / others.length - Math.PI / 2;
    const x = CENTER + RADIUS * Math.cos(angle);
    const y = CENTER + RADIUS * Math.sin(angle);
    root.append(svg('line', { x1: CENTER, y1: CENTER, x2: x, y2: y }));
    root.append(svg('text', { x: (CENTER + x) / 2 + 4, y: (CENTER + y) / 2 - 4 },
      `→${counts.sent} ←${counts.received}`));
    const link = svg('a', { href: isId(id) ? '/console/process/' + id : '#', class: 'flow-peer' });
    link.append(svg('circle', { cx: x, cy: y, r: 9, class: 'other' }),
      svg('text', { x: x - 40, y: y + 22 }, shortId(id)));
    root.append(link);
  });
  root.append(svg('circle', { cx: CENTER, cy: CENTER, r: 12, class: 'self' }),
    svg('text', { x: CENTER - 40, y: CENTER + 26 }, shortId(self)));
  if (!others.length) {
    root.append(svg('text', { x: 10, y: 20 }, 'no messages to or from other processes on this page'));
  }
  return root;
}
