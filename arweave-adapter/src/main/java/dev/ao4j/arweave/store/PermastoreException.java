package dev.ao4j.arweave.store;

/** A permanent-store operation that failed: the input was refused, or the store cannot be reached. */
public abstract sealed class PermastoreException extends Exception permits InvalidItemException, InvalidQueryException, StoreUnavailableException {
    protected PermastoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
