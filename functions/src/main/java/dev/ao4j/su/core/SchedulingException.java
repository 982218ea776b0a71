package dev.ao4j.su.core;

/** Why the SU refused to order something; {@link Kind} maps to the HTTP status the SU answers with. */
public final class SchedulingException extends Exception {
    public enum Kind { INVALID, NOT_FOUND, TOO_LARGE, UNAVAILABLE }

    private final Kind kind;

    public SchedulingException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
