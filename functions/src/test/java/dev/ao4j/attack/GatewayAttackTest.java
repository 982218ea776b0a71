package dev.ao4j.attack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Attacks through the gateway's routes: stored scripts, and requests that cost the node far more than the caller. */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class GatewayAttackTest {
    static final Wallet UPLOADER = Wallets.generate(WalletType.ED25519);

    static DataItem item(String data, Tag... tags) throws Exception {
        List<Tag> all = new ArrayList<>(List.of(tags));
        all.add(new Tag("Attack-Run", UUID.randomUUID().toString()));
        return DataItem.sign(UPLOADER, null, null, all, data.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * M7: an uploaded HTML page is served from the node's own origin, where it could script the unit APIs. It keeps
     * its Content-Type but is sandboxed (no scripts, an opaque origin) and never sniffed.
     */
    @Test
    void anUploadedHtmlPageIsServedSandboxedAndUnsniffed() throws Exception {
        DataItem page = item("<html><script>fetch('/mu/monitor/x', {method: 'DELETE'})</script></html>",
                new Tag("Content-Type", "text/html"));
        given().contentType(ContentType.BINARY).body(page.raw()).when().post("/tx/arweave").then().statusCode(200);
        for (String path : List.of("/" + page.id(), "/raw/" + page.id())) {
            given().when().get(path).then().statusCode(200)
                    .contentType(containsString("text/html"))
                    .header("Content-Security-Policy", "sandbox")
                    .header("X-Content-Type-Options", "nosniff")
                    .body(containsString("<script>"));
        }
        given().header("Range", "bytes=0-5").when().get("/" + page.id()).then().statusCode(206)
                .header("Content-Security-Policy", "sandbox").header("X-Content-Type-Options", "nosniff");
        given().when().head("/" + page.id()).then().statusCode(200)
                .header("Content-Security-Policy", "sandbox").header("X-Content-Type-Options", "nosniff");
    }
}
