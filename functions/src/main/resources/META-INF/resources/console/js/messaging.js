// Messages and spawns as aoconnect builds them: the caller's tags, then Data-Protocol, Variant and Type; signed
// in the page and posted to the MU.
import { randomAnchor } from './ans104.js';
import { cu, mu, postItem, su } from './api.js';

const PROTOCOL = new Set(['Data-Protocol', 'Variant', 'Type']);

function withProtocol(tags, type) {
  return [...tags.filter((t) => !PROTOCOL.has(t.name)),
    { name: 'Data-Protocol', value: 'ao' }, { name: 'Variant', value: 'ao.TN.1' }, { name: 'Type', value: type }];
}

/** "Name=Value" lines to tags; blank lines are skipped. */
export function parseTagLines(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const at = line.indexOf('=');
    if (at < 1) {
      throw new Error(`a tag is Name=Value, not "${line}"`);
    }
    return { name: line.slice(0, at).trim(), value: line.slice(at + 1).trim() };
  });
}

async function post(signer, item) {
  const signed = await signer.signItem({ anchor: randomAnchor(), ...item });
  const answer = await postItem(signed.bytes);
  if (answer?.id && answer.id !== signed.id) {
    throw new Error(`the MU answered id ${answer.id}, the page signed ${signed.id}`);
  }
  return signed.id;
}

export async function sendMessage(signer, process, tags, data) {
  return post(signer, { target: process, tags: withProtocol(tags, 'Message'), data: data || ' ' });
}

/** A process of the module, scheduled by this node's SU, trusting its MU (aos checks Authority). */
export async function spawnProcess(signer, module, name, data) {
  const [scheduler, messenger] = await Promise.all([su.info(), mu.info()]);
  const tags = [{ name: 'Module', value: module }, { name: 'Scheduler', value: scheduler.address },
    { name: 'Authority', value: messenger.address }];
  if (name) {
    tags.push({ name: 'Name', value: name });
  }
  return post(signer, { tags: withProtocol(tags, 'Process'), data: data || '1984' });
}

export function result(process, message) {
  return cu.result(message, process);
}
