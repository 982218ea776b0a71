package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cu.core.JitSettle;
import dev.ao4j.wasm.AoModule;
import dev.ao4j.wasm.HandleResult;
import dev.ao4j.wasm.Limits;
import dev.ao4j.wasm.ModuleFormat;
import dev.ao4j.wasm.ProcessInstance;
import dev.ao4j.wasm.WasmEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./ao4j bench cu}: an aos counter handler (increment and reply) on aos 2.0.6 (wasm64) and on the
 * wasm32 build, beside @permaweb/ao-loader on node in the same run (as the reference CU calls it, memory copied
 * in and out, and with a live instance, the V8 ceiling); module load time; snapshot and restore of the memory. The
 * full run measures once the JIT has caught up, and reports how long that took.
 */
public final class CuBench implements BenchSuite {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROCESS = "PROCESS_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private static final String OWNER = "OWNER_ADDRESS_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static final String USER = "USER_ADDRESS_ddddddddddddddddddddddddddddddd";
    private static final String COUNTER = "Count = 0\nHandlers.add('inc', Handlers.utils.hasMatchingTag('Action', 'Inc'), function(msg)\n"
            + "  Count = Count + 1\n  msg.reply({ Data = tostring(Count) })\nend)\nreturn 'ok'";

    private static final int QUICK_WARM_UP = 300;
    /** The longest the full run warms a module up before it measures. */
    private static final long MAX_WARM_UP_NANOS = 300_000_000_000L;

    private record Target(String name, String file, ModuleFormat format) {}

    private static final List<Target> TARGETS = List.of(
            new Target("aos2_0_6", "aos2_0_6.wasm", ModuleFormat.WASM64_EMSCRIPTEN_DRAFT_2024_02_15),
            new Target("aos2_0_4_32", "aos2_0_4_32.wasm", ModuleFormat.WASM32_EMSCRIPTEN4));

