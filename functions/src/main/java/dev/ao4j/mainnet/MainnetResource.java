package dev.ao4j.mainnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.http.ApiException;
import dev.ao4j.mu.core.Messenger;
import dev.ao4j.protocol.VerifiedItem;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.Slot;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HyperBEAM's HTTP surface as aoconnect's {@code MODE: 'mainnet'} speaks it, over the same SU, CU and MU as the legacy
 * routes: a process spawned here is an ordinary process of this node, readable by legacy clients, and the other way
 * round. aoconnect POSTs one ANS-104 item signed by the caller ({@code Content-Type: application/ans104}); other
 * clients sign the HTTP message (RFC 9421) or, for reads, nothing. Every signature is verified ({@link Callers}). The
 * URL path says what is asked, so a {@code compute}, {@code slot} or {@code as=execution} request is a read and never
 * takes a slot. Sources: {@code @permaweb/aoconnect} 0.0.98 {@code dist/index.js}; permaweb/HyperBEAM
 * {@code src/dev_meta.erl}, {@code src/dev_process.erl}, {@code src/dev_scheduler.erl}, {@code src/dev_push.erl}
 * (docs/mainnet.md).
 */
@Path("/")
public class MainnetResource {
    /** A process or message id in a path. */
    private static final String ID = "[A-Za-z0-9_-]{43}";
    private static final String PROCESS = "{process: " + ID + "}";
    private static final String RESULT = PROCESS + "{device: (~process@1\\.0)?}/compute/results={ref: [A-Za-z0-9_-]{1,43}}";
    private static final String CURRENT_SLOT = PROCESS + "{device: (~process@1\\.0)?}/slot/current";
    private static final String NOW = PROCESS + "~process@1.0/now";
    private static final String DRY_RUN = PROCESS + "~process@1.0/as=execution/compute{tags: (&[^/]*)?}";

    @Inject
    SchedulerService scheduler;

    @Inject
    ComputeService compute;

    @Inject
    Messenger messenger;

    /** {@code dev_meta}: the node's scheduler address, as text; aoconnect also takes it as the default Authority. */
    @GET
    @Path("~meta@1.0/info/address")
    @Produces(MediaType.TEXT_PLAIN)
    public String address() {
        return scheduler.address();
    }

    @GET
    @Path("~meta@1.0/info")
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode info() {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("address", scheduler.address());
        info.put("node", "ao4j");
        info.putArray("variants").add("ao.N.1").add("ao.TN.1");
        info.put("timestamp", scheduler.now());
        info.put("block-height", scheduler.blockHeight());
        return info;
    }

    /** Spawn: the signed item is the Process itself; its id comes back in the {@code process} header. */
    @POST
    @Path("push")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response spawn(@Context HttpServerRequest http, byte[] body) {
        VerifiedItem item = scheduledItem(http, body);
        String type = item.item().tag("Type").orElse("none");
        if (!"Process".equals(type)) {
            throw ApiException.badRequest("POST /push spawns: the item must have Type Process, not " + type
                    + "; messages go to /{process}~process@1.0/push");
        }
        String process = messenger.accept(item);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("process", process).put("slot", 0);
        return Response.ok(answer).header("process", process).build();
    }

