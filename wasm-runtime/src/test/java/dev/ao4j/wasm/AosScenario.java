package dev.ao4j.wasm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds env and msg objects as the CU feeds them (AO-PROTOCOL §4) for the scenarios of the tests and the bench. */
final class AosScenario {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PROCESS = "PROCESS_ID_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    static final String OWNER = "OWNER_ADDRESS_bbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    static final String MU = "MU_ADDRESS_ccccccccccccccccccccccccccccccccc";
    static final String USER = "USER_ADDRESS_ddddddddddddddddddddddddddddddd";
    static final String MODULE = "MODULE_ID_eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";

    private final ModuleFormat format;
    private final ArrayNode messages = JsonNodeFactory.instance.arrayNode();
    private final ArrayNode extraProcessTags = JsonNodeFactory.instance.arrayNode();
    private String memoryLimit = "1-gb";
    private int nonce;

    AosScenario(ModuleFormat format) {
        this.format = format;
    }

    /** A further tag of the process (in env and on its spawn message); before {@link #spawn()}. */
    AosScenario processTag(String name, String value) {
        tag(extraProcessTags, name, value);
        return this;
    }

    /** The module's Memory-Limit tag (1-gb unless set). */
    AosScenario memoryLimit(String limit) {
        memoryLimit = limit;
        return this;
    }

    ObjectNode env() {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        ObjectNode process = env.putObject("Process");
        process.put("Id", PROCESS);
        process.put("Owner", OWNER);
        process.set("Tags", processTags());
        ObjectNode module = env.putObject("Module");
        module.put("Id", MODULE);
        module.put("Owner", OWNER);
        ArrayNode moduleTags = module.putArray("Tags");
        tag(moduleTags, "Data-Protocol", "ao");
        tag(moduleTags, "Type", "Module");
        tag(moduleTags, "Module-Format", format.tagValue());
        tag(moduleTags, "Memory-Limit", memoryLimit);
        tag(moduleTags, "Compute-Limit", "9000000000000");
        return env;
    }

    private ArrayNode processTags() {
        ArrayNode tags = JsonNodeFactory.instance.arrayNode();
        tag(tags, "Data-Protocol", "ao");
        tag(tags, "Variant", "ao.TN.1");
        tag(tags, "Type", "Process");
        tag(tags, "Module", MODULE);
        tag(tags, "Scheduler", MU);
        tag(tags, "Authority", MU);
        tags.addAll(extraProcessTags.deepCopy());
        return tags;
    }

    static void tag(ArrayNode tags, String name, String value) {
        ObjectNode t = tags.addObject();
        t.put("name", name);
        t.put("value", value);
    }

    /** The process's own spawn message, which boots aos. */
    AosScenario spawn() {
        ObjectNode m = base(PROCESS, OWNER, OWNER, "");
        m.set("Tags", processTags());
        messages.add(m);
        return this;
    }

    AosScenario eval(String lua) {
        ObjectNode m = base("EVAL_" + nonce, OWNER, OWNER, lua);
        ArrayNode tags = m.putArray("Tags");
        tag(tags, "Action", "Eval");
        messages.add(m);
        return this;
    }

    AosScenario message(String from, String data, String... tagPairs) {
        ObjectNode m = base("MSG_" + nonce, from, from, data);
        ArrayNode tags = m.putArray("Tags");
        for (int i = 0; i + 1 < tagPairs.length; i += 2) {
            tag(tags, tagPairs[i], tagPairs[i + 1]);
        }
        messages.add(m);
        return this;
    }

    /** A message pushed by the MU for another process: From = From-Process, Owner = the MU, Forwarded-By. */
    AosScenario forwarded(String fromProcess, String data, String... tagPairs) {
        message(MU, data, tagPairs);
        ObjectNode m = (ObjectNode) messages.get(messages.size() - 1);
        m.put("From", fromProcess);
        m.put("Forwarded-By", MU);
        tag((ArrayNode) m.get("Tags"), "From-Process", fromProcess);
        return this;
    }

    /** A cron message: no Id/Signature/Nonce; Owner = From = the process owner; Cron = true. */
    AosScenario cron(String... tagPairs) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("Owner", OWNER);
        m.put("From", OWNER);
        m.put("Target", PROCESS);
        m.put("Timestamp", 1_700_000_000_000L + 1000L * nonce);
        m.put("Block-Height", 1_500_000 + nonce);
        m.put("Cron", true);
        ArrayNode tags = m.putArray("Tags");
        for (int i = 0; i + 1 < tagPairs.length; i += 2) {
            tag(tags, tagPairs[i], tagPairs[i + 1]);
        }
        m.put("Data", "");
        nonce++;
        messages.add(m);
        return this;
    }

    private ObjectNode base(String id, String owner, String from, String data) {
        ObjectNode m = JsonNodeFactory.instance.objectNode();
        m.put("Id", id);
        m.put("Signature", "SIG_" + id);
        m.put("Owner", owner);
        m.put("From", from);
        m.put("Target", PROCESS);
        m.put("Anchor", "00000000000000000000000000000000");
        m.put("Data", data);
        m.put("Epoch", 0);
        m.put("Nonce", nonce);
        m.put("Timestamp", 1_700_000_000_000L + 1000L * nonce);
        m.put("Block-Height", 1_500_000 + nonce);
        m.put("Hash-Chain", "HASH_" + nonce);
        m.put("Cron", false);
        nonce++;
        return m;
    }

    ArrayNode messages() {
        return messages;
    }
}
