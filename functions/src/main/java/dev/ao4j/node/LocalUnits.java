package dev.ao4j.node;

import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.mu.MuConfig;
import dev.ao4j.mu.adapter.HttpComputeUnit;
import dev.ao4j.mu.adapter.HttpSchedulers;
import dev.ao4j.mu.adapter.RetryingComputeUnit;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.su.SuConfig;
import dev.ao4j.su.core.SchedulerService;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The in-process adapters that join units running in this JVM. A unit only knows its own ports; this composition
 * root decides that, on one node, the CU's {@link LocalSu} is the SU itself, and the MU's SU and CU are the ones
 * beside it, called directly. HTTP is used only for a unit that is remote: one named by {@code ao4j.mu.su-url} or
 * {@code ao4j.mu.cu-url} (the cloud deployment), or an SU of another node.
 */
@ApplicationScoped
public class LocalUnits {
    private static final Logger LOG = Logger.getLogger(LocalUnits.class);
    /** The first wait before a CU that cannot answer yet is asked again (then doubling). */
    private static final Duration CU_FIRST_BACKOFF = Duration.ofMillis(250);

    /** Only where the SU runs ({@code ao4j.su.enabled}); elsewhere the CU reaches SUs over HTTP. */
    @Produces
    @Singleton
    @LookupIfProperty(name = "ao4j.su.enabled", stringValue = "true", lookupIfMissing = true)
    LocalSu localSu(SchedulerService scheduler) {
        return new InProcessSuClient(scheduler);
    }

    @Produces
    @Singleton
    Schedulers schedulers(MuConfig mu, SuConfig su, Instance<SchedulerService> scheduler, HttpSchedulers http) {
        if (mu.suUrl().isPresent() || !su.enabled()) {
            LOG.infof("MU: SUs over HTTP (default %s)", mu.suUrl().orElse("this node's /su"));
            return http;
        }
        return new InProcessSchedulers(scheduler.get(), http);
    }

    @Produces
    @Singleton
    ComputeUnit computeUnit(MuConfig mu, Instance<ComputeService> compute, HttpComputeUnit http) {
        ComputeUnit cu;
        if (mu.cuUrl().isPresent()) {
            LOG.infof("MU: the CU over HTTP at %s", mu.cuUrl().get());
            cu = http;
        } else {
            cu = new InProcessComputeUnit(compute.get());
        }
        return new RetryingComputeUnit(cu, mu.cuAttempts(), CU_FIRST_BACKOFF);
    }
}
