package dev.ao4j.cu.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.cu.core.ProcessEvaluator;
import dev.ao4j.http.ApiException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** The compute unit's HTTP API, wire-compatible with AO's CU (AO-PROTOCOL §4), under {@code /cu}. */
@Path("/cu")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class ComputeResource {
    @Inject
    ComputeService compute;

    @GET
    public JsonNode info() {
        return compute.info();
    }

    @GET
    @Path("/result/{message}")
    public JsonNode result(@PathParam("message") String message, @QueryParam("process-id") String processId) {
        return compute.result(message, processId);
    }

    @GET
    @Path("/result/{message}/attestation")
    public JsonNode attestation(@PathParam("message") String message, @QueryParam("process-id") String processId) {
        return compute.attestation(message, processId);
    }

    @GET
    @Path("/results/{process}")
    public JsonNode results(@PathParam("process") String processId, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("sort") String sort,
                            @QueryParam("limit") String limit) {
        return compute.results(processId, from, to, sort, number(limit));
    }

    @POST
    @Path("/dry-run")
    @Consumes(MediaType.WILDCARD)
    public JsonNode dryRun(@QueryParam("process-id") String processId, @QueryParam("to") String to, JsonNode body) {
        return compute.dryRun(processId, to, body);
    }

    @GET
    @Path("/state/{process}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response state(@PathParam("process") String processId, @QueryParam("to") String to) {
        ProcessEvaluator.State state = compute.state(processId, to);
        // Streamed: the memory is never held unzipped in one array.
        StreamingOutput memory = out -> {
            try (var unzipped = new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(state.image().gzippedMemory()), 1 << 16)) {
                unzipped.transferTo(out);
            }
        };
        return Response.ok(memory, MediaType.APPLICATION_OCTET_STREAM_TYPE)
                .header("Last-Timestamp", state.position().timestamp())
                .header("Last-Ordinate", state.position().ordinate())
                .header("Last-Block-Height", state.position().blockHeight())
                .build();
    }

    @GET
    @Path("/cron/{process}")
    public JsonNode cron(@PathParam("process") String processId, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("limit") String limit) {
        return compute.cron(processId, from, to, number(limit));
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be a number, not '" + value + "'");
        }
    }
}
