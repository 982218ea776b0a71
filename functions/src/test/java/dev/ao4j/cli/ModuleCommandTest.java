package dev.ao4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ao4j module run} on the real wasm32 aos build: boot, Eval, then a failing Eval. */
class ModuleCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMAT = "wasm32-unknown-emscripten4";
    private static final String TAGS = "[{\"name\":\"Data-Protocol\",\"value\":\"ao\"},{\"name\":\"Type\",\"value\":\"Process\"},"
            + "{\"name\":\"Module\",\"value\":\"MODULE\"},{\"name\":\"Scheduler\",\"value\":\"SCHED\"}]";

    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {}

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            int code = new CommandLine(new ModuleCommand()).execute(args);
            return new Run(code, stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static String msg(String id, String owner, String tags, String data, int nonce) {
        return "{\"Id\":\"" + id + "\",\"Owner\":\"" + owner + "\",\"From\":\"" + owner + "\",\"Target\":\"PROCESS\","
                + "\"Data\":" + JSON.valueToTree(data) + ",\"Nonce\":" + nonce + ",\"Timestamp\":" + (1_700_000_000_000L + nonce)
                + ",\"Block-Height\":1500000,\"Cron\":false,\"Tags\":" + tags + "}";
    }

    @Test
    void evaluatesTheMessagesInOneInstance() throws Exception {
        Path env = Files.writeString(dir.resolve("env.json"), "{\"Process\":{\"Id\":\"PROCESS\",\"Owner\":\"OWNER\",\"Tags\":" + TAGS
                + "},\"Module\":{\"Id\":\"MODULE\",\"Owner\":\"OWNER\",\"Tags\":[]}}");
        String eval = "[{\"name\":\"Action\",\"value\":\"Eval\"}]";
        Path messages = Files.writeString(dir.resolve("msgs.json"), "[" + msg("PROCESS", "OWNER", TAGS, "", 0) + ","
                + msg("E1", "OWNER", eval, "X = 40", 1) + "," + msg("E2", "OWNER", eval, "error('bad')", 2) + ","
                // nonce 2 again: the failed message left no trace in the process (aos checks its nonces)
                + msg("E3", "OWNER", eval, "return X + 2", 2) + "]");

        Run r = run("run", "--wasm", Compat.module("aos2_0_4_32.wasm").toString(), "--format", FORMAT,
                "--env", env.toString(), "--messages", messages.toString());

        assertEquals(0, r.exitCode(), r.stderr());
        JsonNode results = JSON.readTree(r.stdout());
        assertEquals(4, results.size(), r.stdout());
        assertTrue(results.get(2).has("Error"), "the failing Eval yields an Error: " + results.get(2));
        assertEquals("42", results.get(3).at("/Output/data").asText(), "state kept across messages: " + results.get(3));
        assertTrue(!results.get(3).has("Memory"), "no memory in the output");
    }

    @Test
    void badInputIsAClearError() throws Exception {
        Path env = Files.writeString(dir.resolve("env.json"), "{}");
        Path notJson = Files.writeString(dir.resolve("msgs.json"), "[{");
        Run badJson = run("run", "--wasm", Compat.module("aos2_0_4_32.wasm").toString(), "--format", FORMAT,
                "--env", env.toString(), "--messages", notJson.toString());
        assertEquals(2, badJson.exitCode());
        assertTrue(badJson.stderr().contains("not valid JSON"), badJson.stderr());

        Path messages = Files.writeString(dir.resolve("ok.json"), "[]");
        Run badFormat = run("run", "--wasm", Compat.module("aos2_0_4_32.wasm").toString(), "--format", "wasm99-nope",
                "--env", env.toString(), "--messages", messages.toString());
        assertEquals(1, badFormat.exitCode());
        assertTrue(badFormat.stderr().contains("unknown Module-Format"), badFormat.stderr());
    }
}
