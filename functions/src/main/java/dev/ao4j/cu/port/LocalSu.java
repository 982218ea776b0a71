package dev.ao4j.cu.port;

/**
 * An SU running in the same process as this CU (the node's own), which the CU asks first: it knows the processes
 * the permanent store does not have yet (the SU uploads in the background). The composition root provides it.
 */
public interface LocalSu extends SuClient {
    /** The SU's wallet address, as its Scheduler-Location record names it. */
    String address();

    /** Whether the process's log is this SU's. */
    boolean knows(String processId);
}
