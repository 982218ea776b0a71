package dev.ao4j.bench;

import dev.ao4j.arweave.ans104.Base64Url;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * Fresh ANS-104 anchors, as aoconnect sets them. The benches sign with ED25519, whose signatures are deterministic:
 * two items with equal content would be one item, and two "new" processes one process.
 */
final class Anchors {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Anchors() {}

    /** 32 characters: 24 random bytes in base64url. */
    static byte[] fresh() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64Url.encode(random).getBytes(StandardCharsets.US_ASCII);
    }
}
