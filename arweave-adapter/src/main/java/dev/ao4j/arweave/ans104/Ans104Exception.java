package dev.ao4j.arweave.ans104;

/**
 * Bytes that are not a well-formed ANS-104 data item or bundle. {@link #field()} names the part that is
 * wrong (e.g. "signatureType", "tags", "tags[3].value", "data"), so callers can report it as is.
 */
public final class Ans104Exception extends Exception {
    private final String field;

    public Ans104Exception(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public Ans104Exception(String field, String message, Throwable cause) {
        super(field + ": " + message, cause);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
