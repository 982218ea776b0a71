package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.cu.core.ResultJson;
import dev.ao4j.cu.core.ResultsCursor;
import org.junit.jupiter.api.Test;

/** Results and cursors in the bytes AO's CU (permaweb/ao servers/cu) was seen answering for the same evaluations. */
class ResultJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailedMessageGetsEmptyListsAndAnEmptyOutputBeforeItsGasAndError() throws Exception {
        String raw = "{\"Error\":\"boom\",\"GasUsed\":0}";
        assertEquals("{\"Messages\":[],\"Assignments\":[],\"Spawns\":[],\"Output\":\"\",\"GasUsed\":0,\"Error\":\"boom\"}",
                ResultJson.of(JSON.readTree(raw)).toString());
    }

    @Test
    void theModulesFieldsKeepTheirValuesInTheReferenceOrderAndANumberOutputBecomesText() throws Exception {
        String raw = "{\"Output\":42,\"Spawns\":[{\"Data\":\"s\"}],\"Messages\":[{\"Target\":\"t\"}],\"GasUsed\":7}";
        assertEquals("{\"Messages\":[{\"Target\":\"t\"}],\"Assignments\":[],\"Spawns\":[{\"Data\":\"s\"}],\"Output\":\"42\","
                + "\"GasUsed\":7}", ResultJson.of(JSON.readTree(raw)).toString());
        assertEquals(ResultJson.of(JSON.readTree(raw)), ResultJson.of(ResultJson.of(JSON.readTree(raw))), "idempotent");
    }

    @Test
    void aResultsPageNodeLeavesOutGasUsed() throws Exception {
        String stored = "{\"Messages\":[],\"Assignments\":[],\"Spawns\":[],\"Output\":{\"data\":\"1\"},\"GasUsed\":3}";
        assertEquals("{\"Messages\":[],\"Assignments\":[],\"Spawns\":[],\"Output\":{\"data\":\"1\"}}",
                ResultJson.pageNode(JSON.readTree(stored)).toString());
    }

    @Test
    void aCursorWritesANullCronAsTheReferenceDoes() {
        // Taken from AO's CU's /results answer for a process's first message.
        assertEquals("eyJ0aW1lc3RhbXAiOjE3OTY2MDY2MjkyMzQsIm9yZGluYXRlIjoiMCIsImNyb24iOm51bGwsInNvcnQiOiJBU0MifQ==",
                ResultsCursor.encode(1796606629234L, 0, null, "ASC"));
    }
}
