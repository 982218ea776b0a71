package dev.ao4j.cu.core;

import dev.ao4j.arweave.ans104.Base64Url;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.KeccakDigest;

/**
 * The address the CU gives a signer: the SU's {@code owner.address} (b64url SHA-256 of the key), except for
 * Ethereum keys (65-byte uncompressed secp256k1), which AO's CU names by their EIP-55 checksummed address.
 */
public final class OwnerAddress {
    private static final int ETHEREUM_KEY_LENGTH = 65;

    private OwnerAddress() {}

    /** @param suAddress the address the SU sent; @param key the b64url public key (may be null) */
    public static String of(String suAddress, String key) {
        if (key == null || key.isEmpty()) {
            return suAddress;
        }
        byte[] raw;
        try {
            raw = Base64Url.decode(key);
        } catch (IllegalArgumentException e) {
            return suAddress;
        }
        return raw.length == ETHEREUM_KEY_LENGTH && raw[0] == 0x04 ? ethereum(raw) : suAddress;
    }

    /** EIP-55: keccak-256 of the 64-byte key, last 20 bytes, hex with case from the hash of the lower-case hex. */
    public static String ethereum(byte[] uncompressedKey) {
        byte[] hash = keccak256(Arrays.copyOfRange(uncompressedKey, 1, uncompressedKey.length));
        String hex = hex(Arrays.copyOfRange(hash, 12, 32));
        String checksum = hex(keccak256(hex.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder out = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            out.append(Character.digit(checksum.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return out.toString();
    }

    private static byte[] keccak256(byte[] input) {
        KeccakDigest digest = new KeccakDigest(256);
        digest.update(input, 0, input.length);
        byte[] out = new byte[32];
        digest.doFinal(out, 0);
        return out;
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
