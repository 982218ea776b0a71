package dev.ao4j.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ao4j.cu.port.LocalSu;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import dev.ao4j.su.core.SchedulerService;
import java.util.Optional;

/**
 * The CU's port to the SU in the same JVM (the node): the same JSON the SU's HTTP API serves, without the HTTP.
 * It lives in the composition root because it joins two units.
 */
public final class InProcessSuClient implements LocalSu {
    private final SchedulerService scheduler;

    public InProcessSuClient(SchedulerService scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public String address() {
        return scheduler.address();
    }

    @Override
    public boolean knows(String processId) {
        return scheduler.process(processId).isPresent();
    }

    @Override
    public Optional<JsonNode> process(String processId) {
        return scheduler.process(processId).map(SuWire::process);
    }

    @Override
    public Optional<JsonNode> message(String processId, String messageId) {
        return scheduler.message(processId, messageId).map(SuWire::message);
    }

    @Override
    public JsonNode page(String processId, Long from, Long to, int limit) {
        // The SU's page limit binds the in-process CU too; a smaller page only means one more round.
        int pageSize = Math.max(1, Math.min(limit, scheduler.limits().maxPageSlots()));
        SchedulerService.LogPage page = scheduler.page(processId, from == null ? -1 : from,
                to == null ? Long.MAX_VALUE : to, pageSize);
        return SuWire.page(page.slots(), page.hasNextPage());
    }

    @Override
    public JsonNode timestamp(String processId) {
        return JsonNodeFactory.instance.objectNode()
                .put("timestamp", Long.toString(scheduler.now()))
                .put("block_height", SlotTags.blockHeightTag(scheduler.blockHeight()));
    }
}
