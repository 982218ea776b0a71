package dev.ao4j.config;

import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/** The one outbound client of the node, shared by the MU and the CU, built from {@link OutboundConfig}. */
@ApplicationScoped
public class OutboundWiring {
    @Produces
    @Singleton
    OutboundHttp outbound(OutboundConfig config, NodeAddress node) {
        OutboundPolicy policy = new OutboundPolicy(config.allowPrivate(), config.allowedHosts().orElse(List.of()),
                node::ownSuUrls, config.trustedSchedulers().orElse(List.of()));
        return new OutboundHttp(OutboundHttp.newClient(config.connectTimeout()), policy, config.maxResponseBytes(),
                config.maxRedirects(), config.maxUntrustedInFlight());
    }
}
