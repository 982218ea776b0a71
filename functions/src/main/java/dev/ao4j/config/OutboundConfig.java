package dev.ao4j.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How the MU and the CU call other units, {@code ao4j.outbound.*} (defaults documented in application.properties;
 * the policy itself in docs/security.md, "Outbound calls").
 */
@ConfigMapping(prefix = "ao4j.outbound")
public interface OutboundConfig {
    /** Call private, loopback and reserved addresses as well (units on a closed network); off on a public node. */
    @WithDefault("false")
    boolean allowPrivate();

    /** Host names, addresses and address blocks (CIDR) that may be called although private. */
    Optional<List<String>> allowedHosts();

    /** Scheduler wallet addresses whose Scheduler-Location URLs are called without the address check. */
    Optional<List<String>> trustedSchedulers();

    /** Longest answer read from another unit, bytes (an SU page must fit: the CU asks for smaller ones if not). */
    @WithDefault("33554432")
    long maxResponseBytes();

    /** Redirects (307/308) followed per call, each target checked like the first URL. */
    @WithDefault("3")
    int maxRedirects();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * Calls to untrusted units (any Scheduler-Location but this node's own SU) in progress at once, MU and CU
     * together; past it a call fails at once and is retried later, so SUs that hang cannot hold every crank slot.
     */
    @WithDefault("8")
    int maxUntrustedInFlight();

    /** Longest call to an SU, answer included (the MU's calls to CUs use {@code ao4j.mu.http-timeout}). */
    @WithDefault("30s")
    Duration suTimeout();

    /** Scheduler-Location URLs and process lookups kept in memory, at most this many of each. */
    @WithDefault("10000")
    int cacheSize();

    /** How long a looked-up URL or process record is kept (a record's shorter Time-To-Live wins). */
    @WithDefault("10m")
    Duration cacheTtl();
}
