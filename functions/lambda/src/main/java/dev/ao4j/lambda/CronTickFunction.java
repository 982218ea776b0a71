package dev.ao4j.lambda;

import io.quarkus.funqy.Funq;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** The EventBridge Scheduler-triggered cron tick: one pass of the MU's cron monitor per event. */
public class CronTickFunction {
    private static final Logger LOG = Logger.getLogger(CronTickFunction.class);

    @Inject
    Instance<CronPass> pass;

    @Funq(LambdaFunctions.CRON_TICK)
    public CronTickResult cronTick(ScheduledEvent event) throws Exception {
        if (!pass.isResolvable()) {
            throw new IllegalStateException("no cron monitor is deployed");
        }
        int enqueued = pass.get().run();
        LOG.infof("cron tick %s (%s): %d crank steps enqueued", event == null ? "-" : event.id(),
                event == null ? "-" : event.time(), enqueued);
        return new CronTickResult(enqueued);
    }
}
