// Measures a node from the official client's side: latency from aoconnect message() to its result() on one
// process, then sustained messages/s with many concurrent clients over a few processes.
// `node scripts/aoconnect-bench.cjs <warmup> <measured> <clients> <processes> <seconds>` in compat/, with
// MU_URL, CU_URL, GATEWAY_URL, AO_MODULE, AO_SCHEDULER, AO_AUTHORITY set. stdout: one JSON object.
const resolve = (name) => require(require.resolve(name, { paths: [process.cwd()] }));
const ao = resolve('@permaweb/aoconnect');
const Arweave = resolve('arweave');

const [warmup, measured, clients, processes, seconds] = process.argv.slice(2).map(Number);
const HANDLER = `
  Count = 0
  Handlers.add("ping", Handlers.utils.hasMatchingTag("Action", "Ping"), function (msg)
    Count = Count + 1
    msg.reply({ Data = tostring(Count) })
  end)
  return "ok"`;

async function roundTrip(signer, pid) {
  const message = await ao.message({ process: pid, signer, tags: [{ name: 'Action', value: 'Ping' }] });
  const res = await ao.result({ process: pid, message });
  if (res.Error || !res.Messages || res.Messages.length !== 1) throw new Error(`unexpected result ${JSON.stringify(res)}`);
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

(async () => {
  const jwk = await Arweave.init({}).wallets.generate();
  const signer = ao.createDataItemSigner(jwk);
  const pids = [];
  let firstResultMs;
  for (let i = 0; i < processes; i++) {
    const start = process.hrtime.bigint();
    const pid = await ao.spawn({
      module: process.env.AO_MODULE, scheduler: process.env.AO_SCHEDULER, signer,
      tags: [{ name: 'Authority', value: process.env.AO_AUTHORITY }, { name: 'Name', value: `bench-${i}` }],
    });
    const message = await ao.message({ process: pid, signer, tags: [{ name: 'Action', value: 'Eval' }], data: HANDLER });
    await ao.result({ process: pid, message });
    if (i === 0) firstResultMs = Number(process.hrtime.bigint() - start) / 1e6; // spawn, then the first message's result
    pids.push(pid);
  }
  for (let i = 0; i < warmup; i++) await roundTrip(signer, pids[i % pids.length]);

  const latencies = [];
  for (let i = 0; i < measured; i++) {
    const start = process.hrtime.bigint();
    await roundTrip(signer, pids[0]);
    latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  latencies.sort((a, b) => a - b);

  let done = 0;
  const until = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, async (_, c) => {
    while (Date.now() < until) {
      await roundTrip(signer, pids[c % pids.length]);
      done++;
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), mean: latencies.reduce((a, b) => a + b, 0) / latencies.length,
    firstResultMs, samples: latencies.length, throughput: done / elapsed, concurrentMessages: done, clients, processes,
  }));
})().catch((e) => { console.error(e && e.stack || e); process.exit(1); });
