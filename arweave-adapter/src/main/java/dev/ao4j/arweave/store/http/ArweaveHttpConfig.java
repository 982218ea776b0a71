package dev.ao4j.arweave.store.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where {@link ArweaveHttpPermastore} reads and writes: a gateway (e.g. https://arweave.net) and a bundler
 * (e.g. https://upload.ardrive.io) with the currency path it posts to ({@code arweave}), a per-call timeout
 * and the retry policy (attempts, first backoff, doubled each retry).
 */
public record ArweaveHttpConfig(URI gateway, URI bundler, String currency, Duration timeout, int maxAttempts, Duration backoff) {
    public ArweaveHttpConfig {
        gateway = withSlash(Objects.requireNonNull(gateway, "gateway"));
        bundler = withSlash(Objects.requireNonNull(bundler, "bundler"));
        Objects.requireNonNull(currency, "currency");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
    }

    /** Sensible defaults: 30 s timeout, 4 attempts starting at 500 ms backoff, currency {@code arweave}. */
    public static ArweaveHttpConfig of(URI gateway, URI bundler) {
        return new ArweaveHttpConfig(gateway, bundler, "arweave", Duration.ofSeconds(30), 4, Duration.ofMillis(500));
    }

    private static URI withSlash(URI uri) {
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }
}
