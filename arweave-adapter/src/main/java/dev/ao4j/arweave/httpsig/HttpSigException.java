package dev.ao4j.arweave.httpsig;

/** A request whose HTTP message signature is malformed, unsupported or does not verify. */
public final class HttpSigException extends RuntimeException {
    public HttpSigException(String message) {
        super(message);
    }
}
