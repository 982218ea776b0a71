package dev.ao4j.mu.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.http.ApiException;
import dev.ao4j.mu.core.Messenger;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.List;

/** The messenger's HTTP API, wire-compatible with AO's MU (AO-PROTOCOL §2), under {@code /mu}. */
@Path("/mu")
@RunOnVirtualThread
public class MessengerResource {
    @Inject
    Messenger messenger;

    @Inject
    @Named("mu")
    dev.ao4j.arweave.wallet.Wallet wallet;

    @GET
    public Response info() {
        return text("ao messenger unit");
    }

    /** The MU's wallet address: the one to list in a process's {@code Authority} tags. */
    @GET
    @Path("/info")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode address() {
        return JsonNodeFactory.instance.objectNode().put("address", wallet.address()).put("timestamp", System.currentTimeMillis());
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response write(byte[] body, @QueryParam("process-id") String processId, @QueryParam("assign") String assign,
                          @QueryParam("base-layer") String baseLayer, @QueryParam("exclude") String exclude) {
        if (processId == null && assign == null) {
            String id = messenger.accept(body);
            return accepted("Processing DataItem", id);
        }
        if (processId == null || assign == null) {
            throw ApiException.badRequest("an assignment needs both process-id and assign");
        }
        String id = messenger.assign(processId, assign, baseLayer != null, excluded(exclude));
        return accepted("Processing Assignment", id);
    }

    /** Re-pushes outbox message {@code number} of a result (AO's newer MU route). */
    @POST
    @Path("/push/{id}/{number}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("id") String messageId, @PathParam("number") String number,
                         @QueryParam("process-id") String processId) {
        messenger.push(processId, messageId, number);
        return accepted("Processing Message Result", messageId);
    }

    @POST
    @Path("/monitor/{process}")
    @Consumes(MediaType.WILDCARD)
    public Response monitor(@PathParam("process") String processId, byte[] body) {
        messenger.monitor(processId, body);
        return text("Monitoring process");
    }

    @DELETE
    @Path("/monitor/{process}")
    @Consumes(MediaType.WILDCARD)
    public Response unmonitor(@PathParam("process") String processId, byte[] body) {
        messenger.unmonitor(processId, body);
        return text("Process deleted");
    }

    /** AO's MU answers these in plain text, whatever the client accepts. */
    private static Response text(String body) {
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE).build();
    }

    private static Response accepted(String message, String id) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("message", message).put("id", id);
        return Response.status(202).type(MediaType.APPLICATION_JSON_TYPE).entity(node).build();
    }

    private static List<String> excluded(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
