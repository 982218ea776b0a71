package dev.ao4j.cli.client;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Signer;
import dev.ao4j.arweave.ans104.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Signed AO items as aoconnect builds them: the caller's tags first (protocol tags they name are replaced),
 * then {@code Data-Protocol: ao}, {@code Variant: ao.TN.1} and the {@code Type}.
 */
public final class AoItems {
    private static final Set<String> PROTOCOL = Set.of("Data-Protocol", "Variant", "Type");

    private AoItems() {}

    public static DataItem message(Signer signer, String process, List<Tag> tags, String data) throws Ans104Exception {
        return DataItem.sign(signer, process, null, withProtocol(tags, "Message"), bytes(data));
    }

    /**
     * A spawn: {@code Module}, {@code Scheduler} and, when known, {@code Authority} (the MU, so that aos trusts
     * messages the MU delivers on behalf of other processes) before the caller's tags.
     */
    public static DataItem process(Signer signer, String module, String scheduler, String authority, List<Tag> tags,
                                   String data) throws Ans104Exception {
        List<Tag> all = new ArrayList<>();
        all.add(new Tag("Module", module));
        all.add(new Tag("Scheduler", scheduler));
        if (authority != null) {
            all.add(new Tag("Authority", authority));
        }
        all.addAll(tags);
        return DataItem.sign(signer, null, null, withProtocol(all, "Process"), bytes(data));
    }

    public static List<Tag> withProtocol(List<Tag> tags, String type) {
        List<Tag> all = new ArrayList<>();
        tags.stream().filter(t -> !PROTOCOL.contains(t.name())).forEach(all::add);
        all.add(new Tag("Data-Protocol", "ao"));
        all.add(new Tag("Variant", "ao.TN.1"));
        all.add(new Tag("Type", type));
        return all;
    }

    /** aoconnect sends a single space for empty data. */
    private static byte[] bytes(String data) {
        return (data == null || data.isEmpty() ? " " : data).getBytes(StandardCharsets.UTF_8);
    }
}
