package dev.ao4j.metrics;

/**
 * What the units report to operators, as a port: core and adapter classes call it, and the node wires an
 * implementation (Prometheus through Micrometer). {@link #NONE} records nothing (tests, benchmarks).
 */
public interface UnitMetrics {
    UnitMetrics NONE = new UnitMetrics() {};

    /** The SU gave a message (or a spawn, or an assignment) its slot in a process's log. */
    default void sequenced() {}

    /** The CU evaluated one message (or cron tick, or dry-run) in {@code nanos}; {@code failed}: an Error result. */
    default void evaluated(long nanos, boolean failed) {}
}
