package dev.ao4j.cu.core;

/**
 * A refused or failed CU request, with the HTTP status AO's CU answers for it: 400 bad input, 403 process
 * not allowed, 404 unknown, 413 limits above this CU's maxima, 422 unsupported module or broken log
 * (hash chain, signatures), 503 a dependency (SU, permanent store) unavailable.
 */
public final class CuException extends RuntimeException {
    private final int status;

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
