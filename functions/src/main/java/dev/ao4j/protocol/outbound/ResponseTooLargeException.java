package dev.ao4j.protocol.outbound;

import java.io.IOException;

/** An answer longer than the configured cap; the connection was dropped before reading the rest. */
public final class ResponseTooLargeException extends IOException {
    public ResponseTooLargeException(long maxBytes) {
        super("the answer is longer than " + maxBytes + " bytes");
    }
}
