// The wallet picker shown beside every action: a key file, a new key, or the browser's wallet extension.
import { el, clear } from './dom.js';
import * as wallet from './wallet.js';

export function walletPanel(container) {
  let signer = null;
  const status = el('span', { id: 'wallet-address', class: 'mono' });
  const file = el('input', { type: 'file', id: 'wallet-file', accept: '.json,application/json' });
  const fresh = el('button', { type: 'button', id: 'wallet-new' }, 'New key');
  const extension = el('button', { type: 'button', id: 'wallet-extension', hidden: !wallet.extensionAvailable() },
    'Use browser wallet');
  const forget = el('button', { type: 'button', id: 'wallet-forget' }, 'Forget key');
  const save = el('a', { id: 'wallet-save', download: 'ao4j-wallet.json', hidden: true }, 'Save key file');

  function show(next, note) {
    signer = next;
    clear(status).append(signer ? `${signer.address} (${signer.kind})` : note || 'no wallet: pick a key file');
    const key = wallet.storedKeyFile();
    save.hidden = !key;
    if (save.href) {
      URL.revokeObjectURL(save.href);
      save.removeAttribute('href');
    }
    if (key) {
      save.href = URL.createObjectURL(new Blob([key], { type: 'application/json' }));
    }
  }
  async function attempt(action, busy) {
    show(null, busy);
    try {
      show(await action());
    } catch (e) {
      show(null, 'wallet error: ' + e.message);
    }
  }

  file.addEventListener('change', () => file.files[0] && attempt(() => wallet.importKeyFile(file.files[0]), 'reading…'));
  fresh.addEventListener('click', () => attempt(wallet.generateKey, 'making a 4096-bit key…'));
  extension.addEventListener('click', () => attempt(wallet.useExtension, 'asking the browser wallet…'));
  forget.addEventListener('click', () => {
    wallet.forget();
    show(null);
  });

  container.append(el('div', { class: 'wallet' }, el('strong', {}, 'Wallet '), status, el('br'),
    el('label', {}, 'Key file (stays in this browser) ', file), ' ', fresh, ' ', extension, ' ', save, ' ', forget));
  wallet.storedSigner().then((stored) => show(stored));

  return {
    current() {
      if (!signer) {
        throw new Error('pick a wallet first');
      }
      return signer;
    },
  };
}
