// End-to-end scenarios with the official client against an ao4j node, as an AO developer uses it:
// `node scripts/aoconnect-e2e.cjs <scenario>` in compat/, with MU_URL, CU_URL and GATEWAY_URL pointing at the
// node (aoconnect's top-level functions read them), and AO_MODULE, AO_SCHEDULER, AO_AUTHORITY from its urls.json.
// Signs with createDataItemSigner and a fresh Arweave JWK. Each check says what the user sees; the first failing
// one exits 1 with its message. stdout: one JSON object with what the scenario observed.
const assert = require('node:assert/strict');
const { ao, env, sleep, newUser, spawnAos, outputText } = require('./lib/aos-user.cjs');

const SCHEDULER = env('AO_SCHEDULER');
const GATEWAY = env('GATEWAY_URL');

const observed = {};

// Sends an Eval and returns its result; the code runs in the process as its owner.
async function evalLua(user, process, code) {
  const message = await ao.message({ process, signer: user.signer, tags: [{ name: 'Action', value: 'Eval' }], data: code });
  return { message, result: await ao.result({ process, message }) };
}


// Polls a read-only question (a dry-run) until `accept` holds for its reply Data, or fails after `seconds`.
async function eventually(what, seconds, ask, accept) {
  const deadline = Date.now() + seconds * 1000;
  let last;
  while (Date.now() < deadline) {
    last = await ask();
    if (accept(last)) return last;
    await sleep(500);
  }
  assert.fail(`${what} (last answer: ${JSON.stringify(last)})`);
}

async function dryData(process, action) {
  const res = await ao.dryrun({ process, tags: [{ name: 'Action', value: action }] });
  return res.Messages && res.Messages[0] ? res.Messages[0].Data : undefined;
}

