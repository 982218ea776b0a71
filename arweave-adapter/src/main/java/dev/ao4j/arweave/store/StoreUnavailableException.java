package dev.ao4j.arweave.store;

/** The store could not do its work: the gateway or bundler is down or answered an error, or the disk failed. */
public final class StoreUnavailableException extends PermastoreException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
