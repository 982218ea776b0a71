package dev.ao4j.cu;

import dev.ao4j.cu.core.EvaluationOrder;
import dev.ao4j.cu.core.Position;
import dev.ao4j.cu.port.CheckpointStore;
import dev.ao4j.cu.port.ProcessRuntime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Checkpoints kept in a list (the permanent-store adapter is tested against the embedded store). */
final class MemoryCheckpoints implements CheckpointStore {
    final List<Checkpoint> written = new ArrayList<>();

    @Override
    public synchronized String write(String processId, String moduleId, Position position, String messageId,
                                     ProcessRuntime.Image image, String memorySha256) {
        String id = "cp-" + written.size();
        written.add(new Checkpoint(id, processId, moduleId, position, messageId, memorySha256, image));
        return id;
    }

    @Override
    public synchronized Optional<Checkpoint> newest(String processId) {
        return written.stream().filter(c -> c.processId().equals(processId))
                .max(Comparator.comparing(Checkpoint::position, (a, b) -> EvaluationOrder.compare(a.timestamp(),
                        a.ordinate(), a.cron(), b.timestamp(), b.ordinate(), b.cron())));
    }
}
