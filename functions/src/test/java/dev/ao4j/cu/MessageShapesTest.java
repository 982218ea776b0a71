package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.core.AoEnv;
import dev.ao4j.cu.core.DryRunMessage;
import dev.ao4j.cu.core.LogReader;
import dev.ao4j.cu.core.ModuleMeta;
import dev.ao4j.cu.core.Position;
import dev.ao4j.cu.core.ScheduledMessage;
import dev.ao4j.cu.port.ItemCrypto;
import dev.ao4j.cu.port.TransactionSource;
import dev.ao4j.protocol.OwnerAddress;
import dev.ao4j.protocol.ProcessMeta;
import dev.ao4j.protocol.SuWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The msg and env objects the module receives, field by field as AO's CU builds them (servers/cu ao-su.js
 * mapNode, loadMessages cron messages, evaluate's tag filter, the message schema that drops undeclared fields).
 */
class MessageShapesTest {
    private static final ItemCrypto ACCEPT = new ItemCrypto() {
        @Override
        public java.util.Optional<String> assignmentSigner(JsonNode assignment) {
            return java.util.Optional.of(assignment.path("owner").path("address").asText());
        }

        @Override
        public String contentHash(String target, String anchor, List<Tag> tags, byte[] data) {
            return "hash:" + new String(data, StandardCharsets.UTF_8);
        }
    };

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aScheduledMessageCarriesTheAssignmentFieldsAsNumbersAndNoModule() {
        FakeSu su = new FakeSu(1_700_000_000_123L, 1_500_000, List.of());
        su.send(List.of(new Tag("Action", "Ping"), new Tag("From", "forged"), new Tag("Owner", "forged"),
                new Tag("Module", "M".repeat(43))), "hello");
        LogReader reader = new LogReader(su.processId, "S".repeat(43), ACCEPT, id -> Optional.empty());
        ScheduledMessage boot = reader.read(su.edges.get(0).get("node"), Position.START);
        ScheduledMessage ping = reader.read(su.edges.get(1).get("node"), boot.position(Position.START));
        ObjectNode msg = ping.toMsg();
        assertEquals(List.of("Id", "Signature", "Data", "Owner", "Target", "Anchor", "From", "Tags", "Epoch", "Nonce",
                "Timestamp", "Block-Height", "Hash-Chain", "Cron", "Read-Only"), fieldNames(msg));
        assertEquals(1_700_000_000_124L, msg.get("Timestamp").asLong());
        assertTrue(msg.get("Timestamp").isNumber() && msg.get("Block-Height").isNumber() && msg.get("Nonce").isNumber());
        assertEquals(1_500_000, msg.get("Block-Height").asLong(), "the 12-digit tag becomes a number");
        assertEquals(1, msg.get("Nonce").asLong());
        assertEquals(su.processId, msg.get("Target").asText(), "Target is the assignment's Process");
        assertEquals(su.owner, msg.get("From").asText(), "not forwarded: From is the signer");
        assertTrue(msg.get("Anchor").isNull());
        assertFalse(msg.get("Cron").asBoolean());
        assertFalse(msg.get("Read-Only").asBoolean());
        List<String> tagNames = new ArrayList<>();
        msg.get("Tags").forEach(t -> tagNames.add(t.get("name").asText()));
        assertEquals(List.of("Action", "Module"), tagNames, "tags named From and Owner are dropped, others kept in order");
        assertFalse(msg.has("Forwarded-By"));
        assertEquals(0, boot.toMsg().get("Nonce").asLong());
        assertEquals("Process", boot.toMsg().get("Tags").get(2).get("value").asText(), "slot 0 is the process itself");
    }

