package dev.ao4j.arweave.ans104;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Compat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ao4j signs, the reference library (arbundles) accepts with the same ids, and the other way round. */
class ArbundlesCompatTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void itemsSignedHereVerifyInArbundlesAndArbundlesItemsVerifyHere() throws Exception {
        Wallet rsa = Wallets.generate(WalletType.RSA);
        List<DataItem> ours = new ArrayList<>();
        byte[] anchor = "abcdefghijklmnopqrstuvwxyz012345".getBytes(StandardCharsets.UTF_8);
        List<Tag> tags = List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Message"), new Tag("Ünïcode", "✓"));
        for (Wallet wallet : List.of(rsa, Wallets.generate(WalletType.ED25519), Wallets.generate(WalletType.ETHEREUM))) {
            ours.add(DataItem.sign(wallet, "x".repeat(43), anchor, tags, "hello from ao4j".getBytes(StandardCharsets.UTF_8)));
            ours.add(DataItem.sign(wallet, null, null, List.of(), new byte[0]));
        }
        Path jwk = dir.resolve("wallet.json");
        Wallets.write(rsa, jwk);

        ObjectNode input = JSON.createObjectNode();
        ours.forEach(item -> input.withArray("verify").add(Base64.getEncoder().encodeToString(item.raw())));
        input.put("signWithJwk", jwk.toString());
        Path script = Path.of(getClass().getResource("/arbundles/cross-check.cjs").toURI());
        JsonNode output = JSON.readTree(Compat.runNode(List.of(), script, List.of(),
                JSON.writeValueAsBytes(input), 120).requireSuccess().stdout());

        for (int i = 0; i < ours.size(); i++) {
            JsonNode verdict = output.get("verified").get(i);
            assertEquals(ours.get(i).id(), verdict.get("id").asText(), "same id for " + ours.get(i));
            assertTrue(verdict.get("valid").asBoolean(), "arbundles verifies " + ours.get(i));
        }
        DataItem theirs = DataItem.parse(Base64.getDecoder().decode(output.at("/signed/rawBase64").asText()));
        assertTrue(theirs.verify(), "an item arbundles signed with our JWK verifies here");
        assertEquals(rsa.address(), output.at("/signed/address").asText(), "arweave-js reads our JWK to the same address");
        assertEquals(rsa.address(), theirs.ownerAddress());
        assertEquals("signed by arbundles", new String(theirs.data(), StandardCharsets.UTF_8));
        assertTrue(Files.size(jwk) > 0);
    }
}
