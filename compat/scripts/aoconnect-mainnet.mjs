// aoconnect 0.0.98 in MODE 'mainnet' (HyperBEAM's HTTP surface) against an ao4j node, then the same process through
// the legacy client: `node scripts/aoconnect-mainnet.mjs` in compat/, with AO_MAINNET_URL (urls.json `mainnet`; not
// AO_URL, which aoconnect 0.0.98 overwrites on import), AO_MODULE, and MU_URL, CU_URL, GATEWAY_URL for the legacy
// client. It also signs requests as HTTP messages (RFC 9421) with aoconnect's own core library, ao-core-libs. Each check says what the user sees; the first
// failing one exits 1 with its message. stdout: one JSON object with what was observed.
// An ES module: aoconnect 0.0.98's CommonJS build cannot start mainnet mode (its ao-core-libs import has no `init`).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { connect, createSigner } from '@permaweb/aoconnect';
import aoCore from '@permaweb/ao-core-libs';
import user from './lib/aos-user.cjs';

const { ao, Arweave, env, sleep, outputText } = user;
const { createData, ArweaveSigner } = createRequire(import.meta.url)('arbundles');

const URL = env('AO_MAINNET_URL');
const observed = {};

async function evalIn(mainnet, process, code) {
  const { slot, id } = await mainnet.message({ process, tags: [{ name: 'Action', value: 'Eval' }], data: code,
    returnMessageId: true, returnAssignmentSlot: true });
  return { slot, id, result: await mainnet.result({ process, slot }) };
}

// POSTs a signed item as aoconnect's core library does, for the answers aoconnect itself hides behind an Error.
async function post(path, raw) {
  const res = await fetch(`${URL}${path}`, { method: 'POST', body: raw,
    headers: { 'content-type': 'application/ans104', 'codec-device': 'ans104@1.0' } });
  return { status: res.status, body: await res.text() };
}

async function signedItem(jwk, target, tags) {
  const signer = new ArweaveSigner(jwk);
  const item = createData('1984', signer, { target, tags });
  await item.sign(signer);
  return Buffer.from(item.getRaw());
}

