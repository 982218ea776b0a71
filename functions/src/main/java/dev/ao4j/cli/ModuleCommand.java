package dev.ao4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.wasm.AoModule;
import dev.ao4j.wasm.HandleResult;
import dev.ao4j.wasm.Limits;
import dev.ao4j.wasm.ModuleFormat;
import dev.ao4j.wasm.ProcessInstance;
import dev.ao4j.wasm.WasmEngine;
import dev.ao4j.wasm.WasmRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ao4j module …}: run AO process modules locally. */
@Command(name = "module", mixinStandardHelpOptions = true, description = "Run AO process modules (wasm) locally.",
        subcommands = {ModuleCommand.Run.class})
public final class ModuleCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /**
     * {@code ./ao4j module run --wasm FILE --format FORMAT --env ENV.json --messages MSGS.json}: evaluates the
     * messages in order in one instance and prints one result per message as a JSON array.
     */
    @Command(name = "run", mixinStandardHelpOptions = true,
            description = "Evaluate messages in order in one process instance; print a JSON array of results.")
    static final class Run implements Callable<Integer> {
        private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        @Option(names = "--wasm", required = true, paramLabel = "FILE", description = "The module binary.")
        Path wasm;

        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "The Module-Format, e.g. wasm64-unknown-emscripten-draft_2024_02_15 or wasm32-unknown-emscripten4.")
        String format;

        @Option(names = "--env", required = true, paramLabel = "ENV.json",
                description = "The env object {Process:{Id,Owner,Tags},Module:{Id,Owner,Tags}}.")
        Path env;

        @Option(names = "--messages", required = true, paramLabel = "MSGS.json",
                description = "A JSON array of msg objects as the CU feeds them (the spawn message first).")
        Path messages;

        @Option(names = "--memory-hash", description = "Add \"Memory-SHA-256\" (lower-case hex of the whole linear memory "
                + "after the message; a failed message keeps the memory from before it) to each result.")
        boolean memoryHash;

        @Option(names = "--memory-limit", paramLabel = "BYTES", description = "Memory-Limit in bytes (default: 1 GiB).")
        long memoryLimit = Limits.DEFAULT.memoryLimitBytes();

        @Override
        public Integer call() {
            try {
                JsonNode envJson = readJson(env);
                JsonNode msgs = readJson(messages);
                if (!envJson.isObject() || !msgs.isArray()) {
                    System.err.println("ao4j module run: --env must hold a JSON object and --messages a JSON array");
                    return 2;
                }
                ModuleFormat moduleFormat = ModuleFormat.require(format);
                byte[] bytes = Files.readAllBytes(wasm);
                ArrayNode results = JSON.createArrayNode();
                try (WasmEngine engine = WasmEngine.create()) {
                    AoModule module = AoModule.load(engine, bytes, moduleFormat);
                    try (ProcessInstance process = ProcessInstance.start(module, new Limits(memoryLimit, Limits.DEFAULT.computeLimit()))) {
                        for (JsonNode msg : msgs) {
                            HandleResult result = process.handle(msg, envJson);
                            ObjectNode json = result.toJson();
                            if (memoryHash) {
                                json.put("Memory-SHA-256", process.memorySha256());
                            }
                            results.add(json);
                        }
                    }
                }
                System.out.println(JSON.writeValueAsString(results));
                return 0;
            } catch (IOException e) {
                System.err.println("ao4j module run: " + e.getMessage());
                return 2;
            } catch (WasmRuntimeException e) {
                System.err.println("ao4j module run: " + e.getMessage());
                return 1;
            }
        }

        private static JsonNode readJson(Path file) throws IOException {
            try {
                return JSON.readTree(file.toFile());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
    }
}
