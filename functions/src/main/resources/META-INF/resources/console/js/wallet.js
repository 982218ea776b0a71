// The wallet that signs what the console sends. A JWK file the user picks (or a key made here) stays in this
// browser's localStorage and is never uploaded; an extension that provides window.arweaveWallet signs instead.
import { b64urlDecode, b64urlEncode, signDataItem } from './ans104.js';

const STORAGE_KEY = 'ao4j.console.wallet';
const JWK_FIELDS = ['kty', 'n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'];
const RSA_PSS = { name: 'RSA-PSS', hash: 'SHA-256' };

/** Only the fields of an Arweave RSA key: WebCrypto refuses a JWK whose alg or key_ops disagree. */
function cleanJwk(jwk) {
  if (!jwk || jwk.kty !== 'RSA' || !jwk.n || !jwk.d) {
    throw new Error('not an Arweave RSA key file (JWK with kty RSA, n and d)');
  }
  const clean = {};
  for (const field of JWK_FIELDS) {
    if (jwk[field]) {
      clean[field] = jwk[field];
    }
  }
  return clean;
}

async function addressOf(owner) {
  return b64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', owner)));
}

/** A signer over an Arweave JWK held in memory. */
export async function jwkSigner(jwk) {
  jwk = cleanJwk(jwk);
  const key = await crypto.subtle.importKey('jwk', { ...jwk, ext: true }, RSA_PSS, false, ['sign']);
  const owner = b64urlDecode(jwk.n);
  const sign = (hash) => crypto.subtle.sign({ name: 'RSA-PSS', saltLength: 32 }, key, hash);
  return {
    kind: 'key file',
    address: await addressOf(owner),
    signItem: (item) => signDataItem({ ...item, owner, sign }),
  };
}

async function extensionSigner(wallet) {
  await wallet.connect(['ACCESS_ADDRESS', 'ACCESS_PUBLIC_KEY', 'SIGN_TRANSACTION']);
  return {
    kind: 'browser wallet',
    address: await wallet.getActiveAddress(),
    async signItem({ target, anchor, tags, data }) {
      const signed = new Uint8Array(await wallet.signDataItem({ data, tags, target, anchor }));
      const signature = signed.subarray(2, 2 + 512);
      const id = b64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', signature)));
      return { id, bytes: signed };
    },
  };
}

export function extensionAvailable() {
  return typeof window.arweaveWallet?.signDataItem === 'function';
}

export async function useExtension() {
  localStorage.removeItem(STORAGE_KEY);
  return extensionSigner(window.arweaveWallet);
}

/** The key kept in this browser, or null. */
export async function storedSigner() {
  const text = localStorage.getItem(STORAGE_KEY);
  if (!text) {
    return null;
  }
  try {
    return await jwkSigner(JSON.parse(text));
  } catch {
    localStorage.removeItem(STORAGE_KEY);
    return null;
  }
}

export async function importKeyFile(file) {
  const jwk = cleanJwk(JSON.parse(await file.text()));
  const signer = await jwkSigner(jwk);
  localStorage.setItem(STORAGE_KEY, JSON.stringify(jwk));
  return signer;
}

/** A new 4096-bit Arweave key, made by WebCrypto in this page. */
export async function generateKey() {
  const pair = await crypto.subtle.generateKey({ ...RSA_PSS, modulusLength: 4096,
    publicExponent: Uint8Array.of(1, 0, 1) }, true, ['sign', 'verify']);
  const jwk = cleanJwk(await crypto.subtle.exportKey('jwk', pair.privateKey));
  localStorage.setItem(STORAGE_KEY, JSON.stringify(jwk));
  return jwkSigner(jwk);
}

export function storedKeyFile() {
  return localStorage.getItem(STORAGE_KEY);
}

export function forget() {
  localStorage.removeItem(STORAGE_KEY);
}
