package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The tags the MU puts on the items it signs for a process's outbox, as AO's MU does (AO-PROTOCOL §2). */
public final class OutboxTags {
    private static final Set<String> MESSAGE_REPLACED =
            Set.of("Data-Protocol", "Type", "From-Process", "From-Module", "Assignments", "Pushed-For");
    private static final Set<String> SPAWN_REPLACED =
            Set.of("Data-Protocol", "Type", "Variant", "From-Process", "From-Module", "Pushed-For");
    private static final Set<String> NOTICE_REPLACED =
            Set.of("Data-Protocol", "Type", "Variant", "From-Process", "Process", "Action", "Pushed-For");

    private OutboxTags() {}

    /** A pushed message: the outbox tags but the protocol ones, then those of the MU (Variant passes through). */
    public static List<Tag> message(List<Tag> outbox, String sender, String senderModule, String pushedFor) {
        List<Tag> tags = without(outbox, MESSAGE_REPLACED);
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Type", "Message"));
        tags.add(new Tag("From-Process", sender));
        if (senderModule != null) {
            tags.add(new Tag("From-Module", senderModule));
        }
        if (pushedFor != null) {
            tags.add(new Tag("Pushed-For", pushedFor));
        }
        return tags;
    }

    /** A spawned process: the spawn's tags, its parent's scheduler when it names none, then the MU's. */
    public static List<Tag> process(List<Tag> spawn, ProcessRecord parent, String pushedFor) {
        List<Tag> tags = without(spawn, SPAWN_REPLACED);
        if (tags.stream().noneMatch(tag -> tag.name().equals("Scheduler"))) {
            tags.add(new Tag("Scheduler", parent.scheduler()));
        }
        if (tags.stream().noneMatch(tag -> tag.name().equals("Module"))) {
            tags.add(new Tag("Module", parent.module()));
        }
        tags.add(new Tag("Variant", "ao.TN.1"));
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Type", "Process"));
        tags.add(new Tag("From-Process", parent.id()));
        if (parent.module() != null) {
            tags.add(new Tag("From-Module", parent.module()));
        }
        if (pushedFor != null) {
            tags.add(new Tag("Pushed-For", pushedFor));
        }
        return tags;
    }

    /**
     * The {@code Action: Spawned} notice to the parent: the spawn's own tags (so aos matches its
     * {@code Reference}) with {@code From-Process} = the parent, so the CU makes {@code From} the parent.
     */
    public static List<Tag> spawned(List<Tag> spawn, String parent, String child, String pushedFor) {
        List<Tag> tags = without(spawn, NOTICE_REPLACED);
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Variant", "ao.TN.1"));
        tags.add(new Tag("Type", "Message"));
        tags.add(new Tag("From-Process", parent));
        tags.add(new Tag("Process", child));
        tags.add(new Tag("Action", "Spawned"));
        if (pushedFor != null) {
            tags.add(new Tag("Pushed-For", pushedFor));
        }
        return tags;
    }

    private static List<Tag> without(List<Tag> tags, Set<String> names) {
        List<Tag> kept = new ArrayList<>();
        for (Tag tag : tags) {
            if (!names.contains(tag.name())) {
                kept.add(tag);
            }
        }
        return kept;
    }
}
