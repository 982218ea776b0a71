package dev.ao4j.arweave.ans104;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** The digests Arweave and AO use, in one place. */
public final class Hashes {
    private Hashes() {}

    public static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** SHA-256 as lower-case hex, the form AO's Checkpoint and attestation tags carry. */
    public static String sha256Hex(byte[]... parts) {
        return java.util.HexFormat.of().formatHex(sha256(parts));
    }

    public static byte[] keccak256(byte[]... parts) {
        KeccakDigest digest = new KeccakDigest(256);
        for (byte[] part : parts) {
            digest.update(part, 0, part.length);
        }
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }
}
