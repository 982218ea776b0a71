package dev.ao4j.node;

import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.su.core.SchedulerService;
import io.quarkus.arc.lookup.LookupIfProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The in-process adapters that join units running in this JVM. A unit only knows its own ports; this composition
 * root decides that, on one node, the CU's {@link LocalSu} is the SU itself.
 */
@ApplicationScoped
public class LocalUnits {
    /** Only where the SU runs ({@code ao4j.su.enabled}); elsewhere the CU reaches SUs over HTTP. */
    @Produces
    @Singleton
    @LookupIfProperty(name = "ao4j.su.enabled", stringValue = "true", lookupIfMissing = true)
    LocalSu localSu(SchedulerService scheduler) {
        return new InProcessSuClient(scheduler);
    }
}
