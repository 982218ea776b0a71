package dev.ao4j.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** Settings of the HTTP edges shared by every unit, {@code ao4j.http.*} (defaults in application.properties). */
@ConfigMapping(prefix = "ao4j.http")
public interface HttpConfig {
    /**
     * Web origins (e.g. {@code https://app.example}) whose browser pages may call the state-changing routes; unset:
     * only the node's own origin. See {@link BrowserOriginFilter}.
     */
    Optional<List<String>> trustedOrigins();

    /**
     * Request bodies the node receives at once, bytes (each counts its Content-Length); past it: 503 with
     * Retry-After. See {@link BodyBudget}.
     */
    @WithDefault("268435456")
    long maxInFlightBodyBytes();
}
