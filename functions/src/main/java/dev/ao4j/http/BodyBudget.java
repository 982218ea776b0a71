package dev.ao4j.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Bounds the request bodies the node receives at once: each request with a body reserves its Content-Length (a
 * chunked one: the largest body allowed) from {@code ao4j.http.max-in-flight-body-bytes} until its answer is sent.
 * Past the budget a request is answered 503 with {@code Retry-After} before its body is read, so many slow
 * 16 MiB uploads cannot hold the heap. One request is always admitted, however large, so a budget below the body
 * limit cannot lock out a legitimate upload.
 */
@Singleton
public class BodyBudget {
    private final AtomicLong inFlight = new AtomicLong();
    private final long budget;
    private final long maxBody;

    BodyBudget(HttpConfig config, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        this.budget = config.maxInFlightBodyBytes();
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(-100).handler(this::admit);
    }

    private void admit(RoutingContext context) {
        long reserve = reservation(context);
        if (reserve == 0) {
            context.next();
            return;
        }
        long after = inFlight.addAndGet(reserve);
        if (after > budget && after != reserve) {
            inFlight.addAndGet(-reserve);
            context.response().setStatusCode(503).putHeader("Retry-After", "1")
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .end(new JsonObject().put("error", "the node is receiving as many request bodies as it may"
                            + " (ao4j.http.max-in-flight-body-bytes); retry").encode());
            return;
        }
        context.addEndHandler(done -> inFlight.addAndGet(-reserve));
        context.next();
    }

    private long reservation(RoutingContext context) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Math.min(Math.max(0, Long.parseLong(length.trim())), maxBody);
            } catch (NumberFormatException e) {
                return maxBody;
            }
        }
        return context.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null ? maxBody : 0;
    }
}