    @Override
    public String name() {
        return "cu";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        Path compat = BenchSuite.compatDir();
        int measured = options.quick() ? 300 : 3000;
        int copied = options.quick() ? 5 : 20;
        List<BenchRow> rows = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create()) {
            if (!engine.optimizing()) {
                System.err.println("bench cu: GraalWasm runs interpreted; the figures are not representative");
            }
            for (Target target : TARGETS) {
                Path wasm = compat.resolve("modules").resolve(target.file);
                byte[] bytes = Files.readAllBytes(wasm);
                JsonNode env = env(target.format);
                long t0 = System.nanoTime();
                AoModule module = AoModule.load(engine, bytes, target.format);
                ProcessInstance process = ProcessInstance.start(module, Limits.DEFAULT);
                double loadMs = (System.nanoTime() - t0) / 1e6;
                try (process) {
                    check(process.handle(spawn(), env));
                    check(process.handle(message(1, "Eval", COUNTER), env));
                    int nonce = 2;
                    // Full: warm up until the JIT compiler has caught up (docs/cu.md, "JIT warm-up"), as a node's
                    // warm-up does before users come; quick: a fixed, short warm-up.
                    JitSettle settle = new JitSettle(engine::compilerCpuNanos);
                    long warmStart = System.nanoTime();
                    while (options.quick() ? nonce - 2 < QUICK_WARM_UP
                            : !settle.settled() && System.nanoTime() - warmStart < MAX_WARM_UP_NANOS) {
                        check(process.handle(message(nonce++, "Inc", ""), env));
                    }
                    double warmSeconds = (System.nanoTime() - warmStart) / 1e9;
                    int warmed = nonce - 2;
                    long start = System.nanoTime();
                    for (int i = 0; i < measured; i++) {
                        check(process.handle(message(nonce++, "Inc", ""), env));
                    }
                    double perSecond = measured / ((System.nanoTime() - start) / 1e9);

                    double referenceCu = referencePerSecond(compat, wasm, target.format, copied, true);
                    double referenceLive = referencePerSecond(compat, wasm, target.format, Math.min(measured, 2000), false);
                    String prefix = "cu." + target.name;
                    rows.add(BenchRow.versus(prefix + ".counter", perSecond, "msg/s", "ao-loader as the CU uses it (node)", referenceCu));
                    rows.add(BenchRow.versus(prefix + ".counter", perSecond, "msg/s", "ao-loader live instance (V8 ceiling)", referenceLive));
                    rows.add(BenchRow.of(prefix + ".ref.cu", referenceCu, "msg/s"));
                    rows.add(BenchRow.of(prefix + ".ref.live", referenceLive, "msg/s"));
                    rows.add(BenchRow.of(prefix + ".load", loadMs, "ms"));
                    rows.add(BenchRow.of(prefix + ".warm-up", warmSeconds, "s"));
                    rows.add(BenchRow.of(prefix + ".warm-up.messages", warmed, "msgs"));

                    long s0 = System.nanoTime();
                    byte[] snapshot = process.snapshot();
                    double snapshotMs = (System.nanoTime() - s0) / 1e6;
                    long r0 = System.nanoTime();
                    try (ProcessInstance restored = ProcessInstance.restore(module, Limits.DEFAULT, dev.ao4j.wasm.WeaveDrive.NONE, false, snapshot)) {
                        double restoreMs = (System.nanoTime() - r0) / 1e6;
                        check(restored.handle(message(nonce, "Inc", ""), env));
                        rows.add(BenchRow.of(prefix + ".memory", process.memorySize() / 1e6, "MB"));
                        rows.add(BenchRow.of(prefix + ".snapshot", snapshotMs, "ms"));
                        rows.add(BenchRow.of(prefix + ".snapshot.size", snapshot.length / 1e6, "MB"));
                        rows.add(BenchRow.of(prefix + ".restore", restoreMs, "ms"));
                    }
                }
            }
        }
        return rows;
    }

    private static void check(HandleResult result) {
        if (result.failed()) {
            throw new IllegalStateException("bench message failed: " + result.toJson());
        }
    }

    /** Messages per second of ao-loader on node for the same handler (boot excluded). */
    private static double referencePerSecond(Path compat, Path wasm, ModuleFormat format, int count, boolean copyMemoryIn)
            throws IOException, InterruptedException {
        ObjectNode scenario = JsonNodeFactory.instance.objectNode();
        scenario.put("wasm", wasm.toAbsolutePath().toString());
        scenario.put("format", format.tagValue());
        scenario.set("env", env(format));
        scenario.put("timings", true);
        scenario.put("copyMemoryIn", copyMemoryIn);
        scenario.put("noRollback", !copyMemoryIn);
        if (!copyMemoryIn) {
            scenario.putObject("options").put("UNSAFE_MEMORY", true);
        }
        ArrayNode messages = scenario.putArray("messages");
        messages.add(spawn());
        messages.add(message(1, "Eval", COUNTER));
        for (int i = 0; i < count; i++) {
            messages.add(message(2 + i, "Inc", ""));
        }
        List<String> command = new ArrayList<>(List.of("node"));
        if (format.memory64()) {
            command.add("--experimental-wasm-memory64");
        }
        command.add(compat.resolve("scripts").resolve("ao-loader-run.cjs").toString());
        Path in = Files.createTempFile("ao4j-bench", ".json");
        Path out = Files.createTempFile("ao4j-bench", ".out");
        try {
            Files.write(in, JSON.writeValueAsBytes(scenario));
            Process node = new ProcessBuilder(command).directory(compat.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!node.waitFor(600, TimeUnit.SECONDS)) {
                node.destroyForcibly();
                throw new IOException("ao-loader run did not finish in 600 s");
            }
            if (node.exitValue() != 0) {
                throw new IOException("ao-loader run failed with exit code " + node.exitValue());
            }
            JsonNode timings = JSON.readTree(Files.readString(out, StandardCharsets.UTF_8)).get("timings");
            // Skip the boot and the Eval; count the handler messages after the first few (V8 tiers up quickly).
            int from = 2 + Math.min(count / 10, 50);
            double totalMs = 0;
            for (int i = from; i < timings.size(); i++) {
                totalMs += timings.get(i).asDouble();
            }
            return (timings.size() - from) / (totalMs / 1000);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
        }
    }

    private static ObjectNode env(ModuleFormat format) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        ObjectNode process = env.putObject("Process");
        process.put("Id", PROCESS);
        process.put("Owner", OWNER);
        process.set("Tags", processTags());
        ObjectNode module = env.putObject("Module");
        module.put("Id", "MODULE");
        module.put("Owner", OWNER);
        ArrayNode tags = module.putArray("Tags");
        tag(tags, "Module-Format", format.tagValue());
        return env;
    }

    private static ArrayNode processTags() {
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        tag(tags, "Data-Protocol", "ao");
        tag(tags, "Variant", "ao.TN.1");
        tag(tags, "Type", "Process");
        tag(tags, "Module", "MODULE");
        tag(tags, "Scheduler", OWNER);
        return tags;
    }

    private static void tag(ArrayNode tags, String name, String value) {
        ObjectNode t = tags.addObject();
        t.put("name", name);
        t.put("value", value);
    }

    private static ObjectNode spawn() {
        ObjectNode m = message(0, null, "");
        m.put("Id", PROCESS);
        m.put("From", OWNER);
        m.put("Owner", OWNER);
        m.set("Tags", processTags());
        return m;
    }

    private static ObjectNode message(int nonce, String action, String data) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        boolean eval = "Eval".equals(action);
        m.put("Id", "MSG_" + nonce);
        m.put("Owner", eval ? OWNER : USER);
        m.put("From", eval ? OWNER : USER);
        m.put("Target", PROCESS);
        m.put("Data", data);
        m.put("Nonce", nonce);
        m.put("Epoch", 0);
        m.put("Timestamp", 1_700_000_000_000L + nonce);
        m.put("Block-Height", 1_500_000);
        m.put("Cron", false);
        ArrayNode tags = m.putArray("Tags");
        if (action != null) {
            tag(tags, "Action", action);
        }
        return m;
    }
}
