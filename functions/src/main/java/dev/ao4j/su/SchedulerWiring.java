package dev.ao4j.su;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.PermastoreException;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletFiles;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.aws.DynamoDbTables;
import dev.ao4j.config.DataDir;
import dev.ao4j.metrics.UnitMetrics;
import dev.ao4j.protocol.SchedulerLocation;
import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.su.adapter.embedded.SqliteLogStore;
import dev.ao4j.su.core.AssignmentSigner;
import dev.ao4j.su.core.BlockHeight;
import dev.ao4j.su.core.LogUploader;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.Sequencer;
import dev.ao4j.su.port.LogStore;
import io.quarkus.arc.lookup.LookupIfProperty;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Wires the SU from configuration: its wallet, log store, sequencer, uploader and use cases. */
@ApplicationScoped
public class SchedulerWiring {
    private static final Logger LOG = Logger.getLogger(SchedulerWiring.class);

    /** Looked up only where the SU runs (others would otherwise create a stray SU wallet). */
    @Produces
    @Singleton
    @Named("su")
    @LookupIfProperty(name = "ao4j.su.enabled", stringValue = "true", lookupIfMissing = true)
    Wallet wallet(SuConfig config, DataDir data) {
        Path file = config.wallet().map(Path::of).orElse(data.resolve("wallets/su.json"));
        return WalletFiles.loadOrCreate(file, WalletType.parse(config.walletType()));
    }

    @Produces
    @Singleton
    LogStore logStore(SuConfig config, DataDir data) {
        return switch (config.logStore()) {
            case "embedded" -> new SqliteLogStore(data.resolve("su/log.db"));
            case "dynamodb" -> {
                DynamoDbClient client = DynamoDbTables.client(config.dynamodb().endpoint());
                if (config.dynamodb().createTable()) {
                    DynamoDbLogStore.createTableIfMissing(client, config.dynamodb().table());
                }
                yield new DynamoDbLogStore(client, config.dynamodb().table());
            }
            default -> throw new IllegalArgumentException(
                    "ao4j.su.log-store must be embedded or dynamodb, not '" + config.logStore() + "'");
        };
    }

    @Produces
    @Singleton
    LogUploader uploader(LogStore log, Permastore permastore, @Named("su") Wallet wallet, SuConfig config) {
        return new LogUploader(log, permastore, wallet, config.uploadLinger());
    }

    @Produces
    @Singleton
    Sequencer sequencer(LogStore log, @Named("su") Wallet wallet, BlockHeight blockHeight) {
        return new Sequencer(log, new AssignmentSigner(wallet), blockHeight::current, System::currentTimeMillis);
    }

    @Produces
    @Singleton
    SchedulerService scheduler(@Named("su") Wallet wallet, Sequencer sequencer, LogStore log, Permastore permastore,
                               LogUploader uploader, BlockHeight blockHeight, UnitMetrics metrics, SuConfig config) {
        return new SchedulerService(wallet.address(), sequencer, log, permastore, uploader, System::currentTimeMillis,
                blockHeight::current, metrics,
                new SchedulerService.Limits(config.scheduleTimeout(), config.maxPageSlots(), config.maxPageBytes()));
    }

    @Produces
    @Singleton
    BlockHeight blockHeight(Permastore permastore) {
        return new BlockHeight(permastore);
    }

    void start(@Observes StartupEvent event, SuConfig config, @Named("su") Instance<Wallet> wallet,
               Instance<Permastore> permastore, Instance<LogUploader> uploader,
               @ConfigProperty(name = "quarkus.http.port") int port) throws PermastoreException {
        if (!config.enabled()) {
            return;
        }
        uploader.get().start();
        String url = config.url().orElse("http://127.0.0.1:" + port + "/su");
        SchedulerLocation.publish(permastore.get(), wallet.get(), url, config.locationTimeToLive());
        LOG.infof("SU %s ready at %s (log store: %s)", wallet.get().address(), url, config.logStore());
    }

    void stop(@Observes ShutdownEvent event, SuConfig config, Instance<LogUploader> uploader, Instance<Sequencer> sequencer,
              Instance<LogStore> log) {
        if (!config.enabled()) {
            return;
        }
        sequencer.get().close();
        uploader.get().close();
        log.get().close();
    }
}
