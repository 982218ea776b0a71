package dev.ao4j.arweave.ans104;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Compat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every vector the reference JS libraries produced (../shared/vectors/ans104) must hold byte for byte. */
class Ans104VectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    static JsonNode vectors(String file) throws IOException {
        return JSON.readTree(Compat.sharedDir().resolve("vectors/ans104").resolve(file).toFile());
    }

    static byte[] base64(String text) {
        return Base64.getDecoder().decode(text);
    }

    static List<Tag> tags(JsonNode array) {
        List<Tag> tags = new ArrayList<>();
        array.forEach(t -> tags.add(new Tag(t.get("name").asText(), t.get("value").asText())));
        return tags;
    }

    static byte[] expectedData(JsonNode vector) {
        if (vector.has("dataUtf8")) {
            return vector.get("dataUtf8").asText().getBytes(StandardCharsets.UTF_8);
        }
        assertEquals("byte i = i mod 251, 100000 bytes", vector.get("dataRule").asText());
        byte[] data = new byte[vector.get("dataSize").asInt()];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i % 251);
        }
        assertEquals(vector.get("dataSha256Hex").asText(), HEX.formatHex(Hashes.sha256(data)));
        return data;
    }

    @Test
    void everySignedItemParsesToItsFieldsAndVerifies() throws Exception {
        JsonNode items = vectors("items.json");
        assertEquals(9, items.size());
        for (JsonNode vector : items) {
            String label = vector.get("signer").asText() + "/" + vector.get("label").asText();
            byte[] raw = base64(vector.get("rawBase64").asText());
            DataItem item = DataItem.parse(raw);
            assertEquals(vector.get("id").asText(), item.id(), label);
            assertEquals(vector.get("signatureType").asInt(), item.signatureType().code(), label);
            assertEquals(vector.get("owner").asText(), Base64Url.encode(item.owner()), label);
            assertEquals(vector.get("target").asText(), item.target().orElse(""), label);
            assertEquals(vector.get("anchor").asText(), item.anchor().orElse(""), label);
            assertEquals(tags(vector.get("tags")), item.tags(), label);
            assertEquals(vector.get("rawTagsHex").asText(), HEX.formatHex(item.rawTags()), label);
            assertEquals(vector.get("signatureMessageDeepHashHex").asText(), HEX.formatHex(item.signatureMessage()), label);
            assertEquals(vector.get("dataSize").asInt(), item.dataSize(), label);
            assertArrayEquals(expectedData(vector), item.data(), label);
            assertEquals(vector.get("valid").asBoolean(), item.verify(), label);
            assertArrayEquals(raw, item.raw(), label);
        }
    }

    @Test
    void deterministicSignersReproduceTheReferenceBytesExactly() throws Exception {
        JsonNode keys = vectors("keys.json");
        Wallet ed25519 = Wallets.ed25519FromSeed(HEX.parseHex(keys.at("/ed25519/privateKeyHex").asText()));
        Wallet ethereum = Wallets.ethereumFromHex(keys.at("/ethereum/privateKeyHex").asText());
        assertEquals(keys.at("/ed25519/publicKeyHex").asText(), HEX.formatHex(ed25519.owner()));
        for (JsonNode vector : vectors("items.json")) {
            Wallet wallet = switch (vector.get("signer").asText()) {
                case "ed25519" -> ed25519;
                case "ethereum" -> ethereum;
                default -> null; // RSA-PSS is randomised: checked by verification instead
            };
            DataItem reference = DataItem.parse(base64(vector.get("rawBase64").asText()));
            if (wallet == null) {
                continue;
            }
            assertArrayEquals(reference.owner(), wallet.owner());
            DataItem ours = DataItem.sign(wallet, reference.target().orElse(null), reference.anchorBytes().orElse(null),
                    reference.tags(), reference.data());
            assertArrayEquals(reference.raw(), ours.raw(), vector.get("label").asText() + " signed by " + wallet.type());
        }
    }

    @Test
    void rsaKeyFromTheReferenceJwkSignsItemsThatVerify() throws Exception {
        JsonNode keys = vectors("keys.json");
        Wallet arweave = Wallets.fromJwk(keys.at("/arweave/jwk"));
        DataItem reference = DataItem.parse(base64(vectors("items.json").get(1).get("rawBase64").asText()));
        assertArrayEquals(reference.owner(), arweave.owner());
        assertEquals(reference.ownerAddress(), arweave.address());
        DataItem ours = DataItem.sign(arweave, reference.target().orElseThrow(), reference.anchorBytes().orElseThrow(),
                reference.tags(), reference.data());
        assertTrue(ours.verify());
        assertArrayEquals(reference.signatureMessage(), ours.signatureMessage());
    }

    @Test
    void ethereumOwnersAreNamedByTheirEip55Address() throws Exception {
        Wallet ethereum = Wallets.ethereumFromHex(vectors("keys.json").at("/ethereum/privateKeyHex").asText());
        assertTrue(ethereum.address().matches("0x[0-9a-fA-F]{40}"));
        assertFalse(ethereum.address().equals(ethereum.address().toLowerCase()), "EIP-55 mixes case");
        DataItem item = DataItem.parse(base64(vectors("items.json").get(3).get("rawBase64").asText()));
        assertEquals(ethereum.address(), item.ownerAddress());
    }

    @Test
    void tamperedItemsDoNotVerify() throws Exception {
        for (JsonNode vector : vectors("tampered.json")) {
            DataItem item = DataItem.parse(base64(vector.get("rawBase64").asText()));
            assertFalse(item.verify(), vector.get("what").asText());
            assertFalse(vector.get("valid").asBoolean());
        }
    }

    @Test
    void deepHashesMatch() throws Exception {
        for (JsonNode vector : vectors("deep-hash.json")) {
            assertEquals(vector.get("deepHashHex").asText(), HEX.formatHex(DeepHash.hash(input(vector.get("input")))),
                    vector.get("label").asText());
        }
    }

    private static Object input(JsonNode node) {
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(child -> list.add(input(child)));
            return list;
        }
        return node.get("blobUtf8").asText().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void avroTagEncodingMatchesBothWays() throws Exception {
        for (JsonNode vector : vectors("avro-tags.json")) {
            List<Tag> tags = tags(vector.get("tags"));
            assertEquals(vector.get("hex").asText(), HEX.formatHex(TagCodec.encode(tags)));
            assertEquals(tags, TagCodec.decode(HEX.parseHex(vector.get("hex").asText())));
        }
    }

    @Test
    void bundleParsesVerifiesAndRebuildsToTheSameBytes() throws Exception {
        JsonNode vector = vectors("bundle.json");
        byte[] raw = base64(vector.get("rawBase64").asText());
        List<DataItem> items = Bundle.parseAndVerify(raw);
        List<String> ids = new ArrayList<>();
        vector.get("ids").forEach(id -> ids.add(id.asText()));
        assertEquals(ids, items.stream().map(DataItem::id).toList());
        assertArrayEquals(raw, Bundle.build(items));
    }
}
