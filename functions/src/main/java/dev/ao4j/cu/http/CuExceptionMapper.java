package dev.ao4j.cu.http;

import dev.ao4j.cu.core.CuException;
import dev.ao4j.http.ApiExceptionMapper;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders the CU's refusals as AO's {@code {"error": ...}} with the status the CU chose. */
public final class CuExceptionMapper {
    @ServerExceptionMapper
    public Response cu(CuException e) {
        Response error = ApiExceptionMapper.error(e.status(), e.getMessage());
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(error).header("Retry-After", e.retryAfterSeconds()).build()
                : error;
    }
}
