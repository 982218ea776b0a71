// Spawns N aos processes on a node and evaluates one Eval in each, so each is live in the CU:
// `node scripts/aoconnect-spawn-many.cjs <N>` in compat/, with MU_URL, CU_URL, GATEWAY_URL, AO_MODULE, AO_SCHEDULER,
// AO_AUTHORITY set. stdout: one JSON object {processes: [ids]}.
const { ao, newUser, spawnAos, outputText } = require('./lib/aos-user.cjs');

const count = Number(process.argv[2]);
(async () => {
  const user = await newUser();
  const processes = [];
  for (let i = 0; i < count; i++) {
    const pid = await spawnAos(user, `scale-${i}`);
    const message = await ao.message({ process: pid, signer: user.signer, tags: [{ name: 'Action', value: 'Eval' }],
      data: 'return 1 + 1' });
    const result = await ao.result({ process: pid, message });
    if (outputText(result) !== '2') throw new Error(`process ${pid} answered ${JSON.stringify(result)}`);
    processes.push(pid);
  }
  process.stdout.write(JSON.stringify({ processes }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
