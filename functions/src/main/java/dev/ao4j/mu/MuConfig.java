package dev.ao4j.mu;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The MU's settings, {@code ao4j.mu.*} (the queue's are {@code ao4j.mu.queue.*}; defaults documented in application.properties). */
@ConfigMapping(prefix = "ao4j.mu")
public interface MuConfig {
    /**
     * The MU wallet file. Unset: the SU's wallet where the SU runs in the same process (one node identity), unless
     * {@code <data-dir>/wallets/mu.json} exists from an earlier start; elsewhere that file, created on first start.
     */
    Optional<String> wallet();

    /** Key type of a wallet the MU creates. */
    @WithDefault("rsa")
    String walletType();

    /** The default SU's base URL; default this node's own {@code /su} over loopback. */
    Optional<String> suUrl();

    /** The CU's base URL; default this node's own {@code /cu} over loopback. */
    Optional<String> cuUrl();

    /** How long a call to a CU may take (SU calls: {@code ao4j.outbound.su-timeout}). */
    @WithDefault("120s")
    Duration httpTimeout();

    /** Attempts at a CU result before a crank step fails (and is retried by the queue). */
    @WithDefault("8")
    int cuAttempts();

    /** {@code embedded} (SQLite under the data dir) or {@code dynamodb} (a table every instance shares). */
    @WithDefault("embedded")
    String store();

    DynamoDb dynamodb();

    Cron cron();

    interface Cron {
        /** How often the MU asks the CU for the cron results of the processes it monitors. */
        @WithDefault("10s")
        Duration interval();
    }

    interface DynamoDb {
        @WithDefault("ao4j-mu-state")
        String table();

        /** Endpoint override (DynamoDB Local); empty means AWS's regional endpoint. */
        Optional<String> endpoint();

        /** Create the table if missing: for local runs; in AWS Terraform owns it. */
        @WithDefault("false")
        boolean createTable();
    }
}
