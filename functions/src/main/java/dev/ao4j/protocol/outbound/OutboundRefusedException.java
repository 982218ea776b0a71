package dev.ao4j.protocol.outbound;

import java.io.IOException;

/** The outbound policy does not let a unit call this URL; the message is the node's own words, safe to answer. */
public final class OutboundRefusedException extends IOException {
    public OutboundRefusedException(String message) {
        super(message);
    }
}
