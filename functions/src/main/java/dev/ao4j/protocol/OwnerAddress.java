package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Ethereum;

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
        return raw.length == ETHEREUM_KEY_LENGTH && raw[0] == 0x04 ? Ethereum.address(raw) : suAddress;
    }
}
