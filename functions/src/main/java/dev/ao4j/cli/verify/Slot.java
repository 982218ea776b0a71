package dev.ao4j.cli.verify;

/** One place in a process's log: its nonce, the message (or assigned id) it orders, and its timestamp. */
public record Slot(long nonce, String messageId, long timestamp) {}
