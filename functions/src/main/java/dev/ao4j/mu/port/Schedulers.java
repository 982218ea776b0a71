package dev.ao4j.mu.port;

import dev.ao4j.mu.core.MuException;
import dev.ao4j.mu.core.ProcessRecord;
import dev.ao4j.mu.core.Receipt;
import dev.ao4j.protocol.VerifiedItem;
import java.util.List;
import java.util.Optional;

/** The SUs, as the MU reaches them: each located through its Scheduler-Location record. */
public interface Schedulers {
    /** The process as its SU holds it; empty when no SU knows the id (it is then a wallet or nothing). */
    Optional<ProcessRecord> process(String processId) throws MuException;

    /**
     * Writes a signed item (Message or Process) to the SU of {@code schedulerAddress}.
     *
     * @throws MuException with the SU's own status and message when it refuses (4xx) or fails (5xx)
     */
    Receipt push(String schedulerAddress, byte[] item) throws MuException;

    /** {@link #push(String, byte[])} for an item verified already; an SU in the same process need not verify it again. */
    default Receipt push(String schedulerAddress, VerifiedItem item) throws MuException {
        return push(schedulerAddress, item.raw());
    }

    /** Assigns an existing transaction to a process on its SU; answers the assignment. */
    Receipt assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) throws MuException;
}
