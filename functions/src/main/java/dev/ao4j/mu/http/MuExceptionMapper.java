package dev.ao4j.mu.http;

import dev.ao4j.http.ApiExceptionMapper;
import dev.ao4j.mu.core.MuException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders the MU's refusals as AO's {@code {"error": ...}}; a status below 400 means a unit it called failed: 503. */
public final class MuExceptionMapper {
    @ServerExceptionMapper
    public Response mu(MuException e) {
        return ApiExceptionMapper.error(e.status() < 400 ? 503 : e.status(), e.getMessage());
    }
}
