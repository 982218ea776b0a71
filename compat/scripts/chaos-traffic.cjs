// Mixed aoconnect traffic for `./ao4j chaos`: `node scripts/chaos-traffic.cjs <seconds> <processes> <ack-file>` in
// compat/, with the environment of lib/aos-user.cjs. Spawns aos processes that keep a ledger of credits by
// reference (one with a cron), then until <seconds> have passed: direct credits, sends that the MU cranks to another
// process, dry-runs, and a few hostile requests. A dry-run of Action Ledger reads a process's ledger. The node may be killed at any moment: a call that fails is
// retried with a new message, and only what the node acknowledged is appended to <ack-file>, one JSON line each:
// {kind: "credit"|"send", process, message, ref, target}. stdout: a {"ready": …} line once set up, then a summary.
const fs = require('node:fs');
const { ao, env, sleep, newUser, spawnAos, outputText } = require('./lib/aos-user.cjs');

const [seconds, processCount] = process.argv.slice(2, 4).map(Number);
const ackFile = process.argv[4];
const MU = env('MU_URL');
const SU = `${env('GATEWAY_URL')}/su`;

const LEDGER = `
Balance = Balance or 0
Credits = Credits or {}
Ticks = Ticks or 0
Handlers.add("credit", Handlers.utils.hasMatchingTag("Action", "Credit"), function (msg)
  Balance = Balance + tonumber(msg.Quantity)
  Credits[msg["Chaos-Ref"]] = (Credits[msg["Chaos-Ref"]] or 0) + 1
end)
Handlers.add("send", Handlers.utils.hasMatchingTag("Action", "Send"), function (msg)
  ao.send({ Target = msg.To, Action = "Credit", Quantity = msg.Quantity, ["Chaos-Ref"] = msg["Chaos-Ref"] })
end)
Handlers.add("tick", Handlers.utils.hasMatchingTag("Action", "Tick"), function () Ticks = Ticks + 1 end)
Handlers.add("ledger", Handlers.utils.hasMatchingTag("Action", "Ledger"), function (msg)
  ao.send({ Target = msg.From, Data = require("json").encode({ credits = Credits, ticks = Ticks, balance = Balance }) })
end)
return "ledger"`;

const counts = { acknowledged: 0, failedCalls: 0, dryRuns: 0, hostile: 0, hostileAnswered5xx: 0 };
let refSeq = 0;
const newRef = () => `r${Date.now().toString(36)}-${(refSeq++).toString(36)}`;
const pick = (list) => list[Math.floor(Math.random() * list.length)];

// Retries `call` until the node answers it (it may be down for a restart), for at most two minutes.
async function persistently(what, call) {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      return await call();
    } catch (e) {
      counts.failedCalls++;
      if (Date.now() > deadline) throw new Error(`${what}: ${e.message}`);
      await sleep(500);
    }
  }
}

async function setUp(user) {
  const processes = [];
  for (let i = 0; i < processCount; i++) {
    const cron = i === 0 ? [{ name: 'Cron-Interval', value: '5-seconds' }, { name: 'Cron-Tag-Action', value: 'Tick' }] : [];
    const id = await persistently('spawn', () => spawnAos(user, `chaos-${i}`, cron));
    const message = await persistently('ledger', () =>
      ao.message({ process: id, signer: user.signer, tags: [{ name: 'Action', value: 'Eval' }], data: LEDGER }));
    const result = await persistently('ledger result', () => ao.result({ process: id, message }));
    if (result.Error || !outputText(result).includes('ledger')) throw new Error(`ledger on ${id}: ${JSON.stringify(result)}`);
    if (cron.length) await persistently('monitor', () => ao.monitor({ process: id, signer: user.signer }));
    processes.push(id);
  }
  return processes;
}

function acknowledge(record) {
  fs.appendFileSync(ackFile, JSON.stringify(record) + '\n');
  counts.acknowledged++;
}

async function credit(user, target) {
  const ref = newRef();
  const message = await ao.message({ process: target, signer: user.signer,
    tags: [{ name: 'Action', value: 'Credit' }, { name: 'Quantity', value: '1' }, { name: 'Chaos-Ref', value: ref }] });
  acknowledge({ kind: 'credit', process: target, message, ref, target });
}

async function send(user, from, to) {
  const ref = newRef();
  const message = await ao.message({ process: from, signer: user.signer,
    tags: [{ name: 'Action', value: 'Send' }, { name: 'To', value: to }, { name: 'Quantity', value: '2' },
      { name: 'Chaos-Ref', value: ref }] });
  acknowledge({ kind: 'send', process: from, message, ref, target: to });
}

async function dryRun(target) {
  await ao.dryrun({ process: target, tags: [{ name: 'Action', value: 'Credit' }, { name: 'Quantity', value: '5' },
    { name: 'Chaos-Ref', value: 'dry' }] });
  counts.dryRuns++;
}

// Requests an anonymous caller may send; each must be refused with a 4xx, never kill or wedge the node.
async function hostile(user, target) {
  counts.hostile++;
  const attacks = [
    () => fetch(`${SU}/${target}?process-id=${target}&limit=-2`),
    () => fetch(MU, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.alloc(512, 7) }),
    () => ao.dryrun({ process: target, Owner: user.address, tags: [{ name: 'Action', value: 'Eval' }],
      data: 'while true do end' }).then(() => ({ status: 200 }), (e) => ({ status: /5\d\d/.test(e.message) ? 500 : 422 })),
  ];
  const answer = await pick(attacks)();
  if (answer.status >= 500) counts.hostileAnswered5xx++;
}

async function main() {
  const user = await newUser();
  const processes = await setUp(user);
  console.log(JSON.stringify({ ready: true, processes }));
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const a = pick(processes);
    const b = pick(processes.filter((p) => p !== a));
    const roll = Math.random();
    try {
      if (roll < 0.55) await credit(user, a);
      else if (roll < 0.9) await send(user, a, b);
      else if (roll < 0.97) await dryRun(a);
      else await hostile(user, a);
    } catch (e) {
      counts.failedCalls++; // the node is down or restarting: nothing acknowledged, try the next one
      await sleep(300);
    }
  }
  console.log(JSON.stringify(counts));
}

main().catch((e) => {
  console.error(`chaos-traffic: ${e.stack || e}`);
  process.exit(1);
});
