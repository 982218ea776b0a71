package dev.ao4j.cu.port;

import dev.ao4j.cu.core.Position;
import java.util.Optional;

/** Process memory checkpoints kept on the permanent store as {@code Type: Checkpoint} items. */
public interface CheckpointStore {
    /**
     * @param memorySha256 hex SHA-256 of the uncompressed memory
     * @param messageId    the last evaluated scheduled message id
     */
    record Checkpoint(String id, String processId, String moduleId, Position position, String messageId,
                      String memorySha256, ProcessRuntime.Image image) {}

    /** Signs and stores the image; answers the checkpoint item id. */
    String write(String processId, String moduleId, Position position, String messageId, ProcessRuntime.Image image,
                 String memorySha256);

    /** The newest checkpoint of the process signed by a trusted owner. */
    Optional<Checkpoint> newest(String processId);
}
