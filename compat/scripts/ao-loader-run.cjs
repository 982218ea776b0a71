// Runs a scenario through the reference loader (@permaweb/ao-loader) and prints one result per message.
// stdin: {"wasm": "<path>", "format": "<Module-Format>", "env": {...}, "messages": [msg, ...],
//         "options": {"computeLimit"?, "memoryLimit"?}}
// stdout: JSON array; each entry is the loader's result without Memory (and Patches), or {"Error": ...}
// when the loader throws (the module answered ok:false or trapped). With "timings": true,
// {results, timings} with the milliseconds of each message. With "noRollback": true the memory is never
// copied and failed messages are not rolled back (speed runs; add "options": {"UNSAFE_MEMORY": true} so the
// loader does not copy the memory out either). With "copyMemoryIn": true every call gets the previous
// memory, as the reference CU calls the loader.
// With "memoryHash": true each result also holds "Memory-SHA-256": the lower-case hex SHA-256 of the whole memory
// after the message, as AO's CU keeps it (a failed message keeps the memory from before it).
// With "weaveDrive": {"gateway": "<url>"} the process reads Arweave data through @permaweb/weavedrive (the drive AO's
// CU hands the loader) from that gateway; admissibility is not checked (the drive's test mode).
// With AO_TRACE_IMPORTS=1 every host import call is logged on stderr.
const fs = require('fs');
const crypto = require('crypto');
// Resolved from the working directory (compat/), where the reference libraries are installed.
const AoLoader = require(require.resolve('@permaweb/ao-loader', { paths: [process.cwd()] }));
const requireReference = (name) => require(require.resolve(name, { paths: [process.cwd()] }));

if (process.env.AO_TRACE_IMPORTS === '1') {
  const wrap = (imports) => {
    const out = {};
    for (const [mod, fns] of Object.entries(imports)) {
      out[mod] = {};
      for (const [name, fn] of Object.entries(fns)) {
        out[mod][name] = typeof fn !== 'function' ? fn : (...args) => {
          const r = fn(...args);
          process.stderr.write(`import ${mod}.${name}(${args.join(',')}) -> ${typeof r === "object" ? "[object]" : r}\n`);
          return r;
        };
      }
    }
    return out;
  };
  const original = WebAssembly.instantiate;
  WebAssembly.instantiate = (source, imports) => original(source, wrap(imports || {}));
}

function readStdin() {
  return fs.readFileSync(0, 'utf8');
}

function stripMemory(result) {
  const out = {};
  for (const key of ['Output', 'Messages', 'Spawns', 'Assignments', 'Error', 'GasUsed']) {
    if (result[key] !== undefined) out[key] = result[key];
  }
  return out;
}

// The loader options through which the glue's weavedrive imports reach the drive, as AO's CU passes them.
function weaveDriveOptions(scenario) {
  if (!scenario.weaveDrive) return {};
  return {
    WeaveDrive: requireReference('@permaweb/weavedrive'),
    ARWEAVE: scenario.weaveDrive.gateway,
    mode: 'test',
    spawn: { tags: scenario.env.Process.Tags },
    module: { tags: scenario.env.Module.Tags }
  };
}

(async () => {
  const scenario = JSON.parse(readStdin());
  const binary = fs.readFileSync(scenario.wasm);
  const options = Object.assign({ format: scenario.format }, scenario.options || {}, weaveDriveOptions(scenario));
  const load = () => AoLoader(binary, Object.assign({}, options));
  let handle = await load();
  const results = [];
  const timings = [];
  // As the AO CU: a failed evaluation (Error, or the loader throwing on ok:false or a trap) keeps the memory
  // from before the message, and the CU drops that loader instance: the next message runs in a fresh one (whose
  // clock starts again) with the memory copied in. Otherwise the live instance is reused (null memory: no copy).
  let lastGood = null;
  let lastGoodHash = null;
  let restore = false;
  for (const msg of scenario.messages) {
    const start = process.hrtime.bigint();
    let result;
    try {
      result = await handle(restore || scenario.copyMemoryIn ? lastGood : null, msg, scenario.env);
    } catch (e) {
      const error = e && typeof e === 'object' && !(e instanceof Error) && e.Error !== undefined ? e.Error
        : (e && typeof e === 'object' && !(e instanceof Error) ? e : String(e));
      result = { Error: error };
    }
    timings.push(Number(process.hrtime.bigint() - start) / 1e6);
    // AO's CU awaits I/O between evaluations, so the job queue empties before the next message: what the drive's
    // fetches left queued (each GET stamps its end with the glue's Date.now) happens now, not inside the next one.
    await new Promise((resolve) => setImmediate(resolve));
    restore = result.Error !== undefined;
    if (restore && !scenario.noRollback) handle = await load();
    if (!restore && result.Memory && !scenario.noRollback) lastGood = result.Memory;
    const entry = stripMemory(result);
    if (scenario.memoryHash) {
      if (!restore) lastGoodHash = crypto.createHash('sha256').update(new Uint8Array(result.Memory)).digest('hex');
      entry['Memory-SHA-256'] = lastGoodHash;
    }
    results.push(entry);
  }
  process.stdout.write(JSON.stringify(scenario.timings ? { results, timings } : results));
})().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
