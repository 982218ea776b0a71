package dev.ao4j.wasm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.testing.Compat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ReferenceJson writes what JSON.stringify writes: node re-stringifies every line ReferenceJson wrote and must
 * give back the same bytes (any non-canonical escape or number form would change), and Jackson must read the
 * same value back (so a canonical but wrong value is caught too).
 */
class ReferenceJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void writesWhatJsonStringifyWrites() throws Exception {
        List<JsonNode> values = new ArrayList<>();
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        values.add(F.textNode(controls + "\"\\/\u007f\u0080\u2028\u2029é€😀"));
        values.add(F.textNode("lone \ud800 high, lone \udc00 low, reversed \udc00\ud800 pair"));
        values.add(msgLike());
        for (double d : new double[] {0, -0.0, 1, -1, 0.1, 1.5, 1e21, 1e20, 123456789012345680000.0, 1e-6, 1e-7, 1.25e-7,
                5e-324, Double.MAX_VALUE, 9007199254740993.0, 1796583300479.0, 100, 0.000001234, 12345.678}) {
            values.add(F.numberNode(d));
        }
        values.add(F.numberNode(1_700_000_000_000L));
        values.add(F.numberNode(Long.MAX_VALUE));
        Random random = new Random(20261206);
        for (int i = 0; i < 2000; i++) {
            values.add(F.numberNode(Double.longBitsToDouble(random.nextLong())));
            values.add(F.numberNode(random.nextDouble() * Math.pow(10, random.nextInt(60) - 30)));
            values.add(F.textNode(randomString(random)));
        }

        List<String> written = values.stream().map(ReferenceJson::stringify).toList();
        Compat.NodeResult node = Compat.runNode(List.of(), Compat.compatDir().resolve("scripts/json-restringify.cjs"),
                List.of(), (String.join("\n", written) + "\n").getBytes(StandardCharsets.UTF_8), 120).requireSuccess();
        String[] restringified = node.stdout().split("\n");
        assertEquals(written.size(), restringified.length);
        for (int i = 0; i < written.size(); i++) {
            assertEquals(restringified[i], written.get(i), "value " + i);
            JsonNode back = JSON.readTree(written.get(i));
            if (values.get(i).isNumber() && Double.isFinite(values.get(i).doubleValue())) {
                assertEquals(values.get(i).doubleValue(), back.doubleValue(), 0.0, written.get(i));
            } else if (!values.get(i).isNumber()) {
                assertEquals(values.get(i), back, written.get(i));
            }
        }
    }

    private static ObjectNode msgLike() {
        ObjectNode msg = F.objectNode();
        msg.put("Id", "abc");
        msg.putNull("Anchor");
        ArrayNode tags = msg.putArray("Tags");
        tags.addObject().put("name", "Action").put("value", "Eval");
        msg.put("Nonce", 3);
        msg.put("Cron", false);
        msg.set("Nested", F.objectNode().set("a", F.arrayNode().add(1.5).add(F.nullNode()).add(true)));
        return msg;
    }

    private static String randomString(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(4);
            s.append(switch (kind) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x60));
                case 2 -> (char) (0xD800 + random.nextInt(0x800)); // surrogates, paired or not
                default -> (char) random.nextInt(0x10000);
            });
        }
        return s.toString();
    }
}
