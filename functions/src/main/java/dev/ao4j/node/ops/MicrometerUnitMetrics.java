package dev.ao4j.node.ops;

import dev.ao4j.metrics.UnitMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.TimeUnit;

/**
 * The units' metrics in Prometheus form (GET /q/metrics): {@code ao4j_su_messages_sequenced_total},
 * {@code ao4j_cu_evaluation_seconds} (count = messages evaluated, by outcome), and the MU's
 * {@code ao4j_mu_messages_accepted_total} and {@code ao4j_mu_steps_cranked_total}. Created at start, so that
 * the SU and CU series are listed (at zero) before the first message, as Prometheus expects of a series.
 */
@Startup
@ApplicationScoped
public class MicrometerUnitMetrics implements UnitMetrics {
    private final MeterRegistry registry;
    private final Counter sequenced;
    private final Timer evaluatedOk;
    private final Timer evaluatedError;

    public MicrometerUnitMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sequenced = Counter.builder("ao4j.su.messages.sequenced")
                .description("Messages, spawns and assignments the SU gave a slot").register(registry);
        this.evaluatedOk = evaluation(registry, "ok");
        this.evaluatedError = evaluation(registry, "error");
    }

    private static Timer evaluation(MeterRegistry registry, String outcome) {
        return Timer.builder("ao4j.cu.evaluation").description("Messages the CU evaluated, and how long each took")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void sequenced() {
        sequenced.increment();
    }

    @Override
    public void evaluated(long nanos, boolean failed) {
        (failed ? evaluatedError : evaluatedOk).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The MU accepted a signed item or an assignment request (answered 202). */
    void accepted(String kind) {
        registry.counter("ao4j.mu.messages.accepted", "kind", kind).increment();
    }

    /** The MU ran one crank step (push, pull result, deliver, spawn…) of the given type. */
    void cranked(String type, boolean failed) {
        registry.counter("ao4j.mu.steps.cranked", "type", type, "outcome", failed ? "error" : "ok").increment();
    }
}
