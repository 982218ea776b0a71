package dev.ao4j.cu.core;

/**
 * A refused or failed CU request, with the HTTP status AO's CU answers for it: 400 bad input, 403 process
 * not allowed, 404 unknown, 413 limits above this CU's maxima, 422 unsupported module or broken log
 * (hash chain, signatures), 503 a dependency (SU, permanent store) unavailable.
 */
public final class CuException extends RuntimeException {
    private final int status;
    /** Seconds after which a 503 may be retried, or 0 when unknown. */
    private long retryAfterSeconds;

    public CuException(int status, String message) {
        super(message);
        this.status = status;
    }

    public CuException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** A 503 that says when to come back: the CU is busy, or the asked message passed its deadline. */
    public static CuException busy(String message, java.time.Duration retryAfter) {
        CuException e = new CuException(503, message);
        e.retryAfterSeconds = Math.max(1, retryAfter.toSeconds());
        return e;
    }

    public static CuException invalid(String message) {
        return new CuException(400, message);
    }

    public static CuException notFound(String message) {
        return new CuException(404, message);
    }

    public static CuException tooLarge(String message) {
        return new CuException(413, message);
    }

    public static CuException unprocessable(String message) {
        return new CuException(422, message);
    }

    public static CuException unavailable(String message, Throwable cause) {
        return new CuException(503, message, cause);
    }
}
