package dev.ao4j.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import java.util.List;
import java.util.Optional;

/** One CU's attestations of every slot, compared with the replay's, stopping at the first that differs. */
public final class CuCheck {
    /** How a CU fared. */
    public sealed interface Outcome {
        String cu();
    }

    /** It agrees at every slot; {@code memoryUnstated} slots had a result it never hashed the memory of. */
    public record Agrees(String cu, int slots, int memoryUnstated) implements Outcome {}

    /** The first slot where it differs from the replay, and what differs. */
    public record Differs(String cu, Slot slot, String what) implements Outcome {}

    /** It could not be asked (unreachable, or it failed). */
    public record Unavailable(String cu, String reason) implements Outcome {}

    private CuCheck() {}

    public static Outcome check(NodeClient client, String cu, String processId, List<Slot> slots, Replay replay) {
        try {
            client.result(cu, slots.getLast().messageId(), processId); // the CU evaluates up to the last slot
        } catch (NodeException e) {
            if (!answered(e)) {
                return new Unavailable(cu, e.getMessage());
            }
        }
        int unstated = 0;
        for (Slot slot : slots) {
            Optional<Attested> replayed = replay.at(processId, slot.messageId());
            Optional<Attested> stated;
            try {
                stated = attestation(client, cu, processId, slot);
            } catch (NodeException e) {
                return new Unavailable(cu, e.getMessage());
            } catch (IllegalArgumentException e) {
                return new Differs(cu, slot, "its attestation does not hold: " + e.getMessage());
            }
            if (replayed.isEmpty() || stated.isEmpty()) {
                if (replayed.isPresent() != stated.isPresent()) {
                    return new Differs(cu, slot, replayed.isPresent() ? "the CU has no result, the replay has one"
                            : "the CU has a result, the replay has none (it repeats an evaluated message)");
                }
                continue;
            }
            String what = replayed.get().difference(stated.get());
            if (what != null) {
                return new Differs(cu, slot, what);
            }
            unstated += stated.get().memorySha256() == null ? 1 : 0;
        }
        return new Agrees(cu, slots.size(), unstated);
    }

    private static Optional<Attested> attestation(NodeClient client, String cu, String processId, Slot slot)
            throws NodeException {
        JsonNode attestation;
        try {
            attestation = client.attestation(cu, slot.messageId(), processId);
        } catch (NodeException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(Attested.of(attestation, processId, slot.messageId()));
    }

    /** The CU answered with a refusal about the message (e.g. 404 for a repeated message), not a failure. */
    private static boolean answered(NodeException e) {
        return e.status() >= 400 && e.status() < 500;
    }
}
