package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;

/**
 * What the MU needs to know about a process, as its SU keeps it: its scheduler's address, its module, its tags and
 * its owner's address (null when the SU did not say).
 */
public record ProcessRecord(String id, String scheduler, String module, List<Tag> tags, String owner) {
    public ProcessRecord {
        tags = List.copyOf(tags);
    }
}
