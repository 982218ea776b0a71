package dev.ao4j.su;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The SU's settings, {@code ao4j.su.*} (defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.su")
public interface SuConfig {
    /**
     * Whether this process runs the SU (its uploader, its Scheduler-Location record, the CU's in-process reads of
     * its log); false in the Lambda functions of the other units, which share the application and reach the SU
     * over HTTP.
     */
    @WithDefault("true")
    boolean enabled();

    /** {@code embedded} (SQLite under the data dir) or {@code dynamodb}. */
    @WithDefault("embedded")
    String logStore();

    /** The SU wallet file; default {@code <data-dir>/wallets/su.json}, created on first start. */
    Optional<String> wallet();

    /** Key type of a wallet the SU creates: {@code rsa} (AO's default) or {@code ed25519} (faster signing). */
    @WithDefault("rsa")
    String walletType();

    /** The URL published in the Scheduler-Location record; default this node's {@code /su}. */
    Optional<String> url();

    @WithDefault("P1D")
    Duration locationTimeToLive();

    /** How long a write waits for its slot before the caller gets 503 (a stuck log store holds nobody forever). */
    @WithDefault("PT60S")
    Duration scheduleTimeout();

    /** The largest {@code limit} of a log page, {@code GET /su/{process}?limit=}; above it (or below 1): 400. */
    @WithDefault("10000")
    int maxPageSlots();

    /**
     * A log page stops before this many bytes of assignments and messages (it always holds one slot), so pages of
     * large messages cannot exhaust the heap; the reader follows {@code has_next_page} as usual.
     */
    @WithDefault("16777216")
    long maxPageBytes();

    /**
     * How long the uploader waits after a new slot before it signs a bundle, so that the slots of that moment share
     * one bundle and one signature. A slot is durable in the log before it is acknowledged; only its copy on the
     * permanent store waits.
     */
    @WithDefault("PT0.5S")
    Duration uploadLinger();

    DynamoDb dynamodb();

    interface DynamoDb {
        @WithDefault("ao4j-su-log")
        String table();

        /** Endpoint override (DynamoDB Local); empty means AWS's regional endpoint. */
        Optional<String> endpoint();

        /** Create the table if missing: for local runs; in AWS Terraform owns it. */
        @WithDefault("false")
        boolean createTable();
    }
}