const scenarios = {
  // Processes whose results depend on table order, number forms and escapes, one of them cranked to from the
  // other; the caller then replays both independently (reference-replay.cjs) and compares every slot.
  async exactness() {
    const user = await newUser();
    const a = await spawnAos(user, 'exact-a', [{ name: 'Note', value: 'control \u001b[1m and unicode é' }]);
    const b = await spawnAos(user, 'exact-b');
    observed.processes = [a, b];
    const order = await evalLua(user, a, `local t = {} for i = 1, 20 do t["k" .. i] = i end
      local s = {} for k in pairs(t) do s[#s + 1] = k end
      print(table.concat(s, ","))`);
    observed.pairsOrder = outputText(order.result);
    await evalLua(user, a, `local json = require('json')
      Balances = {}
      for i = 1, 30 do Balances['holder' .. i] = tostring(i * 1000) end
      Handlers.add('transfer', Handlers.utils.hasMatchingTag('Action', 'Transfer'), function(msg)
        ao.send({ Target = msg.From, Action = 'Debit-Notice', Recipient = msg.Recipient, Quantity = msg.Quantity })
        ao.send({ Target = msg.Recipient, Action = 'Credit-Notice', Sender = msg.From, Quantity = msg.Quantity,
          Data = json.encode(Balances) })
      end)
      return json.encode(Balances)`);
    const transfer = await ao.message({ process: a, signer: user.signer, data: 'x \u0007 \u2028 y',
      tags: [{ name: 'Action', value: 'Transfer' }, { name: 'Recipient', value: b }, { name: 'Quantity', value: '7' }] });
    const sent = await ao.result({ process: a, message: transfer });
    assert.equal(sent.Messages.length, 2, 'the transfer sends a debit and a credit notice');
    await evalLua(user, a, "error('on purpose')");
    await evalLua(user, a, 'return 1.5 + 2^53 .. " " .. tostring(1e300 * 10)');
    // The credit notice reaches b through the MU's crank.
    await eventually('b receives the credit notice', 120, async () => (await ao.results({ process: b, limit: 10 })).edges.length,
      (count) => count >= 2);
  },

  // What a newcomer does first: spawn aos and evaluate one line.
  async 'first-run'() {
    const user = await newUser();
    const process = await spawnAos(user, 'first-run');
    observed.process = process;
    const two = await evalLua(user, process, '1 + 1');
    assert.equal(two.result.Error, undefined, 'Eval of 1 + 1 is not an error');
    assert.equal(outputText(two.result), '2', 'Eval of 1 + 1 prints 2');
    observed.output = outputText(two.result);
  },

  // spawn; Eval adds handlers; message(); result(); results() paging; dryrun(); an error result.
  async basics() {
    const user = await newUser();
    const process = await spawnAos(user, 'e2e-basics');
    observed.process = process;

    const two = await evalLua(user, process, '1 + 1');
    assert.equal(two.result.Error, undefined, 'Eval of 1 + 1 is not an error');
    assert.equal(outputText(two.result), '2', 'Eval of 1 + 1 prints 2');

    const added = await evalLua(user, process, `
      Counter = 0
      Handlers.add("inc", Handlers.utils.hasMatchingTag("Action", "Inc"), function (msg)
        Counter = Counter + 1
        msg.reply({ Data = tostring(Counter) })
      end)
      return "handlers: " .. #Handlers.list`);
    assert.match(outputText(added.result), /^handlers: \d+$/, 'the Eval that adds a handler returns its output');

    const replies = [];
    for (let i = 1; i <= 3; i++) {
      const message = await ao.message({ process, signer: user.signer, tags: [{ name: 'Action', value: 'Inc' }] });
      const res = await ao.result({ process, message });
      assert.equal(res.Messages.length, 1, `Inc #${i} sends one reply`);
      assert.equal(res.Messages[0].Target, user.address, `Inc #${i}'s reply goes back to the sender's address`);
      replies.push(res.Messages[0].Data);
    }
    assert.deepEqual(replies, ['1', '2', '3'], 'each Inc sees the state the previous one left');

    const dry = await ao.dryrun({ process, tags: [{ name: 'Action', value: 'Inc' }] });
    assert.equal(dry.Messages[0].Data, '4', 'a dry-run Inc answers from the latest state');
    const after = await ao.message({ process, signer: user.signer, tags: [{ name: 'Action', value: 'Inc' }] });
    assert.equal((await ao.result({ process, message: after })).Messages[0].Data, '4',
      'the dry-run left no trace: the next real Inc also answers 4');

    const failing = await evalLua(user, process, 'error("boom")');
    assert.ok(failing.result.Error, 'an Eval that raises is an Error result');
    assert.match(JSON.stringify(failing.result.Error), /boom/, 'the Error result carries the Lua error');
    const still = await evalLua(user, process, 'return Counter');
    assert.equal(outputText(still.result), '4', 'after the error the state is what it was');

    // The process's own spawn, 2 Evals, 4 Incs, the error (excluded from results) and the last Eval: 8 results.
    // aoconnect's results() returns only {edges} (its schema drops pageInfo): a short page is the last one.
    const seen = [];
    let page = await ao.results({ process, sort: 'ASC', limit: 3 });
    const pageSizes = [];
    for (;;) {
      pageSizes.push(page.edges.length);
      for (const edge of page.edges) {
        assert.ok(edge.cursor, 'every results() edge has a cursor');
        assert.ok(!seen.includes(edge.cursor), 'no result appears on two pages');
        seen.push(edge.cursor);
      }
      if (page.edges.length < 3) break;
      page = await ao.results({ process, sort: 'ASC', limit: 3, from: page.edges[page.edges.length - 1].cursor });
    }
    assert.ok(seen.length >= 7, `results() pages through every evaluated message (saw ${seen.length})`);
    assert.equal(pageSizes[0], 3, 'a results() page holds at most `limit` results');
    const newest = await ao.results({ process, sort: 'DESC', limit: 1 });
    assert.equal(outputText(newest.edges[0].node), '4', 'results() DESC starts with the newest result');
    observed.resultsSeen = seen.length;
    observed.pageSizes = pageSizes;
  },

  // Figure 3-3: a user transfers tokens; the token process's notices reach the recipient process by cranking.
  // Then assign(): a message sent to one process is assigned to another, which evaluates it too.
  async token() {
    const user = await newUser();
    const token = await spawnAos(user, 'e2e-token');
    const wallet = await spawnAos(user, 'e2e-wallet');
    observed.token = token;
    observed.wallet = wallet;
    const setup = await evalLua(user, token, `
      Balances = { [Owner] = 100 }
      Handlers.add("transfer", Handlers.utils.hasMatchingTag("Action", "Transfer"), function (msg)
        local qty = tonumber(msg.Quantity)
        assert(Balances[msg.From] and Balances[msg.From] >= qty, "insufficient balance")
        Balances[msg.From] = Balances[msg.From] - qty
        Balances[msg.Recipient] = (Balances[msg.Recipient] or 0) + qty
        ao.send({ Target = msg.From, Action = "Debit-Notice", Recipient = msg.Recipient, Quantity = msg.Quantity })
        ao.send({ Target = msg.Recipient, Action = "Credit-Notice", Sender = msg.From, Quantity = msg.Quantity })
      end)
      Handlers.add("balance", Handlers.utils.hasMatchingTag("Action", "Balance"), function (msg)
        msg.reply({ Data = tostring(Balances[msg.Tags.Who or msg.From] or 0) })
      end)
      return "token ready"`);
    assert.equal(outputText(setup.result), 'token ready', 'the token code loads');
    const walletSetup = await evalLua(user, wallet, `
      Credits, CreditFrom = 0, ""
      -- aos evaluates a message assigned to it (Target another process) only if it matches an assignable.
      ao.addAssignable("from-owner", function (msg) return msg.From == Owner end)
      Handlers.add("credit", Handlers.utils.hasMatchingTag("Action", "Credit-Notice"), function (msg)
        Credits = Credits + tonumber(msg.Quantity)
        CreditFrom = msg.From
      end)
      Handlers.add("credits", Handlers.utils.hasMatchingTag("Action", "Credits"), function (msg)
        msg.reply({ Data = tostring(Credits) .. "|" .. CreditFrom .. "|" .. tostring(Assigned or 0) })
      end)
      return "wallet ready"`);
    assert.equal(outputText(walletSetup.result), 'wallet ready', 'the wallet code loads');

    const transfer = await ao.message({
      process: token, signer: user.signer,
      tags: [{ name: 'Action', value: 'Transfer' }, { name: 'Recipient', value: wallet }, { name: 'Quantity', value: '10' }],
    });
    const res = await ao.result({ process: token, message: transfer });
    assert.equal(res.Error, undefined, 'the transfer is not an error');
    const actions = res.Messages.map((m) => m.Tags.find((t) => t.name === 'Action').value).sort();
    assert.deepEqual(actions, ['Credit-Notice', 'Debit-Notice'], 'the transfer emits a debit and a credit notice');

    const credited = await eventually('the credit notice reaches the recipient process', 120,
      () => dryData(wallet, 'Credits'), (data) => typeof data === 'string' && data.startsWith('10|'));
    assert.equal(credited.split('|')[1], token, 'the recipient sees the notice as from the token process');
    const left = await ao.dryrun({ process: token, tags: [{ name: 'Action', value: 'Balance' }, { name: 'Who', value: user.address }] });
    observed.balanceDryrunData = left.Messages[0] && left.Messages[0].Data;

    // assign(): a message signed for the token process, also assigned to the wallet process.
    const note = await ao.message({
      process: token, signer: user.signer, tags: [{ name: 'Action', value: 'Eval' }], data: 'Assigned = (Assigned or 0) + 1',
    });
    await ao.result({ process: token, message: note });
    await eventually('the message is on the gateway before it is assigned', 60,
      async () => (await fetch(`${GATEWAY}/tx/${note}`)).status, (status) => status === 200);
    const assignment = await ao.assign({ process: wallet, message: note });
    assert.match(assignment, /^[A-Za-z0-9_-]{43}$/, 'assign returns the assignment id');
    const assigned = await eventually('the wallet process evaluates the assigned message', 60,
      () => dryData(wallet, 'Credits'), (data) => typeof data === 'string' && data.endsWith('|1'));
    observed.assignment = assignment;
    observed.walletCredits = assigned;
  },

  // A cron process: monitor() makes the MU crank what its cron ticks send.
  async cron() {
    const user = await newUser();
    const process = await spawnAos(user, 'e2e-cron', [
      { name: 'Cron-Interval', value: '1-second' }, { name: 'Cron-Tag-Action', value: 'Cron' },
    ]);
    observed.process = process;
    const setup = await evalLua(user, process, `
      Tocks = 0
      Handlers.add("cron", Handlers.utils.hasMatchingTag("Action", "Cron"), function (msg)
        ao.send({ Target = ao.id, Action = "Tock" })
      end)
      Handlers.add("tock", Handlers.utils.hasMatchingTag("Action", "Tock"), function (msg)
        Tocks = Tocks + 1
      end)
      Handlers.add("tocks", Handlers.utils.hasMatchingTag("Action", "Tocks"), function (msg)
        msg.reply({ Data = tostring(Tocks) })
      end)
      return "cron ready"`);
    assert.equal(outputText(setup.result), 'cron ready', 'the cron handlers load');
    const monitored = await ao.monitor({ process, signer: user.signer });
    observed.monitor = monitored;
    const tocks = await eventually('what the cron ticks send is delivered back to the process', 120,
      () => dryData(process, 'Tocks'), (data) => Number(data) >= 1);
    observed.tocks = Number(tocks);
    await ao.unmonitor({ process, signer: user.signer });
  },

  // What a user sees for mistakes: a message to a process that does not exist is refused.
  async refusals() {
    const user = await newUser();
    const unknown = 'U'.repeat(43);
    await assert.rejects(
      ao.message({ process: unknown, signer: user.signer, tags: [{ name: 'Action', value: 'Ping' }] }),
      'a message to an unknown process is refused');
    // aoconnect's result() hands back the CU's JSON whatever the status: the user sees AO's {error}.
    const missing = await ao.result({ process: unknown, message: unknown });
    assert.equal(missing.Messages, undefined, 'a result of an unknown process has no Messages');
    assert.match(String(missing.error), /./, `a result of an unknown process is an {error}: ${JSON.stringify(missing)}`);
    observed.unknownResult = missing;
    await assert.rejects(
      ao.spawn({ module: 'M'.repeat(43), scheduler: SCHEDULER, signer: user.signer }),
      'spawning a module that does not exist is refused');
    observed.refused = 3;
  },
};

(async () => {
  const name = process.argv[2];
  if (!scenarios[name]) throw new Error(`unknown scenario '${name}'; known: ${Object.keys(scenarios).join(', ')}`);
  await scenarios[name]();
  process.stdout.write(JSON.stringify(observed));
})().catch((e) => {
  console.error(e && e.stack || e);
  process.exit(1);
});
