package dev.ao4j.cu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.adapter.Ans104Crypto;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.protocol.SuWire;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.Slot;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The CU verifies assignments from the SU's JSON alone, as the SU renders them, for every key type. */
class Ans104CryptoTest {
    private final Ans104Crypto crypto = new Ans104Crypto();

    private static JsonNode assignmentJson(Wallet su, String processId) throws Exception {
        DataItem assignment = new AssignmentSigner(su).sign(processId, 0, 3, HashChain.first(processId), 1_500_000,
                1_700_000_000_000L, FakeSu.randomId(), List.of("Data"));
        Slot slot = new Slot(processId, 3, 0, 1_700_000_000_000L, 1_500_000, HashChain.first(processId), assignment.id(),
                assignment.raw(), FakeSu.randomId(), null, null);
        return SuWire.message(slot).get("assignment");
    }

    @ParameterizedTest
    @EnumSource(value = WalletType.class)
    void aRenderedAssignmentVerifiesAndATamperedOneDoesNot(WalletType type) throws Exception {
        Wallet su = Wallets.generate(type);
        JsonNode assignment = assignmentJson(su, FakeSu.randomId());
        assertEquals(java.util.Optional.of(su.address()), crypto.assignmentSigner(assignment),
                "verified, and named by the address of its key");

        ObjectNode tampered = assignment.deepCopy();
        ((ObjectNode) tampered.get("tags").get(2)).put("value", "4");
        assertTrue(crypto.assignmentSigner(tampered).isEmpty(), "nonce changed after signing");

        ObjectNode otherKey = assignment.deepCopy();
        String strangerKey = assignmentJson(Wallets.generate(type), FakeSu.randomId()).get("owner").get("key").asText();
        ((ObjectNode) otherKey.get("owner")).put("key", strangerKey);
        assertTrue(crypto.assignmentSigner(otherKey).isEmpty(), "signed by someone else");

        ObjectNode wrongId = assignment.deepCopy();
        wrongId.put("id", FakeSu.randomId());
        assertTrue(crypto.assignmentSigner(wrongId).isEmpty(), "the id must be the hash of the signature");
    }

    @Test
    void garbageIsNotAValidAssignment() throws Exception {
        ObjectNode junk = FakeSu.JSON.objectNode();
        junk.put("id", "x").put("signature", "!!").putObject("owner").put("key", "??");
        assertTrue(crypto.assignmentSigner(junk).isEmpty());
    }

    @Test
    void theContentHashIgnoresTheSignerButNotTheContent() {
        List<Tag> tags = List.of(new Tag("Action", "Credit"), new Tag("From-Process", "P".repeat(43)));
        String target = FakeSu.randomId();
        byte[] data = "5".getBytes(StandardCharsets.UTF_8);
        String hash = crypto.contentHash(target, null, tags, data);
        assertEquals(hash, crypto.contentHash(target, null, tags, data));
        assertNotEquals(hash, crypto.contentHash(target, null, tags, "6".getBytes(StandardCharsets.UTF_8)));
        assertNotEquals(hash, crypto.contentHash(FakeSu.randomId(), null, tags, data));
    }
}
