// Cross-checks ao4j's items with the reference library (arbundles).
// stdin: JSON {verify: [base64 item...], signWithJwk: <path to an Arweave JWK or null>}
// stdout: JSON {verified: [{id, valid}], signed: {rawBase64, address} | null}
// Resolved from the working directory (compat/), where the reference libraries are installed.
const requireHere = require('module').createRequire(require('path').join(process.cwd(), 'index.js'));
const { DataItem, ArweaveSigner, createData } = requireHere('arbundles');
const Arweave = requireHere('arweave');

async function main() {
  const input = JSON.parse(require('fs').readFileSync(0, 'utf8'));
  const verified = [];
  for (const b64 of input.verify) {
    const buffer = Buffer.from(b64, 'base64');
    const valid = await DataItem.verify(buffer);
    verified.push({ id: new DataItem(buffer).id, valid });
  }
  let signed = null;
  if (input.signWithJwk) {
    const jwk = JSON.parse(require('fs').readFileSync(input.signWithJwk, 'utf8'));
    const signer = new ArweaveSigner(jwk);
    const item = createData('signed by arbundles', signer, { tags: [{ name: 'Type', value: 'Message' }] });
    await item.sign(signer);
    const arweave = Arweave.init({});
    signed = { rawBase64: item.getRaw().toString('base64'), address: await arweave.wallets.jwkToAddress(jwk) };
  }
  process.stdout.write(JSON.stringify({ verified, signed }));
}
main().catch((e) => { console.error(e); process.exit(1); });
