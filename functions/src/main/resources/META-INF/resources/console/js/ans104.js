// ANS-104 data items, built and signed in the page (the same bytes arbundles produces).
// Only Arweave (RSA-PSS, signature type 1) keys: what a JWK wallet file or window.arweaveWallet holds.

const SIGNATURE_TYPE_ARWEAVE = 1;
const RSA_BYTES = 512;
const encoder = new TextEncoder();

export function b64urlEncode(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function b64urlDecode(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

async function sha384(bytes) {
  return new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
}

/** Arweave's deep hash: what an item's signature covers. */
export async function deepHash(chunk) {
  if (Array.isArray(chunk)) {
    let acc = await sha384(encoder.encode('list' + chunk.length));
    for (const part of chunk) {
      acc = await sha384(concat([acc, await deepHash(part)]));
    }
    return acc;
  }
  const tag = await sha384(encoder.encode('blob' + chunk.length));
  return sha384(concat([tag, await sha384(chunk)]));
}

/** Avro varint of a zig-zag long, as ANS-104 writes tag counts and lengths. */
function avroLong(n) {
  const bytes = [];
  let z = n * 2; // zig-zag of a non-negative number
  while (z >= 0x80) {
    bytes.push((z % 0x80) | 0x80);
    z = Math.floor(z / 0x80);
  }
  bytes.push(z);
  return Uint8Array.from(bytes);
}

function avroBytes(bytes) {
  return concat([avroLong(bytes.length), bytes]);
}

/** Tags as ANS-104's Avro array of {name, value} byte strings; no tags is no bytes at all. */
export function encodeTags(tags) {
  if (tags.length === 0) {
    return new Uint8Array(0);
  }
  const parts = [avroLong(tags.length)];
  for (const { name, value } of tags) {
    parts.push(avroBytes(encoder.encode(name)), avroBytes(encoder.encode(value)));
  }
  parts.push(avroLong(0));
  return concat(parts);
}

function u64le(n) {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
}

function optional(bytes) {
  return bytes.length ? concat([Uint8Array.of(1), bytes]) : Uint8Array.of(0);
}

/** A random 32-character anchor, so that two identical messages are two messages. */
export function randomAnchor() {
  return b64urlEncode(crypto.getRandomValues(new Uint8Array(24)));
}

/**
 * Builds and signs an item. {@code sign(bytes)} returns the RSA-PSS signature of the deep hash; {@code owner} is
 * the RSA modulus (512 bytes). Returns {id, bytes}.
 */
export async function signDataItem({ owner, sign, target = '', anchor = '', tags = [], data = '' }) {
  if (owner.length !== RSA_BYTES) {
    throw new Error('only 4096-bit Arweave RSA keys can sign here');
  }
  const targetBytes = target ? b64urlDecode(target) : new Uint8Array(0);
  if (target && targetBytes.length !== 32) {
    throw new Error('a target is a 43-character id');
  }
  const anchorBytes = encoder.encode(anchor);
  if (anchor && anchorBytes.length !== 32) {
    throw new Error('an anchor is 32 bytes');
  }
  const tagBytes = encodeTags(tags);
  const dataBytes = typeof data === 'string' ? encoder.encode(data) : data;
  const hash = await deepHash([encoder.encode('dataitem'), encoder.encode('1'),
    encoder.encode(String(SIGNATURE_TYPE_ARWEAVE)), owner, targetBytes, anchorBytes, tagBytes, dataBytes]);
  const signature = new Uint8Array(await sign(hash));
  if (signature.length !== RSA_BYTES) {
    throw new Error('the signature is not 512 bytes');
  }
  const typeBytes = new Uint8Array(2);
  new DataView(typeBytes.buffer).setUint16(0, SIGNATURE_TYPE_ARWEAVE, true);
  const bytes = concat([typeBytes, signature, owner, optional(targetBytes), optional(anchorBytes),
    u64le(tags.length), u64le(tagBytes.length), tagBytes, dataBytes]);
  const id = b64urlEncode(new Uint8Array(await crypto.subtle.digest('SHA-256', signature)));
  return { id, bytes };
}
