package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;
import java.util.Optional;

/**
 * A process as the CU evaluates it, read from its SU's {@code /processes/{id}}.
 *
 * @param owner       the owner's address (EIP-55 for Ethereum keys)
 * @param timestamp   the process's own slot timestamp (ms): the origin of time crons
 * @param blockHeight the block of the process's slot: the origin of block crons
 */
public record ProcessMeta(String id, String owner, List<Tag> tags, long timestamp, long blockHeight,
                          String signature, String anchor, String data) {
    public ProcessMeta {
        tags = List.copyOf(tags);
    }

    public Optional<String> tag(String name) {
        return TagJson.first(tags, name);
    }

    public String moduleId() {
        return tag("Module").orElseThrow(() -> ProtocolException.unprocessable("process " + id + " has no Module tag"));
    }
}