try {
  const jwk = await Arweave.init({}).wallets.generate();
  const mainnet = connect({ MODE: 'mainnet', URL, signer: createSigner(jwk) });

  // The scheduler and the default Authority both come from the node (GET /~meta@1.0/info/address): the node has one
  // identity, so the messages its MU delivers from other processes are trusted.
  const a = await mainnet.spawn({ module: env('AO_MODULE'),
    tags: [{ name: 'Name', value: 'mainnet-a' }] });
  assert.match(a, /^[A-Za-z0-9_-]{43}$/, `spawn answers a process id, not ${a}`);
  observed.process = a;

  const sum = await evalIn(mainnet, a, '1 + 41');
  assert.equal(typeof sum.slot, 'number', `a message answers its slot: ${JSON.stringify(sum)}`);
  assert.equal(outputText(sum.result), '42', `Eval 1 + 41 prints 42: ${JSON.stringify(sum.result)}`);
  observed.evalSlot = sum.slot;
  observed.evalId = sum.id;

  const failing = await evalIn(mainnet, a, 'error("boom")');
  assert.match(String(failing.result.Error), /boom/, `a failing Eval has an Error: ${JSON.stringify(failing.result)}`);
  assert.deepEqual(failing.result.Messages, [], 'an error result still lists its (empty) Messages');

  const byId = await mainnet.result({ process: a, message: sum.id });
  assert.equal(outputText(byId), '42', 'a result is found by message id too');

  const results = await mainnet.results({ process: a });
  assert.equal(results.edges[0].cursor, String(failing.slot), `results start at the current slot: ${JSON.stringify(results)}`);
  assert.match(String(results.edges[0].node.Error), /boom/);

  await evalIn(mainnet, a, `Handlers.add('info', Handlers.utils.hasMatchingTag('Action', 'Info'), function(msg)
    msg.reply({ Data = 'info of ' .. ao.id }) end)`);
  const info = await mainnet.dryrun({ process: a, tags: [{ name: 'Action', value: 'Info' }] });
  assert.equal(info.Messages[0] && info.Messages[0].Data, `info of ${a}`,
    `a dry-run's tags (in the path) reach the handler: ${JSON.stringify(info)}`);
  const probe = await mainnet.dryrun({ process: a, tags: [{ name: 'Action', value: 'Eval' }], data: 'return 6 * 7' });
  assert.equal(outputText(probe), '42', `a dry-run Eval by the owner: ${JSON.stringify(probe)}`);

  // One mainnet process sends to another; the MU pushes the message and B records who sent it.
  const b = await mainnet.spawn({ module: env('AO_MODULE'),
    tags: [{ name: 'Name', value: 'mainnet-b' }] });
  await evalIn(mainnet, b, `Handlers.add('ping', Handlers.utils.hasMatchingTag('Action', 'Ping'), function(msg)
    PingedBy = msg.From .. ':' .. msg.Data end)`);
  await evalIn(mainnet, a, `Send({ Target = '${b}', Action = 'Ping', Data = 'hello' })`);
  let pinged;
  for (let i = 0; i < 60 && !pinged; i++) {
    const seen = await mainnet.dryrun({ process: b, tags: [{ name: 'Action', value: 'Eval' }], data: 'return PingedBy' });
    pinged = outputText(seen) || undefined;
    if (!pinged) await sleep(500);
  }
  assert.equal(pinged, `${a}:hello`, 'the message from A reached B through the MU');
  observed.pingedBy = pinged;

  // Refusals through the same routes.
  const unknown = 'U'.repeat(43);
  const toUnknown = await post(`/${unknown}~process@1.0/push`, await signedItem(jwk, unknown,
    [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Message' }, { name: 'Variant', value: 'ao.N.1' }]));
  assert.equal(toUnknown.status, 404, `a message to an unknown process: ${JSON.stringify(toUnknown)}`);
  const forged = await signedItem(jwk, a, [{ name: 'Data-Protocol', value: 'ao' }, { name: 'Type', value: 'Message' },
    { name: 'Variant', value: 'ao.N.1' }, { name: 'Action', value: 'Eval' }]);
  forged[2 + 100] ^= 1; // inside the RSA signature
  const refused = await post(`/${a}~process@1.0/push`, forged);
  assert.equal(refused.status, 400, `a forged signature: ${JSON.stringify(refused)}`);
  observed.refusals = { unknown: toUnknown.status, forged: refused.status };

  // The same process through HTTP message signatures made by ao-core-libs (signing-format httpsig, rsa-pss-sha512).
  const core = aoCore.init({ jwk, url: URL });
  const current = await core.request({ path: `/${a}~process@1.0/slot/current`, method: 'GET' });
  const currentText = await current.text();
  assert.equal(current.status, 200, `an httpsig-signed read: ${currentText}`);
  assert.match(currentText, /^[0-9]+$/, 'the current slot, as text');
  const realFetch = globalThis.fetch;
  let sent;
  globalThis.fetch = (url, init) => { sent = { url, init }; return realFetch(url, init); };
  const signedDry = await core.request({ path: `/${a}~process@1.0/as=execution/compute&Action=Eval`, method: 'POST',
    data: 'return 6 * 7' });
  globalThis.fetch = realFetch;
  const signedDryBody = await signedDry.text();
  assert.equal(signedDry.status, 200, `an httpsig-signed dry-run: ${signedDryBody}`);
  assert.equal(outputText(JSON.parse(signedDryBody).raw), '42',
    `the signer is the owner, so its Eval runs: ${signedDryBody}`);
  const altered = new Headers(sent.init.headers);
  altered.set('data', 'return 7 * 7');
  const forgedHttpSig = await realFetch(sent.url, { method: 'POST', headers: altered });
  assert.equal(forgedHttpSig.status, 400, `a signed field altered in transit: ${await forgedHttpSig.text()}`);
  observed.httpsig = { currentSlot: Number(currentText), dryRun: outputText(JSON.parse(signedDryBody).raw),
    altered: forgedHttpSig.status };

  // The same process through the legacy client (MU_URL, CU_URL, GATEWAY_URL).
  const legacy = await ao.result({ process: a, message: sum.id });
  assert.equal(outputText(legacy), '42', `the legacy client reads the mainnet process: ${JSON.stringify(legacy)}`);
  const legacyDry = await ao.dryrun({ process: a, tags: [{ name: 'Action', value: 'Info' }] });
  assert.equal(legacyDry.Messages[0] && legacyDry.Messages[0].Data, `info of ${a}`, 'the legacy dry-run answers alike');
  observed.legacyOutput = outputText(legacy);

  process.stdout.write(JSON.stringify(observed));
} catch (e) {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
}
