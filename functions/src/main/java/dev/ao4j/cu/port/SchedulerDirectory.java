package dev.ao4j.cu.port;

/** Finds the SU of a process (through its Scheduler-Location record). */
public interface SchedulerDirectory {
    /** The SU that orders {@code processId}; 503 when it cannot be located. */
    SuClient forProcess(String processId);
}
