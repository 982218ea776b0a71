// Reads a CU with the reference client: aoconnect's result, results and dryrun against CU_URL.
// stdin: {"cu": "<CU url>", "process": "<pid>", "message": "<message id>", "owner": "<process owner address>"}
// stdout: {"result": ..., "results": ..., "dryrun": ...} as aoconnect returns them.
const fs = require('fs');
// Resolved from the working directory (compat/), where the reference libraries are installed.
const aoconnect = require(require.resolve('@permaweb/aoconnect', { paths: [process.cwd()] }));

const input = JSON.parse(fs.readFileSync(0, 'utf8'));
(async () => {
  const ao = aoconnect.connect({ MODE: 'legacy', CU_URL: input.cu, MU_URL: input.cu, GATEWAY_URL: input.cu });
  const result = await ao.result({ message: input.message, process: input.process });
  const results = await ao.results({ process: input.process, sort: 'ASC', limit: 10 });
  const dryrun = await ao.dryrun({
    process: input.process,
    Owner: input.owner,
    tags: [{ name: 'Action', value: 'Eval' }],
    data: 'return Count'
  });
  process.stdout.write(JSON.stringify({ result, results, dryrun }));
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
