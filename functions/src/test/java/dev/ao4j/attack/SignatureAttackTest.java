package dev.ao4j.attack;

import static dev.ao4j.attack.AttackItems.message;
import static dev.ao4j.attack.AttackItems.postSu;
import static dev.ao4j.attack.AttackItems.postTx;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Ethereum;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * H1: an Ethereum-signed (ANS-104 type 3) message must have exactly one valid encoding; otherwise anyone can
 * re-post a user's message under a new id (its id is the hash of the signature) and have it ordered again.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class SignatureAttackTest {
    static final Wallet ETH_USER = Wallets.generate(WalletType.ETHEREUM);

    /** The signature sits at bytes 2..66 of a type-3 item: r, s, then v. */
    static byte[] malleate(byte[] raw, boolean flipS, int v) {
        byte[] copy = raw.clone();
        if (flipS) {
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 34, 66));
            byte[] high = Ethereum.CURVE.getN().subtract(s).toByteArray();
            byte[] padded = new byte[32];
            System.arraycopy(high, Math.max(0, high.length - 32), padded, 32 - Math.min(32, high.length),
                    Math.min(32, high.length));
            System.arraycopy(padded, 0, copy, 34, 32);
        }
        copy[66] = (byte) v;
        return copy;
    }

    @Test
    void malleatedCopiesOfAnEthereumSignedMessageAreRefusedAndTheGenuineOneIsOrderedOnce() throws Exception {
        String scheduler = given().when().get("/su").then().statusCode(200).extract().path("address");
        DataItem process = AttackItems.process(ETH_USER, scheduler);
        postSu(process.raw()).statusCode(200).body("id", equalTo(process.id()));
        DataItem transfer = message(ETH_USER, process.id(), "100");
        byte[] raw = transfer.raw();
        int v = raw[66];
        int otherV = v == 27 ? 28 : 27;

        postSu(raw).statusCode(200).body("id", equalTo(transfer.id()));
        for (byte[] copy : new byte[][] {malleate(raw, true, otherV), malleate(raw, true, v), malleate(raw, false, 0x42),
                malleate(raw, false, v - 27), malleate(raw, false, otherV)}) {
            postSu(copy).statusCode(400).body("error", containsString("signature does not verify"));
            postTx(copy).statusCode(400);
        }
        postSu(raw).statusCode(200).body("id", equalTo(transfer.id())); // a resend keeps its one slot
        given().queryParam("limit", 100).when().get("/su/" + process.id()).then().statusCode(200)
                .body("edges", hasSize(2));
    }
}
