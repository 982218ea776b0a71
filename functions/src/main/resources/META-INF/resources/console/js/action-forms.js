// The Eval and message forms of a process's page, signed by the wallet the user picks.
import { clear, el, showError } from './dom.js';
import { parseTagLines, result as resultOf, sendMessage } from './messaging.js';
import { resultView } from './result-view.js';
import { walletPanel } from './wallet-panel.js';

export function actionForms(panel, pid) {
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
