package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.testing.Compat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same scenario through @permaweb/ao-loader (node) and through ProcessInstance, on the real aos builds:
 * Output, Messages, Spawns, Assignments, Error and the SHA-256 of the whole linear memory after it must be
 * identical for every message.
 */
@Tag("slow")
class AosDifferentialTest extends WithWasmEngine {
    static AosScenario scenario(ModuleFormat format) {
        String big = "x".repeat(1 << 20);
        return new AosScenario(format)
                .spawn()
                .eval("return 1 + 41")
                .eval("local t = {} for i = 1, 20 do t['k' .. i] = i end\n"
                        + "local s = {} for k in pairs(t) do s[#s + 1] = k end\n"
                        + "return table.concat(s, ',')")
                .message(AosScenario.USER, "\u001b[31mcontrol\u0007 characters\u0000 and \u2028 é 😀", "Action", "Ping")
                .eval("return os.time() .. ' ' .. os.date() .. ' ' .. tostring(math.random())")
                .eval("Count = 0\n"
                        + "Handlers.add('ping', Handlers.utils.hasMatchingTag('Action', 'Ping'), function(msg)\n"
                        + "  Count = Count + 1\n"
                        + "  msg.reply({ Data = 'pong ' .. Count, Tags = { Count = tostring(Count) } })\n"
                        + "end)\n"
                        + "Handlers.add('size', Handlers.utils.hasMatchingTag('Action', 'Size'), function(msg)\n"
                        + "  LastSize = #msg.Data\n"
                        + "  ao.send({ Target = msg.From, Data = tostring(#msg.Data), Tags = { Action = 'Sized' } })\n"
                        + "end)\n"
                        + "Handlers.add('cron', Handlers.utils.hasMatchingTag('Action', 'Cron'), function(msg)\n"
                        + "  Crons = (Crons or 0) + 1\n"
                        + "  print('cron ' .. Crons .. ' ' .. tostring(msg.Cron))\n"
                        + "end)\n"
                        + "Handlers.add('who', Handlers.utils.hasMatchingTag('Action', 'Who'), function(msg)\n"
                        + "  msg.reply({ Data = msg.From .. ' via ' .. tostring(msg['Forwarded-By']) })\n"
                        + "end)\n"
                        + "Handlers.add('fail', Handlers.utils.hasMatchingTag('Action', 'Fail'), function(msg)\n"
                        + "  Count = 1000\n"
                        + "  error('handler failed on purpose')\n"
                        + "end)\n"
                        + "return 'handlers: ' .. #Handlers.list")
                .message(AosScenario.USER, "", "Action", "Ping")
                .message(AosScenario.USER, "", "Action", "Ping")
                .eval("ao.spawn('" + AosScenario.MODULE + "', { Data = 'child', Tags = { Name = 'kid' } })\nreturn 'spawned'")
                .eval("ao.assign({ Processes = { 'P1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' }, Message = 'M1_yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy' })\nreturn 'assigned'")
                .eval("error('boom')")
                .message(AosScenario.USER, "", "Action", "Fail")
                .message(AosScenario.USER, "", "Action", "Ping")
                .eval("local json = require('json')\n"
                        + "local t = json.decode('{\"a\":[1,2,3],\"b\":{\"c\":\"d\"},\"e\":true}')\n"
                        + "return json.encode({ sum = t.a[1] + t.a[2] + t.a[3], c = t.b.c, e = t.e })")
                .message(AosScenario.USER, big, "Action", "Size")
                .eval("return LastSize")
                .cron("Action", "Cron")
                .forwarded("OTHER_PROCESS_fffffffffffffffffffffffffffffff", "", "Action", "Who")
                .eval("return Count .. ' ' .. string.format('%.6f', os.clock()) .. ' ' .. os.time()")
                .eval("return tostring(os.getenv('HOME')) .. ' ' .. tostring(os.getenv('LANG')) .. ' ' .. tostring(os.getenv('_'))");
    }

