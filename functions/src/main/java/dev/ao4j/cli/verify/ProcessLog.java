package dev.ao4j.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import java.util.ArrayList;
import java.util.List;

/** The slots of a process's log, read from its SU page by page ({@code from} = the last cursor), as a CU reads them. */
public final class ProcessLog {
    /** Slots per SU request. */
    public static final int PAGE_SIZE = 100;

    private ProcessLog() {}

    /** Every slot up to and including nonce {@code to} (all of them when null), in log order. */
    public static List<Slot> slots(NodeClient client, String processId, Long to) throws NodeException {
        List<Slot> slots = new ArrayList<>();
        Long from = null;
        while (true) {
            JsonNode page = client.logPage(processId, from, PAGE_SIZE);
            String cursor = null;
            for (JsonNode edge : page.path("edges")) {
                Slot slot = slot(edge.path("node"), processId);
                if (to != null && slot.nonce() > to) {
                    return slots;
                }
                slots.add(slot);
                cursor = edge.path("cursor").asText(null);
            }
            if (!page.path("page_info").path("has_next_page").asBoolean(false) || cursor == null) {
                return slots;
            }
            from = SuWire.parseLong(cursor, "cursor", "process " + processId + " log page");
        }
    }

    private static Slot slot(JsonNode node, String processId) {
        String where = "process " + processId + " log";
        SlotTags tags = SuWire.slot(node, where);
        JsonNode message = node.path("message");
        String id = message.isObject() ? SuWire.text(message, "id", where)
                : tags.message() != null ? tags.message() : processId;
        return new Slot(tags.nonce(), id, tags.timestamp());
    }
}
