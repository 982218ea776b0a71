package dev.ao4j.wasm;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums the CPU time of Truffle's compiler threads, which compile the hot wasm functions in the background. The sum
 * stays monotonic: a thread that ended keeps the time it was last seen with.
 */
final class CompilerClock {
    private static final String COMPILER_THREAD = "TruffleCompilerThread";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<Long, Long> lastSeen = new HashMap<>();
    private long ended;

    synchronized long cpuNanos() {
        if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
            return -1;
        }
        Map<Long, Long> now = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null && info.getThreadName().startsWith(COMPILER_THREAD)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                now.put(info.getThreadId(), cpu >= 0 ? cpu : lastSeen.getOrDefault(info.getThreadId(), 0L));
            }
        }
        for (Map.Entry<Long, Long> seen : lastSeen.entrySet()) {
            if (!now.containsKey(seen.getKey())) {
                ended += seen.getValue();
            }
        }
        lastSeen.clear();
        lastSeen.putAll(now);
        return ended + now.values().stream().mapToLong(Long::longValue).sum();
    }
}
