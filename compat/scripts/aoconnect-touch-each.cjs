// Sends one message to each given process and waits for its result, one process after another:
// `node scripts/aoconnect-touch-each.cjs <process id>...` in compat/, with the aoconnect settings of
// lib/aos-user.cjs. stdout: one JSON object {latenciesMs: [...]} in the order given.
const { ao, newUser } = require('./lib/aos-user.cjs');

(async () => {
  const user = await newUser();
  const latenciesMs = [];
  for (const pid of process.argv.slice(2)) {
    const started = process.hrtime.bigint();
    const message = await ao.message({ process: pid, signer: user.signer, tags: [{ name: 'Action', value: 'Touch' }] });
    const result = await ao.result({ process: pid, message });
    if (result.Error) throw new Error(`process ${pid} answered ${JSON.stringify(result)}`);
    latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  process.stdout.write(JSON.stringify({ latenciesMs }));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
