package dev.ao4j.mu.core;

/** A refusal or failure of the MU, with the HTTP status AO's MU would answer (4xx: the caller's input). */
public final class MuException extends RuntimeException {
    private final int status;

    public MuException(int status, String message) {
        this(status, message, null);
    }

    public MuException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Whether retrying the same request later may succeed (the other unit was unavailable or busy). */
    public boolean transientFailure() {
        return status >= 500 || status == 202 || status == 408 || status == 429;
    }

    public static MuException badRequest(String message) {
        return new MuException(400, message);
    }

    public static MuException notFound(String message) {
        return new MuException(404, message);
    }

    public static MuException unavailable(String message, Throwable cause) {
        return new MuException(503, message, cause);
    }
}
