package dev.ao4j.cu.core;

/** How far to evaluate: up to and including a scheduled slot, or everything the SU has (and crons up to now). */
public sealed interface Target {
    record Slot(long timestamp, long nonce) implements Target {}

    record Latest() implements Target {}

    Target LATEST = new Latest();
}
