package dev.ao4j.arweave.store;

/** A query the store cannot run as asked, e.g. a cursor it did not issue. */
public final class InvalidQueryException extends PermastoreException {
    public InvalidQueryException(String message) {
        super(message, null);
    }
}
