package dev.ao4j.arweave.wallet;

/** A wallet file that cannot be read or written, or a JWK that is not a usable key. */
public final class WalletException extends Exception {
    public WalletException(String message) {
        super(message);
    }

    public WalletException(String message, Throwable cause) {
        super(message, cause);
    }
}
