package dev.ao4j.mu.core;

/**
 * An SU's answer to a write: the id now in the log (for a push re-signed after a crash, the id of the copy the
 * SU already held) and its timestamp.
 */
public record Receipt(String id, long timestamp) {}
