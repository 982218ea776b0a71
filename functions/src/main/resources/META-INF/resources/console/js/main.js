// The console's pages, chosen by the path: /console, /console/process/{id}, /console/node.
import { clear, el, isId } from './dom.js';
import { processesPage } from './processes.js';
import { processPage } from './process.js';
import { nodePage } from './node.js';

// Collected for anyone (and the browser tests) to read: a page error must never pass unseen.
window.consoleErrors = [];
window.addEventListener('error', (e) => window.consoleErrors.push(String(e.message)));
window.addEventListener('unhandledrejection', (e) => window.consoleErrors.push(String(e.reason?.message ?? e.reason)));

const app = document.getElementById('app');
const path = location.pathname.replace(/\/+$/, '');
const processPath = /^\/console\/process\/([^/]+)$/.exec(path);

clear(app);
if (path === '/console') {
  processesPage(app);
} else if (processPath && isId(processPath[1])) {
  processPage(app, processPath[1]);
} else if (path === '/console/node') {
  nodePage(app);
} else {
  app.append(el('h1', {}, 'Not found'), el('p', {}, 'No console page at this address.'));
}
