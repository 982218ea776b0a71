package dev.ao4j.arweave.wallet;

import java.util.Locale;

public enum WalletType {
    /** Arweave RSA-4096 (signature type 1). */
    RSA,
    /** ED25519 (signature type 2). */
    ED25519,
    /** Ethereum secp256k1 (signature type 3). */
    ETHEREUM;

    /** Accepts {@code rsa}/{@code arweave}, {@code ed25519}, {@code ethereum}/{@code eth}, any case. */
    public static WalletType parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "rsa", "arweave" -> RSA;
            case "ed25519" -> ED25519;
            case "ethereum", "eth", "secp256k1" -> ETHEREUM;
            default -> throw new IllegalArgumentException("unknown wallet type '" + text + "': use rsa, ed25519 or ethereum");
        };
    }
}