    @Test
    void aMessagePushedByAnMuIsFromTheProcessAndForwardedByTheMu() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1_500_000, List.of());
        String mu = FakeSu.randomId();
        String sender = FakeSu.randomId();
        su.sendAs(mu, List.of(new Tag("Action", "Credit"), new Tag("From-Process", sender)), "7");
        LogReader reader = new LogReader(su.processId, "S".repeat(43), ACCEPT, id -> Optional.empty());
        ScheduledMessage boot = reader.read(su.edges.get(0).get("node"), Position.START);
        ScheduledMessage pushed = reader.read(su.edges.get(1).get("node"), boot.position(Position.START));
        ObjectNode msg = pushed.toMsg();
        assertEquals(sender, msg.get("From").asText());
        assertEquals(mu, msg.get("Forwarded-By").asText());
        assertEquals(mu, msg.get("Owner").asText());
        assertEquals(mu + "/hash:7", pushed.deepHash(), "forwarded messages are known by their signer and content hash");
        assertEquals(null, boot.deepHash());
    }

    @Test
    void anAssignedTransactionIsReadFromThePermanentStoreWithoutExcludedFields() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1_500_000, List.of());
        String txId = FakeSu.randomId();
        su.assign(txId);
        ((com.fasterxml.jackson.databind.node.ArrayNode) su.edges.get(1).get("node").get("assignment").get("tags")).addObject().put("name", "Exclude").put("value", "Data");
        TransactionSource store = id -> Optional.of(new TransactionSource.Transaction(id, "A".repeat(43), null, "sig",
                "T".repeat(43), null, List.of(new Tag("Action", "Assigned")), "secret".getBytes(StandardCharsets.UTF_8)));
        LogReader reader = new LogReader(su.processId, "S".repeat(43), ACCEPT, store);
        ScheduledMessage boot = reader.read(su.edges.get(0).get("node"), Position.START);
        ScheduledMessage assigned = reader.read(su.edges.get(1).get("node"), boot.position(Position.START));
        ObjectNode msg = assigned.toMsg();
        assertTrue(assigned.isAssignment());
        assertEquals(txId, msg.get("Id").asText());
        assertFalse(msg.has("Data"), "Exclude: Data");
        assertEquals("T".repeat(43), msg.get("Target").asText(), "an assignment's Target is the transaction's own");
        assertEquals("A".repeat(43), msg.get("Owner").asText());
    }

    @Test
    void ethereumSignersAreNamedByTheirEip55Address() {
        byte[] key = HexFormat.of().parseHex("0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                + "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
        assertEquals("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf", OwnerAddress.of("sha-address", Base64Url.encode(key)),
                "the address of private key 1");
        assertEquals("sha-address", OwnerAddress.of("sha-address", Base64Url.encode(new byte[512])), "Arweave keys keep the SU's address");
    }

    @Test
    void cronMessagesHaveNoIdSignatureNonceOrHashChain() throws Exception {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1_500_000, List.of(new Tag("Cron-Interval", "1-second"),
                new Tag("Cron-Tag-Action", "Tick")));
        ProcessMeta process = SuWire.process(su.process(su.processId).orElseThrow());
        var crons = dev.ao4j.cu.core.Crons.of(process);
        Position afterBoot = new Position(1_700_000_000_000L, 0, null, 1_500_000, "a", "b", 0);
        ObjectNode msg = crons.between(afterBoot, 1_700_000_002_000L, List.of()).next().toMsg();
        assertEquals(List.of("Owner", "Target", "From", "Tags", "Timestamp", "Block-Height", "Cron", "Read-Only"), fieldNames(msg));
        assertEquals(su.owner, msg.get("Owner").asText());
        assertEquals(su.owner, msg.get("From").asText());
        assertEquals(su.processId, msg.get("Target").asText());
        assertTrue(msg.get("Cron").asBoolean());
    }

    @Test
    void envNamesTheProcessAndModule() {
        FakeSu su = new FakeSu(1_700_000_000_000L, 1_500_000, List.of());
        ProcessMeta process = SuWire.process(su.process(su.processId).orElseThrow());
        ObjectNode env = AoEnv.of(process, new ModuleMeta("M".repeat(43), "O".repeat(43), PipelineHarness.moduleTags()));
        assertEquals(List.of("Process", "Module"), fieldNames(env));
        assertEquals(List.of("Id", "Owner", "Tags"), fieldNames(env.get("Process")));
        assertEquals(su.processId, env.get("Process").get("Id").asText());
        assertEquals(su.owner, env.get("Process").get("Owner").asText());
        assertEquals("Module-Format", env.get("Module").get("Tags").get(2).get("name").asText());
    }

    @Test
    void aDryRunIsReadOnlyAtTheTimeOfTheStateItRunsOn() {
        ObjectNode body = CountingRuntime.JSON.createObjectNode();
        body.put("Id", "1234").put("Target", "P".repeat(43)).put("Owner", "U".repeat(43)).put("Anchor", "0").put("Data", "1234");
        body.putArray("Tags").addObject().put("name", "Action").put("value", "Balance");
        ObjectNode msg = DryRunMessage.of(body, new Position(1_700_000_000_500L, 9, null, 1_500_010, null, null, 0));
        assertTrue(msg.get("Read-Only").asBoolean());
        assertEquals("U".repeat(43), msg.get("From").asText());
        assertEquals(1_700_000_000_500L, msg.get("Timestamp").asLong());
        assertEquals(1_500_010, msg.get("Block-Height").asLong());
        assertFalse(msg.has("Nonce"));
        assertFalse(msg.has("Hash-Chain"));
    }
}