    /** A message to a process: scheduled (and cranked) like a legacy one; answers its slot and id. */
    @POST
    @Path(PROCESS + "~process@1.0/push")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("process") String process, @Context HttpServerRequest http, byte[] body) {
        VerifiedItem item = scheduledItem(http, body);
        if (!process.equals(item.item().target().orElse(null))) {
            throw ApiException.badRequest("the message's target must be the process in the path, " + process);
        }
        String id = messenger.accept(item);
        Slot slot = scheduler.message(process, id).orElseThrow(() ->
                ApiException.notFound("message " + id + " is not in the log of process " + process));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("slot", slot.nonce()).put("id", id)
                .put("process", process);
        return Response.ok(answer).header("id", id).header("slot", Long.toString(slot.nonce())).build();
    }

    /** The result of a slot (a number) or a message (an id), with the legacy result under {@code raw}. */
    @POST
    @Path(RESULT)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode result(@PathParam("process") String process, @PathParam("ref") String ref,
                             @Context HttpServerRequest http, byte[] body) {
        Callers.of(http, body);
        return raw(process, compute.result(messageAt(process, ref), process));
    }

    @GET
    @Path(RESULT)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode resultByGet(@PathParam("process") String process, @PathParam("ref") String ref,
                                  @Context HttpServerRequest http) {
        return result(process, ref, http, null);
    }

    /** The newest slot of the process, as text. */
    @POST
    @Path(CURRENT_SLOT)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String currentSlot(@PathParam("process") String process, @Context HttpServerRequest http, byte[] body) {
        Callers.of(http, body);
        return Long.toString(latest(process).nonce());
    }

    @GET
    @Path(CURRENT_SLOT)
    @Produces(MediaType.TEXT_PLAIN)
    public String currentSlotByGet(@PathParam("process") String process, @Context HttpServerRequest http) {
        return currentSlot(process, http, null);
    }

    /** Everything scheduled is computed; answers the newest slot's result. */
    @POST
    @Path(NOW)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode now(@PathParam("process") String process, @Context HttpServerRequest http, byte[] body) {
        Callers.of(http, body);
        return raw(process, compute.result(latest(process).messageId(), process));
    }

    @GET
    @Path(NOW)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode nowByGet(@PathParam("process") String process, @Context HttpServerRequest http) {
        return now(process, http, null);
    }

    /**
     * A dry-run: the caller's message evaluated read-only on the latest state. Its tags are the {@code &Name=Value}
     * pairs of the path (aoconnect puts them there); its id, owner and data are the caller's (see {@link Caller}).
     */
    @POST
    @Path(DRY_RUN)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode dryRun(@PathParam("process") String process, @Encoded @PathParam("tags") String tags,
                             @Context HttpServerRequest http, byte[] body) {
        ObjectNode message = DryRunBody.of(Callers.of(http, body), process, PathTags.parse(tags));
        latest(process);
        return raw(process, compute.dryRun(process, null, message));
    }

    @GET
    @Path(DRY_RUN)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode dryRunByGet(@PathParam("process") String process, @Encoded @PathParam("tags") String tags,
                                  @Context HttpServerRequest http) {
        return dryRun(process, tags, http, null);
    }

    /**
     * What a push schedules: the ANS-104 item of the body, verified once here and handed on as verified. The SU's
     * log is a log of ANS-104 items, which AO's CU and legacy clients read; a request signed only as an HTTP message
     * has no such item, so it cannot be scheduled.
     */
    private static VerifiedItem scheduledItem(HttpServerRequest http, byte[] body) {
        return switch (Callers.of(http, body)) {
            case Caller.SignedItem signed -> signed.verified();
            case Caller.HttpSigned signed -> throw ApiException.badRequest("a push must be an ANS-104 item signed by "
                    + signed.owner() + " (signing-format ans104, aoconnect's default): this node's log holds ANS-104 "
                    + "items, and an HTTP message signature has no ANS-104 form");
            case Caller.Anonymous anonymous -> throw ApiException.badRequest(
                    "the request body must be a signed ANS-104 data item");
        };
    }

    private String messageAt(String process, String ref) {
        if (ref.length() == 43) {
            return ref;
        }
        if (!ref.chars().allMatch(Character::isDigit) || ref.length() > 18) {
            throw ApiException.badRequest("results= takes a slot number or a message id, not '" + ref + "'");
        }
        return scheduler.slot(process, Long.parseLong(ref)).map(Slot::messageId).orElseThrow(() ->
                ApiException.notFound("process " + process + " has no slot " + ref));
    }

    private Slot latest(String process) {
        return scheduler.latest(process).orElseThrow(() -> ApiException.notFound("process " + process + " not found"));
    }

    /** HyperBEAM's JSON answer of a computed slot: the legacy result under {@code raw}. */
    private static ObjectNode raw(String process, JsonNode result) {
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.put("process", process);
        answer.set("raw", result);
        return answer;
    }
}
