package dev.ao4j.attack;

import static dev.ao4j.attack.AttackItems.message;
import static dev.ao4j.attack.AttackItems.postSu;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.testing.Await;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** M3: only a process's owner may stop its cron monitoring through the MU. */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class MonitorAttackTest {
    static final Wallet OWNER = Wallets.generate(WalletType.ED25519);
    static final Wallet STRANGER = Wallets.generate(WalletType.ED25519);

    static ValidatableResponse monitor(String method, String processId, DataItem signed) {
        return given().contentType(ContentType.BINARY).body(signed.raw())
                .when().request(method, "/mu/monitor/" + processId).then();
    }

    @Test
    void aStrangerCannotUnsubscribeSomeoneElsesProcess() throws Exception {
        String scheduler = given().when().get("/su").then().statusCode(200).extract().path("address");
        DataItem process = AttackItems.process(OWNER, scheduler);
        postSu(process.raw()).statusCode(200);
        Await.until("the process item reaches the permanent store", Duration.ofSeconds(20),
                () -> given().when().get("/" + process.id()).then().extract().statusCode() == 200);

        monitor("POST", process.id(), message(OWNER, process.id(), "")).statusCode(200);
        // The attack: any signed item targeting the process used to be enough.
        monitor("DELETE", process.id(), message(STRANGER, process.id(), "")).statusCode(403)
                .body("error", containsString("only the owner"));
        monitor("DELETE", process.id(), message(STRANGER, process.id(), "")).statusCode(403);
        // The subscription survived: the owner's own DELETE finds and removes it.
        monitor("DELETE", process.id(), message(OWNER, process.id(), "")).statusCode(200);
        monitor("DELETE", process.id(), message(OWNER, process.id(), "")).statusCode(404);
    }
}
