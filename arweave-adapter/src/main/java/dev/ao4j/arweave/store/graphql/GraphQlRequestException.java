package dev.ao4j.arweave.store.graphql;

/** A GraphQL request that cannot run: it does not parse, does not validate, or its variables do not fit. */
public final class GraphQlRequestException extends Exception {
    public GraphQlRequestException(String message) {
        super(message);
    }
}
