package dev.ao4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ao4j wallet}, {@code ao4j item} and {@code ao4j bundle}, run as a user runs them, exit codes included. */
class ItemCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Run ao4j(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Ao4jMain.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void signInspectAndTheThreeExitCodes() throws Exception {
        Path wallet = dir.resolve("wallet.json");
        Run created = ao4j("wallet", "new", "--type", "ed25519", "--out", wallet.toString());
        assertEquals(0, created.exit(), created.err());
        String address = created.out().strip();
        assertEquals(address, ao4j("wallet", "address", wallet.toString()).out().strip());

        Path data = Files.writeString(dir.resolve("data.txt"), "hello");
        Path item = dir.resolve("item.bin");
        Run signed = ao4j("item", "sign", "--wallet", wallet.toString(), "--target", "A".repeat(43),
                "--anchor", "a".repeat(32), "--tag", "Data-Protocol=ao", "--tag", "Type=Message", "--tag", "Eq=a=b",
                "--data", data.toString(), "--out", item.toString());
        assertEquals(0, signed.exit(), signed.err());

        Run inspected = ao4j("item", "inspect", item.toString());
        assertEquals(0, inspected.exit());
        JsonNode json = JSON.readTree(inspected.out());
        assertEquals(signed.out().strip(), json.get("id").asText());
        assertEquals(2, json.get("signatureType").asInt());
        assertEquals(address, json.get("ownerAddress").asText());
        assertEquals("A".repeat(43), json.get("target").asText());
        assertEquals("a=b", json.at("/tags/2/value").asText());
        assertEquals(5, json.get("dataSize").asInt());
        assertTrue(json.get("valid").asBoolean());

        byte[] tampered = Files.readAllBytes(item);
        tampered[tampered.length - 1] ^= 1;
        Path bad = Files.write(dir.resolve("bad.bin"), tampered);
        Run forged = ao4j("item", "inspect", bad.toString());
        assertEquals(1, forged.exit(), "well-formed but not verifying");
        assertTrue(!JSON.readTree(forged.out()).get("valid").asBoolean());

        Path junk = Files.writeString(dir.resolve("junk.bin"), "not an item");
        Run notItem = ao4j("item", "inspect", junk.toString());
        assertEquals(2, notItem.exit());
        assertTrue(notItem.err().contains("not a data item"), notItem.err());
    }

    @Test
    void bundleInspectListsTheReferenceBundle() throws Exception {
        JsonNode vector = JSON.readTree(Compat.sharedDir().resolve("vectors/ans104/bundle.json").toFile());
        Path bundle = Files.write(dir.resolve("bundle.bin"), Base64.getDecoder().decode(vector.get("rawBase64").asText()));
        Run run = ao4j("bundle", "inspect", bundle.toString());
        assertEquals(0, run.exit(), run.err());
        JsonNode items = JSON.readTree(run.out());
        assertEquals(3, items.size());
        for (int i = 0; i < 3; i++) {
            assertEquals(vector.get("ids").get(i).asText(), items.get(i).get("id").asText());
            assertTrue(items.get(i).get("valid").asBoolean());
        }
        Run notBundle = ao4j("bundle", "inspect", Files.write(dir.resolve("x"), "xx".getBytes(StandardCharsets.UTF_8)).toString());
        assertEquals(2, notBundle.exit());
    }

    @Test
    void aBrokenWalletFileIsOneClearLineNotAStackTrace() throws Exception {
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"kty\":\"RSA\"}");
        Run run = ao4j("wallet", "address", broken.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("ao4j: ") && run.err().contains("lacks 'n'"), run.err());
    }
}
