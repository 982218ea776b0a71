package dev.ao4j.su.http;

import dev.ao4j.http.ApiExceptionMapper;
import dev.ao4j.su.core.SchedulingException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders the SU's refusals as AO's {@code {"error": ...}}, one status per kind. */
public final class SchedulingExceptionMapper {
    @ServerExceptionMapper
    public Response scheduling(SchedulingException e) {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case TOO_LARGE -> 413;
            case UNAVAILABLE -> 503;
        };
        return ApiExceptionMapper.error(status, e.getMessage());
    }
}
