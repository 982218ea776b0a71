package dev.ao4j.arweave.store;

/** A data item or bundle refused before anything was stored; {@link #field()} names the part that is wrong. */
public final class InvalidItemException extends PermastoreException {
    private final String field;

    public InvalidItemException(String field, String message) {
        super(message.startsWith(field + ":") ? message : field + ": " + message, null);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