    @ParameterizedTest
    @CsvSource({"aos2_0_6.wasm, wasm64-unknown-emscripten-draft_2024_02_15", "aos2_0_4_32.wasm, wasm32-unknown-emscripten4"})
    void sameResultsAsTheReferenceLoader(String file, String formatTag) throws Exception {
        ModuleFormat format = ModuleFormat.require(formatTag);
        Path wasm = Compat.module(file);
        AosScenario scenario = scenario(format);
        ArrayNode expected = Differential.assertSameAsReference(engine, wasm, format, scenario, file);
        // The scenario exercises what it claims to (so that equality is not vacuous).
        assertEquals("42", expected.get(1).at("/Output/data").asText());
        assertEquals(20, expected.get(2).at("/Output/data").asText().split(",").length, "pairs over a table of 20 keys");
        assertFalse(expected.get(6).get("Messages").isEmpty(), "the Ping reply");
        assertFalse(expected.get(8).get("Spawns").isEmpty(), "the spawn");
        assertFalse(expected.get(9).get("Assignments").isEmpty(), "the assignment");
        assertTrue(expected.get(11).has("Error") || expected.get(10).has("Error"), "an error result");
        assertEquals("nil nil nil", expected.get(expected.size() - 1).at("/Output/data").asText(),
                "the environment a process sees: empty");
    }

    /** aos-sqlite: a database created, filled and queried through Eval. */
    @org.junit.jupiter.api.Test
    void sqliteThroughEvalLeavesTheReferenceLoadersMemory() throws Exception {
        ModuleFormat format = ModuleFormat.require("wasm64-unknown-emscripten-draft_2024_02_15");
        AosScenario scenario = new AosScenario(format).spawn()
                .eval("local sqlite3 = require('lsqlite3')\nDb = sqlite3.open_memory()\n"
                        + "Db:exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT, score REAL)')\nreturn 'created'")
                .eval("local stmt = Db:prepare('INSERT INTO notes (body, score) VALUES (?, ?)')\n"
                        + "for i = 1, 50 do stmt:bind_values('note ' .. i, i / 7); stmt:step(); stmt:reset() end\n"
                        + "stmt:finalize()\nreturn Db:total_changes()")
                .eval("local rows = {}\n"
                        + "for row in Db:nrows('SELECT id, body, score FROM notes WHERE id % 7 = 0 ORDER BY score DESC') do\n"
                        + "  rows[#rows + 1] = row.id .. '|' .. row.body .. '|' .. string.format('%.6f', row.score)\n"
                        + "end\nreturn table.concat(rows, ',')")
                .eval("return Db:exec('SELECT * FROM missing_table')");
        ArrayNode expected = Differential.assertSameAsReference(engine, Compat.module("sqlite.wasm"), format, scenario, "sqlite");
        // This aos build answers an Eval with {data: {output, prompt}}.
        assertEquals("created", expected.get(1).at("/Output/data/output").asText(), expected.get(1).toString());
        assertEquals(50, expected.get(2).at("/Output/data/output").asInt(), expected.get(2).toString());
        assertTrue(expected.get(3).at("/Output/data/output").asText().startsWith("49|note 49|"), expected.get(3).toString());
    }

