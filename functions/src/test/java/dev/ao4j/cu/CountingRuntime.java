package dev.ao4j.cu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.cu.port.ModuleRuntime;
import dev.ao4j.cu.port.ProcessRuntime;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A module runtime for unit tests of the pipeline (not of aos): its "memory" is the list of msg JSONs it
 * accepted; a message tagged {@code Action: Fail} fails and leaves the memory as it was. Every msg it was
 * handed (including dry-runs and failures) is also recorded in {@link #seen}.
 */
final class CountingRuntime implements ModuleRuntime {
    static final ObjectMapper JSON = new ObjectMapper();
    final List<String> seen = new ArrayList<>();
    int instances;
    final List<Instance> created = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Makes a hash taken while idle last until a request wants the process (as aos's 110 MB take a while). */
    volatile boolean idleHashesOnlyGiveWay;
    /** How many hashes were started while idle. */
    final java.util.concurrent.atomic.AtomicInteger idleHashes = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public boolean supports(String format) {
        return format.equals("wasm32-unknown-emscripten4");
    }

    @Override
    public ProcessRuntime instantiate(ModuleSpec spec) {
        instances++;
        Instance instance = new Instance();
        created.add(instance);
        return instance;
    }

    final class Instance implements ProcessRuntime {
        List<String> memory = new ArrayList<>();
        /** Hibernating: a live instance would hold 1 MiB, this one holds its messages only. */
        volatile boolean hibernating;

        @Override
        public Outcome handle(ObjectNode msg, ObjectNode env, java.time.Duration deadline) {
            hibernating = false;
            String msgJson = msg.toString();
            seen.add(msgJson);
            for (JsonNode tag : msg.path("Tags")) {
                if (tag.path("name").asText().equals("Action") && tag.path("value").asText().equals("Fail")) {
                    return new Outcome(JsonNodeFactory.instance.objectNode().put("Error", "asked to fail"), true);
                }
                if (tag.path("name").asText().equals("Action") && tag.path("value").asText().equals("Hang")) {
                    throw new DeadlinePassed(deadline); // as a runaway loop ends: cancelled, nothing kept
                }
            }
            memory.add(msgJson);
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            result.put("Output", "count=" + memory.size());
            result.putArray("Messages");
            result.putArray("Spawns");
            result.putArray("Assignments");
            return new Outcome(result, false);
        }

        @Override
        public long residentBytes() {
            return hibernating ? memory.size() : memorySize();
        }

        @Override
        public void hibernate() {
            hibernating = true;
        }

        @Override
        public Image image() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(JSON.writeValueAsBytes(memory));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Image(bytes.toByteArray(), (long) memory.size());
        }

        @Override
        public void restore(Image image) {
            try (GZIPInputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(image.gzippedMemory()))) {
                memory = new ArrayList<>(List.of(JSON.readValue(gz.readAllBytes(), String[].class)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String memorySha256() {
            return Hashes.sha256Hex(String.join("\n", memory).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Optional<String> memorySha256Unless(BooleanSupplier abandon) {
            idleHashes.incrementAndGet();
            while (idleHashesOnlyGiveWay) {
                if (abandon.getAsBoolean()) {
                    return Optional.empty();
                }
                Thread.onSpinWait();
            }
            return Optional.of(memorySha256());
        }

        @Override
        public void cancel() {
            memory = null;
        }

        @Override
        public long memorySize() {
            return String.join("\n", memory).length();
        }

        @Override
        public void close() {
            memory = null;
        }
    }
}
