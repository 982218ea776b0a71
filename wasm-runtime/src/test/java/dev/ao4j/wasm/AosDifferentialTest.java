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
}
