package dev.ao4j.mu;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletFiles;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.aws.DynamoDbTables;
import dev.ao4j.config.DataDir;
import dev.ao4j.config.NodeAddress;
import dev.ao4j.config.OutboundConfig;
import dev.ao4j.mu.adapter.DynamoDbMonitors;
import dev.ao4j.mu.adapter.DynamoDbMuTable;
import dev.ao4j.mu.adapter.DynamoDbSignedItems;
import dev.ao4j.mu.adapter.DynamoDbStepPayloads;
import dev.ao4j.mu.adapter.HttpComputeUnit;
import dev.ao4j.mu.adapter.HttpSchedulers;
import dev.ao4j.mu.adapter.PermastoreArchive;
import dev.ao4j.mu.adapter.SqliteMuStore;
import dev.ao4j.mu.core.Crank;
import dev.ao4j.mu.core.CronMonitor;
import dev.ao4j.mu.core.Messenger;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.Monitors;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.mu.port.SignedItems;
import dev.ao4j.mu.port.StepPayloads;
import dev.ao4j.mu.port.StepSink;
import dev.ao4j.mu.queue.CrankQueue;
import dev.ao4j.protocol.outbound.OutboundHttp;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the MU: its wallet, its store (embedded SQLite, or a DynamoDB table that every instance shares), the SU
 * and CU over HTTP (by default this node's own, over loopback: the same code reaches units on other machines), the
 * queue, and the use cases.
 */
@ApplicationScoped
public class MessengerWiring {
    private SqliteMuStore embeddedStore;
    private DynamoDbClient dynamo;

    @Inject
    MuConfig config;

    @Inject
    DataDir data;

    @Inject
    NodeAddress node;

    /**
     * The MU's wallet: {@code ao4j.mu.wallet} when set. Where the SU runs in this process, it is the SU's wallet, so the
     * node has one identity as a HyperBEAM node does: the address aoconnect's mainnet mode reads from
     * {@code /~meta@1.0/info/address} is both the Scheduler and the default Authority, and the Authority must be the
     * signer of the messages the crank pushes. A node whose data directory already holds {@code wallets/mu.json}
     * keeps it: the processes spawned on it trust that address.
     */
    @Produces
    @Singleton
    @Named("mu")
    Wallet wallet(@Named("su") Instance<Wallet> localSu) {
        Path own = config.wallet().map(Path::of).orElse(data.resolve("wallets/mu.json"));
        if (config.wallet().isEmpty() && localSu.isResolvable() && !Files.exists(own)) {
            return localSu.get();
        }
        return WalletFiles.loadOrCreate(own, WalletType.parse(config.walletType()));
    }

    @Produces
    @Singleton
    SignedItems signedItems() {
        return fromStore(embedded -> embedded, DynamoDbSignedItems::new);
    }

    @Produces
    @Singleton
    StepPayloads stepPayloads() {
        return fromStore(embedded -> embedded, DynamoDbStepPayloads::new);
    }

    @Produces
    @Singleton
    Monitors monitors() {
        return fromStore(embedded -> embedded, DynamoDbMonitors::new);
    }

    private interface DynamoDbAdapter<T> {
        T create(DynamoDbClient dynamo, String table, Clock clock);
    }

    /** A port of the store that {@code ao4j.mu.store} names. */
    private <T> T fromStore(Function<SqliteMuStore, T> embedded, DynamoDbAdapter<T> dynamodb) {
        return switch (config.store()) {
            case "embedded" -> embedded.apply(embeddedStore());
            case "dynamodb" -> dynamodb.create(dynamo(), config.dynamodb().table(), Clock.systemUTC());
            default -> throw new IllegalArgumentException("ao4j.mu.store must be embedded or dynamodb, not '" + config.store() + "'");
        };
    }

    /** One SQLite file serves the three ports of the embedded store. */
    private synchronized SqliteMuStore embeddedStore() {
        if (embeddedStore == null) {
            embeddedStore = new SqliteMuStore(data.resolve("mu/mu.db"));
        }
        return embeddedStore;
    }

    private synchronized DynamoDbClient dynamo() {
        if (dynamo == null) {
            dynamo = DynamoDbTables.client(config.dynamodb().endpoint());
            if (config.dynamodb().createTable()) {
                DynamoDbMuTable.createTableIfMissing(dynamo, config.dynamodb().table());
            }
        }
        return dynamo;
    }

    /** SUs over HTTP: all of them where {@code ao4j.mu.su-url} is set, else the ones beside this node's own. */
    @Produces
    @Singleton
    @Typed(HttpSchedulers.class)
    HttpSchedulers httpSchedulers(Permastore permastore, @Named("su") Instance<Wallet> localSu, OutboundHttp outbound,
                                  OutboundConfig limits) {
        // Only a process that runs its SU can look its wallet up (SchedulerWiring: @LookupIfProperty ao4j.su.enabled);
        // elsewhere asking for the wallet would create a stray one.
        String localAddress = localSu.isResolvable() ? localSu.get().address() : null;
        // Where the SU runs here and no other is configured, the MU asks it in-process (node.LocalUnits) and comes
        // here only for processes it does not hold: asking it again over loopback would only repeat its answer.
        boolean defaultSuIsInProcess = config.suUrl().isEmpty() && localAddress != null;
        return new HttpSchedulers(outbound, limits.suTimeout(), config.suUrl().<Supplier<String>>map(url -> () -> url)
                .orElse(() -> node.loopback() + "/su"), localAddress, permastore, limits.cacheSize(), limits.cacheTtl(),
                !defaultSuIsInProcess);
    }

    /** The CU over HTTP, where {@code ao4j.mu.cu-url} is set; on one node the CU is called in-process instead. */
    @Produces
    @Singleton
    @Typed(HttpComputeUnit.class)
    HttpComputeUnit httpComputeUnit(OutboundHttp outbound) {
        return new HttpComputeUnit(outbound, config.httpTimeout(), config.cuUrl().<Supplier<String>>map(url -> () -> url)
                .orElse(() -> node.loopback() + "/cu"));
    }

    @Produces
    @Singleton
    StepTasks stepTasks(StepPayloads payloads) {
        return new StepTasks(payloads);
    }

    @Produces
    @Singleton
    StepSink steps(CrankQueue queue, StepTasks tasks) {
        return new QueueStepSink(queue, tasks);
    }

    @Produces
    @Singleton
    Crank crank(@Named("mu") Wallet wallet, Schedulers schedulers, ComputeUnit compute, Permastore permastore,
                SignedItems signed) {
        return new Crank(wallet, schedulers, compute, new PermastoreArchive(permastore), signed);
    }

    @Produces
    @Singleton
    Messenger messenger(Schedulers schedulers, ComputeUnit compute, StepSink steps, Monitors monitors) {
        return new Messenger(schedulers, compute, steps, monitors);
    }

    @Produces
    @Singleton
    CronMonitor cronMonitor(ComputeUnit compute, Monitors monitors, StepSink steps) {
        return new CronMonitor(compute, monitors, steps);
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        if (embeddedStore != null) {
            embeddedStore.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }
}
