package dev.ao4j.node.ops;

import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.CrankStepHandler;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.inject.Inject;
import org.jboss.logging.MDC;

/**
 * Around every MU crank step: counts it (by step type and outcome) and puts the process and task id in the
 * logging context, so every line the step logs names them.
 */
@Decorator
@Priority(10)
public class CrankStepMetrics implements CrankStepHandler {
    @Inject
    @Delegate
    CrankStepHandler delegate;

    @Inject
    MicrometerUnitMetrics metrics;

    @Override
    public void handle(CrankTask task) throws Exception {
        MDC.put(LogContext.PROCESS, task.group());
        MDC.put(LogContext.MESSAGE, task.id());
        boolean failed = true;
        try {
            delegate.handle(task);
            failed = false;
        } finally {
            metrics.cranked(task.type(), failed);
            MDC.remove(LogContext.PROCESS);
            MDC.remove(LogContext.MESSAGE);
        }
    }
}
