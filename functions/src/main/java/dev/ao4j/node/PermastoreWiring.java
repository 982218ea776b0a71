package dev.ao4j.node;

import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.arweave.store.StoreUnavailableException;
import dev.ao4j.arweave.store.embedded.BlockClock;
import dev.ao4j.arweave.store.embedded.EmbeddedPermastore;
import dev.ao4j.arweave.store.graphql.GatewayGraphQl;
import dev.ao4j.arweave.store.http.ArweaveHttpConfig;
import dev.ao4j.arweave.store.http.ArweaveHttpPermastore;
import dev.ao4j.config.DataDir;
import dev.ao4j.gateway.GatewayConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The one place that builds the node's permanent store. By default the embedded store under
 * {@code ao4j.data-dir}/permastore, its chain as {@code ao4j.chain.*} says; when
 * {@code ao4j.arweave.gateway-url} is set, real Arweave through that gateway and {@code ao4j.arweave.bundler-url}.
 * Beans are created on first injection, so nothing is opened until a request or a unit first needs the store.
 */
@ApplicationScoped
public class PermastoreWiring {
    private static final Logger LOG = Logger.getLogger(PermastoreWiring.class);

    @Inject
    PermastoreConfig arweave;

    @Inject
    DataDir data;

    @Inject
    ModuleAliases aliases;

    @Inject
    ChainConfig chain;

    @Produces
    @Singleton
    @DefaultBean
    Permastore permastore() throws StoreUnavailableException {
        if (arweave.gatewayUrl().isPresent()) {
            LOG.infof("permanent store: Arweave via gateway %s, uploads via %s", arweave.gatewayUrl().get(), arweave.bundlerUrl());
            return new AliasedPermastore(new ArweaveHttpPermastore(new ArweaveHttpConfig(arweave.gatewayUrl().get(),
                    arweave.bundlerUrl(), arweave.currency(), arweave.timeout(), 4, Duration.ofMillis(500))), aliases);
        }
        Path dir = data.resolve("permastore");
        Duration blockTime = chain.blockTime();
        LOG.infof("permanent store: embedded under %s, block time %s", dir, blockTime.isZero() ? "manual" : blockTime);
        BlockClock clock = BlockClock.every(blockTime).startingAt(chain.firstHeight());
        return new AliasedPermastore(EmbeddedPermastore.open(dir, clock), aliases);
    }

    void close(@Disposes Permastore permastore) {
        permastore.close();
    }

    @Produces
    @Singleton
    GatewayGraphQl gatewayGraphQl(Permastore permastore, GatewayConfig config) {
        return new GatewayGraphQl(permastore,
                new GatewayGraphQl.Limits(config.graphqlMaxDepth(), config.graphqlMaxComplexity()));
    }
}
