package dev.ao4j.cli.client;

/**
 * A call to the node that did not succeed: it could not be reached ({@link #status()} 0) or it answered with
 * an HTTP error, whose AO {@code {"error"}} text is the message.
 */
public final class NodeException extends Exception {
    private final int status;

    public NodeException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean unreachable() {
        return status == 0;
    }
}
