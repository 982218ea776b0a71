package dev.ao4j.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cli.Ao4jMain;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The checks after a chaos run, through the node's public API only, as any client could make them. */
final class ChaosChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private final NodeClient client;
    final List<String> problems = new ArrayList<>();

    ChaosChecks(NodeClient client) {
        this.client = client;
    }

    /** Acknowledged messages the CU has no result for. */
    int unanswered(List<Acknowledged> acknowledged) throws InterruptedException {
        int missing = 0;
        for (Acknowledged ack : acknowledged) {
            if (!hasResult(ack)) {
                missing++;
                problems.add("no result for " + ack.kind() + " " + ack.message() + " to " + ack.process());
            }
        }
        return missing;
    }

    private boolean hasResult(Acknowledged ack) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                JsonNode result = client.result(ack.message(), ack.process());
                return result.isObject() && !result.hasNonNull("Error");
            } catch (NodeException e) {
                if (e.status() != 503 || attempt >= 30) {
                    return false;
                }
                Thread.sleep(1000); // busy or catching up after a restart
            }
        }
    }

    /** Each process's ledger: reference → how many times it was credited. */
    Map<String, Map<String, Integer>> ledgers(List<String> processes) throws NodeException {
        Map<String, Map<String, Integer>> ledgers = new HashMap<>();
        for (String process : processes) {
            ObjectNode ask = JSON.createObjectNode().put("Target", process).put("Owner", "chaos-check").put("Data", "");
            ask.putArray("Tags").addObject().put("name", "Action").put("value", "Ledger");
            JsonNode reply = client.dryRun(process, ask).path("Messages").path(0).path("Data");
            Map<String, Integer> counts = new HashMap<>();
            try {
                JsonNode credits = JSON.readTree(reply.asText()).path("credits");
                credits.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asInt()));
            } catch (Exception e) {
                problems.add("process " + process + " answered its ledger with " + reply);
            }
            ledgers.put(process, counts);
        }
        return ledgers;
    }

    /** Acknowledged credits their target never counted. */
    int lost(List<Acknowledged> acknowledged, Map<String, Map<String, Integer>> ledgers) {
        int lost = 0;
        for (Acknowledged ack : acknowledged) {
            if (ledgers.getOrDefault(ack.target(), Map.of()).getOrDefault(ack.ref(), 0) == 0) {
                lost++;
                problems.add(ack.kind() + " " + ack.message() + " (ref " + ack.ref() + ") never reached " + ack.target());
            }
        }
        return lost;
    }

    /** References counted more than once, acknowledged or not (a message the node took before a kill counts too). */
    int duplicated(Map<String, Map<String, Integer>> ledgers) {
        int duplicated = 0;
        for (var ledger : ledgers.entrySet()) {
            for (var count : ledger.getValue().entrySet()) {
                if (count.getValue() > 1) {
                    duplicated++;
                    problems.add("ref " + count.getKey() + " counted " + count.getValue() + " times by " + ledger.getKey());
                }
            }
        }
        return duplicated;
    }

    /** SU logs whose nonces have a gap or whose hash chain does not link. */
    int brokenLogs(List<String> processes) throws NodeException {
        int broken = 0;
        for (String process : processes) {
            String problem = logProblem(process);
            if (problem != null) {
                broken++;
                problems.add("SU log of " + process + ": " + problem);
            }
        }
        return broken;
    }

    private String logProblem(String process) throws NodeException {
        long expected = 0;
        String previousAssignment = null;
        String previousChain = null;
        Long from = null;
        while (true) {
            JsonNode page = client.logPage(process, from, PAGE);
            String cursor = null;
            for (JsonNode edge : page.path("edges")) {
                JsonNode node = edge.path("node");
                SlotTags slot = SuWire.slot(node, "process " + process);
                if (slot.nonce() != expected) {
                    return "nonce " + slot.nonce() + " where " + expected + " was due";
                }
                String chain = expected == 0 ? HashChain.first(process) : HashChain.next(previousAssignment, previousChain);
                if (!chain.equals(slot.hashChain())) {
                    return "the hash chain breaks at nonce " + expected;
                }
                previousAssignment = node.path("assignment").path("id").asText();
                previousChain = slot.hashChain();
                expected++;
                cursor = edge.path("cursor").asText(null);
            }
            if (!page.path("page_info").path("has_next_page").asBoolean(false) || cursor == null) {
                return null;
            }
            from = SuWire.parseLong(cursor, "cursor", "process " + process + " log page");
        }
    }

    /** Processes for which {@code ao4j verify} (a fresh replay against the CU's attestations) does not exit 0. */
    int diverging(List<String> processes, String nodeUrl) {
        int diverging = 0;
        for (String process : processes) {
            StringWriter out = new StringWriter();
            var verify = Ao4jMain.commandLine();
            verify.setOut(new PrintWriter(out, true));
            verify.setErr(new PrintWriter(out, true));
            int exit = verify.execute("verify", "--process", process, "--url", nodeUrl);
            if (exit != 0) {
                diverging++;
                problems.add("verify " + process + " exited " + exit + ": " + out.toString().strip());
            }
        }
        return diverging;
    }
}
