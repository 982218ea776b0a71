package dev.ao4j.http;

/**
 * An HTTP error every unit answers the same way, as AO's servers do: the status and {@code {"error": message}}.
 * Unchecked so resource methods can throw it from anywhere; {@link ApiExceptionMapper} renders it.
 */
public final class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
