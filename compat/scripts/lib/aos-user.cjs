// What the aoconnect scripts share: aoconnect and arweave-js from compat/node_modules, the node's settings from the
// environment (MU_URL, CU_URL, GATEWAY_URL for aoconnect; AO_MODULE, AO_SCHEDULER, AO_AUTHORITY from urls.json),
// a fresh Arweave user, spawning aos, and reading an Output as text.
const resolve = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const ao = resolve('@permaweb/aoconnect');
const Arweave = resolve('arweave');

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function newUser() {
  const jwk = await Arweave.init({}).wallets.generate();
  const address = await Arweave.init({}).wallets.jwkToAddress(jwk);
  return { signer: ao.createDataItemSigner(jwk), address };
}

async function spawnAos(user, name, extraTags = []) {
  const id = await ao.spawn({
    module: env('AO_MODULE'),
    scheduler: env('AO_SCHEDULER'),
    signer: user.signer,
    tags: [{ name: 'Authority', value: env('AO_AUTHORITY') }, { name: 'Name', value: name }, ...extraTags],
  });
  if (!/^[A-Za-z0-9_-]{43}$/.test(id)) throw new Error(`spawn returned ${id}, not a process id`);
  return id;
}

const outputText = (result) =>
  result.Output && typeof result.Output === 'object' ? String(result.Output.data ?? '') : String(result.Output ?? '');

module.exports = { ao, Arweave, env, sleep, newUser, spawnAos, outputText };
