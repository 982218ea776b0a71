package dev.ao4j.wasm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.testing.Compat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Runs a scenario through @permaweb/ao-loader under node (compat/scripts/ao-loader-run.cjs, shared with the bench). */
final class ReferenceLoader {
    private ReferenceLoader() {}

    static ArrayNode run(Path wasm, ModuleFormat format, JsonNode env, ArrayNode messages) {
        return run(wasm, format, env, messages, JsonNodeFactory.instance.objectNode());
    }

    /**
     * The reference run in the background, so that node evaluates on one core while ao4j evaluates the same
     * scenario on the other: the test's wall time is the longer of the two, not their sum.
     */
    static CompletableFuture<ArrayNode> start(Path wasm, ModuleFormat format, JsonNode env, ArrayNode messages) {
        return start(wasm, format, env, messages, null);
    }

    /** With WeaveDrive reading from {@code weaveDriveGateway} (none when null). */
    static CompletableFuture<ArrayNode> start(Path wasm, ModuleFormat format, JsonNode env, ArrayNode messages,
                                              String weaveDriveGateway) {
        return CompletableFuture.supplyAsync(() ->
                run(wasm, format, env, messages, JsonNodeFactory.instance.objectNode(), weaveDriveGateway));
    }

    /** With the loader's {@code options} (e.g. {@code computeLimit}). */
    static ArrayNode run(Path wasm, ModuleFormat format, JsonNode env, ArrayNode messages, ObjectNode options) {
        return run(wasm, format, env, messages, options, null);
    }

    private static ArrayNode run(Path wasm, ModuleFormat format, JsonNode env, ArrayNode messages, ObjectNode options,
                                 String weaveDriveGateway) {
        ObjectNode scenario = JsonNodeFactory.instance.objectNode();
        scenario.set("options", options);
        if (weaveDriveGateway != null) {
            scenario.putObject("weaveDrive").put("gateway", weaveDriveGateway);
        }
        scenario.put("wasm", wasm.toAbsolutePath().toString());
        scenario.put("format", format.tagValue());
        scenario.set("env", env);
        scenario.set("messages", messages);
        scenario.put("memoryHash", true);
        try {
            byte[] stdin = AosScenario.JSON.writeValueAsBytes(scenario);
            List<String> flags = format.memory64() ? List.of("--experimental-wasm-memory64") : List.of();
            Compat.NodeResult result = Compat.runNode(flags, script(), List.of(), stdin, 300L + messages.size()).requireSuccess();
            return (ArrayNode) AosScenario.JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path script() {
        return Compat.compatDir().resolve("scripts").resolve("ao-loader-run.cjs");
    }
}
