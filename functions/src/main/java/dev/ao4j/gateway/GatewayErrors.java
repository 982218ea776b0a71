package dev.ao4j.gateway;

import dev.ao4j.arweave.store.InvalidItemException;
import dev.ao4j.arweave.store.InvalidQueryException;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.store.StoreUnavailableException;
import dev.ao4j.http.ApiException;

/** How store failures read over HTTP: refused input is 400, a store that cannot work is 503. */
final class GatewayErrors {
    private GatewayErrors() {}

    static ApiException of(PermastoreException e) {
        return switch (e) {
            case InvalidItemException invalid -> ApiException.badRequest(invalid.getMessage());
            case InvalidQueryException invalid -> ApiException.badRequest(invalid.getMessage());
            case StoreUnavailableException unavailable -> new ApiException(503, unavailable.getMessage());
        };
    }

    static ApiException notFound(String id) {
        return ApiException.notFound("transaction " + id + " not found");
    }
}
