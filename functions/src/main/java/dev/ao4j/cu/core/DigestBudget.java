package dev.ao4j.cu.core;

/**
 * How many bytes of memory copies may wait to be hashed at once, over all processes of a CU. A request whose copy
 * would not fit hashes the live memory instead, before the process is used again (slower for the next request,
 * but bounded).
 */
final class DigestBudget {
    private final long capacity;
    private long used;

    DigestBudget(long capacity) {
        this.capacity = capacity;
    }

    /** The budget a CU with {@code loadedMemoryBytes} of loaded processes gives its copies: an eighth of it. */
    static DigestBudget forLoadedMemory(long loadedMemoryBytes) {
        return new DigestBudget(Math.max(1, loadedMemoryBytes / 8));
    }

    synchronized boolean tryTake(long bytes) {
        if (bytes > capacity - used) {
            return false;
        }
        used += bytes;
        return true;
    }

    synchronized void giveBack(long bytes) {
        used = Math.max(0, used - bytes);
    }
}
