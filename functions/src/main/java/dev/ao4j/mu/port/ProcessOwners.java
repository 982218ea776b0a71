package dev.ao4j.mu.port;

import java.util.Optional;

/** Who owns a process: the wallet address that signed its Process item. */
public interface ProcessOwners {
    /** The owner's address; empty when the process item cannot be found (yet). */
    Optional<String> owner(String processId);
}
