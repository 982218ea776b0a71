package dev.ao4j.protocol;

/**
 * Input that breaks AO's wire rules, with the HTTP status every unit answers for it: 400 a malformed request,
 * 413 an item over the size limit, 422 a well-formed shape whose content is unusable (a log entry without a
 * field, an assignment without a tag). Each unit translates it into its own error type at its edge.
 */
public final class ProtocolException extends RuntimeException {
    private final int status;

    public ProtocolException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ProtocolException invalid(String message) {
        return new ProtocolException(400, message);
    }

    public static ProtocolException tooLarge(String message) {
        return new ProtocolException(413, message);
    }

    public static ProtocolException unprocessable(String message) {
        return new ProtocolException(422, message);
    }
}
