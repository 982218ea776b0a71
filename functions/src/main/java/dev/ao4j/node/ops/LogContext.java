package dev.ao4j.node.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.jboss.logging.MDC;

/**
 * Puts the AO process and message id of each HTTP request in the logging context (MDC keys {@code process}
 * and {@code message}; the console format prints them), and counts what the MU accepted.
 */
@Provider
public class LogContext implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String PROCESS = "process";
    public static final String MESSAGE = "message";

    @Inject
    MicrometerUnitMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        MultivaluedMap<String, String> path = request.getUriInfo().getPathParameters();
        String process = first(query.get("process-id"), first(path.get("process"), null));
        String message = first(path.get("message"), first(path.get("id"), first(query.get("assign"), null)));
        if (process != null) {
            MDC.put(PROCESS, process);
        }
        if (message != null) {
            MDC.put(MESSAGE, message);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 202 && "POST".equals(request.getMethod())
                && request.getUriInfo().getPath().replaceAll("/+$", "").equals("/mu")) {
            metrics.accepted(request.getUriInfo().getQueryParameters().containsKey("assign") ? "assignment" : "item");
        }
        MDC.remove(PROCESS);
        MDC.remove(MESSAGE);
    }

    private static String first(List<String> values, String fallback) {
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
