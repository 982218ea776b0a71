package dev.ao4j.mainnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.http.ApiException;
import dev.ao4j.mu.core.Messenger;
import dev.ao4j.protocol.AoItems;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.Slot;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Encoded;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HyperBEAM's HTTP surface as aoconnect's {@code MODE: 'mainnet'} speaks it, over the same SU, CU and MU as the legacy
 * routes: a process spawned here is an ordinary process of this node, readable by legacy clients, and the other way
 * round. Every POST carries one ANS-104 item signed by the caller ({@code Content-Type: application/ans104}); the
 * URL path says what is asked, so a {@code compute}, {@code slot} or {@code as=execution} request is a read and never
 * takes a slot. Sources: {@code @permaweb/aoconnect} 0.0.98 {@code dist/index.js}; permaweb/HyperBEAM
 * {@code src/dev_meta.erl}, {@code src/dev_process.erl}, {@code src/dev_scheduler.erl}, {@code src/dev_push.erl}
 * (docs/mainnet.md).
 */
@Path("/")
public class MainnetResource {
    /** A process or message id in a path. */
    private static final String ID = "[A-Za-z0-9_-]{43}";

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
    public Response spawn(byte[] body) {
        DataItem item = AoItems.signedItem(body);
        if (!"Process".equals(item.tag("Type").orElse(null))) {
            throw ApiException.badRequest("POST /push spawns: the item must have Type Process, not "
                    + item.tag("Type").orElse("none") + "; messages go to /{process}~process@1.0/push");
        }
        String process = messenger.accept(body);
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("process", process).put("slot", 0);
        return Response.ok(answer).header("process", process).build();
    }

    /** A message to a process: scheduled (and cranked) like a legacy one; answers its slot and id. */
    @POST
    @Path("{process: " + ID + "}~process@1.0/push")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response push(@PathParam("process") String process, byte[] body) {
        DataItem item = AoItems.signedItem(body);
        if (!process.equals(item.target().orElse(null))) {
            throw ApiException.badRequest("the message's target must be the process in the path, " + process);
        }
        String id = messenger.accept(body);
        Slot slot = scheduler.message(process, id).orElseThrow(() ->
                ApiException.notFound("message " + id + " is not in the log of process " + process));
        ObjectNode answer = JsonNodeFactory.instance.objectNode().put("slot", slot.nonce()).put("id", id)
                .put("process", process);
        return Response.ok(answer).header("id", id).header("slot", Long.toString(slot.nonce())).build();
    }

    /** The result of a slot (a number) or a message (an id), with the legacy result under {@code raw}. */
    @POST
    @Path("{process: " + ID + "}{device: (~process@1\\.0)?}/compute/results={ref: [A-Za-z0-9_-]{1,43}}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode result(@PathParam("process") String process, @PathParam("ref") String ref, byte[] body) {
        AoItems.signedItem(body);
        return raw(process, compute.result(messageAt(process, ref), process));
    }

    /** The newest slot of the process, as text. */
    @POST
    @Path("{process: " + ID + "}{device: (~process@1\\.0)?}/slot/current")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public String currentSlot(@PathParam("process") String process, byte[] body) {
        AoItems.signedItem(body);
        return Long.toString(latest(process).nonce());
    }

    /** Everything scheduled is computed; answers the newest slot's result. */
    @POST
    @Path("{process: " + ID + "}~process@1.0/now")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode now(@PathParam("process") String process, byte[] body) {
        AoItems.signedItem(body);
        Slot latest = latest(process);
        return raw(process, compute.result(latest.messageId(), process));
    }

    /**
     * A dry-run: the caller's item evaluated read-only on the latest state. Its tags are the {@code &Name=Value}
     * pairs of the path (aoconnect puts them there); its data, owner and id are the item's.
     */
    @POST
    @Path("{process: " + ID + "}~process@1.0/as=execution/compute{tags: (&[^/]*)?}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode dryRun(@PathParam("process") String process, @Encoded @PathParam("tags") String tags, byte[] body) {
        DataItem item = AoItems.signedItem(body);
        ObjectNode message = DryRunBody.of(item, process, PathTags.parse(tags));
        latest(process);
        return raw(process, compute.dryRun(process, null, message));
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
