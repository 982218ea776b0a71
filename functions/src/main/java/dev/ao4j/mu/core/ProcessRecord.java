package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;

/** What the MU needs to know about a process: its scheduler's address, its module and its tags. */
public record ProcessRecord(String id, String scheduler, String module, List<Tag> tags) {
    public ProcessRecord {
        tags = List.copyOf(tags);
    }
}
