package dev.ao4j.protocol.outbound;

import java.io.IOException;

/** As many calls to untrusted units are in progress as allowed; this one was not made. Worth trying later. */
public final class OutboundBusyException extends IOException {
    public OutboundBusyException(int limit) {
        super("as many calls to other units as allowed (" + limit + ") are in progress");
    }
}
