package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import java.nio.charset.StandardCharsets;

/**
 * Deterministic crank task ids: the hash of what identifies a step (its kind, the result it comes from, the
 * outbox index…), so a step that runs again enqueues the ids it enqueued before, which the queue ignores.
 */
public final class TaskKeys {
    private TaskKeys() {}

    public static String of(String... parts) {
        byte[][] bytes = new byte[parts.length * 2][];
        for (int i = 0; i < parts.length; i++) {
            bytes[2 * i] = (parts[i] == null ? "" : parts[i]).getBytes(StandardCharsets.UTF_8);
            bytes[2 * i + 1] = new byte[] {0};
        }
        return Base64Url.encode(Hashes.sha256(bytes));
    }
}