    /**
     * aos-llama: a tiny llama model, generated by {@link TinyLlamaGguf}, read through WeaveDrive (ao4j from an
     * in-memory drive, the reference through @permaweb/weavedrive from a loopback gateway serving the same bytes),
     * then prompted and asked for tokens one by one, in a run and after more text was added.
     */
    @org.junit.jupiter.api.Test
    void llamaReadsAModelThroughWeaveDriveAndGeneratesTheReferenceLoadersTokens() throws Exception {
        ModuleFormat format = ModuleFormat.require("wasm64-unknown-emscripten-draft_2024_02_15");
        String model = "TINY_LLAMA_MODEL_hhhhhhhhhhhhhhhhhhhhhhhhhhhh";
        InMemoryWeaveDrive drive = new InMemoryWeaveDrive(java.util.Map.of(model, TinyLlamaGguf.create(7)));
        AosScenario scenario = new AosScenario(format).processTag("Extension", "WeaveDrive").memoryLimit("4-gb").spawn()
                .eval("Llama = require('.Llama')\nLlama.logLevel = 3\nLlama.load('/data/" + model + "')\nreturn 'loaded'")
                .eval("Llama.setPrompt('the cat sat on the mat')\n"
                        + "local tokens = {} for i = 1, 6 do tokens[#tokens + 1] = Llama.next() end\n"
                        + "return table.concat(tokens, '|')")
                .eval("return Llama.run(8)")
                .eval("Llama.add(' and the dog ran')\nreturn Llama.next() .. '|' .. Llama.next()");
        // This aos (2.0.0 rc1) seeds its random source from msg.Module, which the CU of its time sent.
        scenario.messages().forEach(msg -> ((ObjectNode) msg).put("Module", AosScenario.MODULE));
        ArrayNode expected;
        try (LoopbackGateway gateway = new LoopbackGateway(drive.data())) {
            expected = Differential.assertSameAsReference(engine, Compat.module("llama.wasm"), format, scenario, "llama",
                    new Limits(4L << 30, Limits.DEFAULT.computeLimit()), drive, gateway.url());
        }
        assertEquals("loaded", expected.get(1).at("/Output/data").asText(), expected.get(1).toString());
        String[] next = expected.get(2).at("/Output/data").asText().split("\\|", -1);
        assertEquals(6, next.length, expected.get(2).toString());
        assertFalse(String.join("", next).isBlank(), "the model generated text: " + expected.get(2));
        assertFalse(expected.get(3).at("/Output/data").asText().isEmpty(), expected.get(3).toString());
        assertFalse(expected.get(4).at("/Output/data").asText().isEmpty(), expected.get(4).toString());
    }

    /**
     * aos's boot loader: the code named by the spawn's On-Boot tag is read through WeaveDrive with
     * {@code file:read(file:seek('end'))} and run; then Lua reads a larger file, whole in the same way, and in
     * parts after a seek (through the drive's read-ahead cache).
     */
    @org.junit.jupiter.api.Test
    void onBootCodeReadThroughWeaveDriveLeavesTheReferenceLoadersMemory() throws Exception {
        ModuleFormat format = ModuleFormat.require("wasm64-unknown-emscripten-draft_2024_02_15");
        String boot = "BOOT_CODE_TX_iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii";
        String data = "DATA_TX_jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj";
        byte[] big = new byte[100_000];
        new java.util.Random(3).nextBytes(big);
        InMemoryWeaveDrive drive = new InMemoryWeaveDrive(java.util.Map.of(
                boot, "Booted = 'from the drive at ' .. os.time()".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                data, big));
        AosScenario scenario = new AosScenario(format).processTag("Extension", "WeaveDrive").processTag("On-Boot", boot)
                .spawn()
                .eval("return Booted")
                .eval("local f = io.open('/data/" + data + "')\nlocal d = f:read(f:seek('end'))\nf:close()\n"
                        + "return #d .. ' ' .. d:byte(1) .. ' ' .. d:byte(#d)")
                .eval("local f = io.open('/data/" + data + "')\nf:seek('set', 40000)\nlocal a = f:read(10)\n"
                        + "local b = f:read(50000)\nf:close()\nreturn #a .. ' ' .. #b .. ' ' .. a:byte(1) .. ' ' .. b:byte(#b)");
        ArrayNode expected;
        try (LoopbackGateway gateway = new LoopbackGateway(drive.data())) {
            expected = Differential.assertSameAsReference(engine, Compat.module("aos2_0_6.wasm"), format, scenario,
                    "on-boot", Limits.DEFAULT, drive, gateway.url());
        }
        assertTrue(expected.get(1).at("/Output/data").asText().startsWith("from the drive at "), expected.get(1).toString());
        assertTrue(expected.get(2).at("/Output/data").asText().startsWith("100000 "), expected.get(2).toString());
        assertTrue(expected.get(3).at("/Output/data").asText().startsWith("10 50000 "), expected.get(3).toString());
    }
}
