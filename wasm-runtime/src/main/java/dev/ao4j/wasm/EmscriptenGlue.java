package dev.ao4j.wasm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.jboss.logging.Logger;

/**
 * The host side of the emscripten/WASI imports of the ao module formats, behaving as the reference loader's
 * glue does, deterministically: {@code Date.now} is a counter starting at 10000 that every glue use advances
 * (as the reference's patched {@code Date.now}), the time zone is UTC, the environment is empty, stdin is
 * empty, stdout/stderr are discarded, there is no host file system, and WeaveDrive reads go through the
 * {@link WeaveDrive} port.
 */
final class EmscriptenGlue {
    private static final Logger LOG = Logger.getLogger(EmscriptenGlue.class);

    /** The reference glue's patched Date.now starts here. */
    static final long CLOCK_START = 10_000;
    /** Date.now calls the reference glue makes while it initialises (device nodes, /data). */
    static final int CLOCK_TICKS_AT_INIT = 4;
    /** The Asyncify stack the reference glue mallocs (after a header of two pointers and an id) for every suspension. */
    private static final long ASYNCIFY_STACK_SIZE = 41_943_040L;

    /** Where a suspending import stands, as the reference glue's Asyncify state. */
    private enum Suspension { NONE, UNWINDING, REWINDING }

    private static final int EBADF = 8;
    private static final int ENOENT = 44;
    private static final int ESPIPE = 70;
    private static final int EINVAL = 28;
    private static final int ERANGE = 68;

    private final ModuleFormat format;
    private final boolean memory64;
    private final long memoryLimit;
    private final WeaveDriveFiles drive;
    private LinearMemory memory;
    private Value dynCall;
    private Value stackGetCurrent;
    private Value stackRestore;
    private Value setThrew;
    private Value malloc;
    private Value free;
    private Value tempRetSet;
    /** The gas counter of a metered module, which the module may read back ({@code metering_gasUsed}). */
    private Value gasUsed;
    private Value startUnwind;
    private Value stopUnwind;
    private Value startRewind;
    private Value stopRewind;
    private Suspension suspension = Suspension.NONE;
    private long suspensionData;
    private int suspensionResult;

    /** The reference glue's Date.now counter: the next value it returns. */
    long clock = CLOCK_START;

    EmscriptenGlue(ModuleFormat format, long memoryLimit, WeaveDriveFiles drive) {
        this.format = format;
        this.memory64 = format.memory64();
        this.memoryLimit = memoryLimit;
        this.drive = drive;
        drive.clockTick(this::nextNow);
    }

    /** A message's evaluation returned: what the reference does before the next one (see WeaveDriveFiles). */
    void messageEnded() {
        drive.messageEnded();
    }

    void bind(Value exports, LinearMemory memory) {
        this.memory = memory;
        this.dynCall = exports.getMember(memory64 ? "dynCall_vjj" : "dynCall_vii");
        this.stackGetCurrent = exports.getMember("emscripten_stack_get_current");
        this.stackRestore = exports.getMember("_emscripten_stack_restore");
        this.setThrew = exports.getMember("setThrew");
        this.malloc = exports.getMember("malloc");
        this.free = exports.getMember("free");
        this.tempRetSet = exports.getMember("_emscripten_tempret_set");
        this.gasUsed = exports.getMember(GasMetering.USED);
        this.startUnwind = exports.getMember("asyncify_start_unwind");
        this.stopUnwind = exports.getMember("asyncify_stop_unwind");
        this.startRewind = exports.getMember("asyncify_start_rewind");
        this.stopRewind = exports.getMember("asyncify_stop_rewind");
    }

    long nextNow() {
        return clock++;
    }

    private long ptr(Value v) {
        return memory64 ? v.asLong() : Integer.toUnsignedLong(v.asInt());
    }

    /** An i64 argument of the wasm32 legalised ABI arrives as two i32 halves. */
    private static long pair(Value low, Value high) {
        return (Integer.toUnsignedLong(low.asInt())) | ((long) high.asInt() << 32);
    }

    private Object addressResult(long value) {
        return memory64 ? (Object) value : (Object) (int) value;
    }

    ProxyObject imports() {
        Map<String, Object> env = new HashMap<>();
        Map<String, Object> wasi = new HashMap<>();
        env.put(memory64 ? "invoke_vjj" : "invoke_vii", (ProxyExecutable) this::invokeV);
        env.put("_emscripten_throw_longjmp", (ProxyExecutable) args -> {
            throw GuestSignal.Longjmp.INSTANCE;
        });
        env.put("_abort_js", (ProxyExecutable) args -> {
            throw new GuestSignal.Halt("Aborted(native code called abort())");
        });
        // C++ (aos-llama's llama.cpp) built without exception catching: a throw aborts, as in the reference glue.
        env.put("__cxa_throw", (ProxyExecutable) args -> {
            throw new GuestSignal.Halt("Aborted(Assertion failed: Exception thrown, but exception catching is not enabled."
                    + " Compile with -sNO_DISABLE_EXCEPTION_CATCHING or -sEXCEPTION_CATCHING_ALLOWED=[..] to catch.)");
        });
        env.put("__assert_fail", (ProxyExecutable) args -> {
            throw new GuestSignal.Halt("Aborted(Assertion failed: " + memory.cString(ptr(args[0])) + ", at: "
                    + (ptr(args[1]) == 0 ? "unknown filename" : memory.cString(ptr(args[1]))) + "," + args[2].asInt() + ","
                    + (ptr(args[3]) == 0 ? "unknown function" : memory.cString(ptr(args[3]))) + ")");
        });
        // The reference prints it with console.error, which does not touch the file system (nor the clock).
        env.put("emscripten_err", (ProxyExecutable) args -> {
            LOG.debugf("process stderr: %s", memory.cString(ptr(args[0])));
            return null;
        });
        env.put("exit", (ProxyExecutable) args -> {
            throw new GuestSignal.Halt("Program terminated with exit(" + args[0].asInt() + ")");
        });
        env.put("_emscripten_memcpy_js", (ProxyExecutable) args -> {
            memory.copyWithin(ptr(args[0]), ptr(args[1]), ptr(args[2]));
            return null;
        });
        env.put("emscripten_date_now", (ProxyExecutable) args -> (double) nextNow());
        env.put("_emscripten_get_now_is_monotonic", (ProxyExecutable) args -> 1);
        env.put("emscripten_resize_heap", (ProxyExecutable) args -> resizeHeap(ptr(args[0])) ? 1 : 0);
        env.put("_tzset_js", (ProxyExecutable) this::tzset);
        env.put("_localtime_js", (ProxyExecutable) args -> {
            long time = memory64 ? args[0].asLong() : pair(args[0], args[1]);
            writeTm(ptr(args[memory64 ? 1 : 2]), time, true);
            return null;
        });
        env.put("_gmtime_js", (ProxyExecutable) args -> {
            long time = memory64 ? args[0].asLong() : pair(args[0], args[1]);
            writeTm(ptr(args[memory64 ? 1 : 2]), time, false);
            return null;
        });
        env.put("_mktime_js", (ProxyExecutable) args -> mktime(ptr(args[0])));
        env.put("strftime", (ProxyExecutable) args ->
                addressResult(Strftime.format(memory, memory64, ptr(args[0]), ptr(args[1]), ptr(args[2]), ptr(args[3]))));
        // The reference's strftime_l ignores the locale.
        env.put("strftime_l", (ProxyExecutable) args ->
                addressResult(Strftime.format(memory, memory64, ptr(args[0]), ptr(args[1]), ptr(args[2]), ptr(args[3]))));
        env.put("_emscripten_system", (ProxyExecutable) args -> ptr(args[0]) == 0 ? 0 : -52);
        // No host file system: the reference's in-memory FS holds only the standard devices and /data.
        env.put("__syscall_openat", (ProxyExecutable) args -> -ENOENT);
        env.put("__syscall_fcntl64", (ProxyExecutable) args -> isStdio(args[0].asInt()) ? 0 : -EBADF);
        env.put("__syscall_ioctl", (ProxyExecutable) this::ioctl);
        env.put("__syscall_dup3", (ProxyExecutable) args -> -EBADF);
        env.put("__syscall_unlinkat", (ProxyExecutable) args -> -ENOENT);
        env.put("__syscall_rmdir", (ProxyExecutable) args -> -ENOENT);
        env.put("__syscall_renameat", (ProxyExecutable) args -> -ENOENT);
        env.put("__syscall_readlinkat", (ProxyExecutable) args -> -ENOENT);
        // The rest of the file-system calls some modules import (aos-sqlite): paths do not exist, descriptors are
        // the standard streams only, as above.
        for (String path : List.of("__syscall_chmod", "__syscall_faccessat", "__syscall_stat64", "__syscall_lstat64",
                "__syscall_newfstatat", "__syscall_mkdirat", "__syscall_utimensat")) {
            env.put(path, (ProxyExecutable) args -> -ENOENT);
        }
        for (String descriptor : List.of("__syscall_fchmod", "__syscall_fchown32")) {
            env.put(descriptor, (ProxyExecutable) args -> isStdio(args[0].asInt()) ? 0 : -EBADF);
        }
        env.put("__syscall_fstat64", (ProxyExecutable) args -> -EBADF);
        env.put("__syscall_ftruncate64", (ProxyExecutable) args -> -EBADF);
        env.put("_munmap_js", (ProxyExecutable) args -> -EBADF);
        env.put("__syscall_getcwd", (ProxyExecutable) args -> getcwd(ptr(args[0]), ptr(args[1])));
        env.put("emscripten_get_now", (ProxyExecutable) args -> (double) nextNow());
        env.put("emscripten_get_heap_max", (ProxyExecutable) args -> addressResult(format.heapMax()));
        env.put("__asyncjs__weavedrive_open", (ProxyExecutable) args -> suspending(() -> drive.open(memory.cString(ptr(args[0])))));
        env.put("__asyncjs__weavedrive_read", (ProxyExecutable) args ->
                suspending(() -> drive.read(args[0].asInt(), memory, ptr(args[1]), ptr(args[2]))));
        env.put("__asyncjs__weavedrive_close", (ProxyExecutable) args -> suspending(() -> drive.close(args[0].asInt())));
        env.put("metering_gasUsed", (ProxyExecutable) args -> gasUsed == null ? 0L : gasUsed.execute().asLong());

        wasi.put("fd_write", (ProxyExecutable) this::fdWrite);
        wasi.put("fd_read", (ProxyExecutable) this::fdRead);
        wasi.put("fd_close", (ProxyExecutable) args -> {
            int fd = args[0].asInt();
            if (drive.isOpen(fd)) {
                return drive.close(fd);
            }
            return isStdio(fd) ? 0 : EBADF;
        });
        wasi.put("fd_seek", (ProxyExecutable) this::fdSeek);
        wasi.put("fd_sync", (ProxyExecutable) args -> isStdio(args[0].asInt()) ? 0 : EBADF);
        wasi.put("fd_fdstat_get", (ProxyExecutable) args -> fdstat(args[0].asInt(), ptr(args[1])));
        // The reference glue of these formats hands the process an empty environment.
        wasi.put("environ_sizes_get", (ProxyExecutable) args -> {
            memory.writePointer(ptr(args[0]), 0);
            memory.writePointer(ptr(args[1]), 0);
            return 0;
        });
        wasi.put("environ_get", (ProxyExecutable) args -> 0);
        return ProxyObject.fromMap(Map.of("env", ProxyObject.fromMap(env), "wasi_snapshot_preview1", ProxyObject.fromMap(wasi)));
    }

    /** The working directory is the root, as in the reference's file system. */
    private int getcwd(long buffer, long size) {
        if (size == 0) {
            return -EINVAL;
        }
        if (size < 2) {
            return -ERANGE;
        }
        memory.writeByte(buffer, (byte) '/');
        memory.writeByte(buffer + 1, (byte) 0);
        return 2;
    }

    /** The standard streams are terminals (character devices) with no rights bits set, as the reference says. */
    private int fdstat(int fd, long buffer) {
        if (!isStdio(fd)) {
            return EBADF;
        }
        memory.writeByte(buffer, (byte) 2); // byte 1 is padding the reference leaves alone
        memory.writeByte(buffer + 2, (byte) 0);
        memory.writeByte(buffer + 3, (byte) 0);
        memory.writeLong(buffer + 8, 0);
        memory.writeLong(buffer + 16, 0);
        return 0;
    }

    private static boolean isStdio(int fd) {
        return fd >= 0 && fd <= 2;
    }

    /** invoke_vjj / invoke_vii: call through the table; a longjmp restores the stack and sets the threw flag. */
    private Object invokeV(Value... args) {
        Value sp = stackGetCurrent.execute();
        try {
            dynCall.execute(args[0].asInt(), args[1], args[2]);
        } catch (PolyglotException e) {
            if (e.isHostException() && e.asHostException() instanceof GuestSignal.Longjmp) {
                stackRestore.execute(sp);
                setThrew.execute(addressResult(1), 0);
                return null;
            }
            throw e;
        }
        return null;
    }

    /**
     * The reference suspends here (Asyncify): it mallocs its 40 MB unwind buffer, unwinds, awaits, rewinds and
     * frees it. Here the read is synchronous; the malloc/free pair is kept so the heap evolves identically.
     */
    /**
     * A suspending import, as the reference glue runs it: the first call mallocs the Asyncify buffer and starts
     * unwinding the wasm stack back to the host ({@link #resumeIfSuspended}), which starts rewinding and calls
     * the export again; the rewound call of the import stops rewinding, frees the buffer and returns the result.
     * The host operation itself is synchronous, so it runs at the first call; the wasm code that the unwinding
     * and rewinding run is what a metered module is charged for, as in the reference.
     */
    private Object suspending(java.util.function.IntSupplier operation) {
        if (suspension == Suspension.REWINDING) {
            suspension = Suspension.NONE;
            stopRewind.execute();
            free.execute(addressResult(suspensionData));
            return suspensionResult;
        }
        suspensionResult = operation.getAsInt();
        if (startUnwind == null) {
            return suspensionResult;
        }
        // Header: stack position, stack end, rewind function id (padded to 8 bytes on wasm64).
        int pointerSize = memory64 ? 8 : 4;
        long header = memory64 ? 24 : 12;
        suspensionData = ptrOf(malloc.execute(addressResult(header + ASYNCIFY_STACK_SIZE)));
        memory.writePointer(suspensionData, suspensionData + header);
        memory.writePointer(suspensionData + pointerSize, suspensionData + header + ASYNCIFY_STACK_SIZE);
        memory.writeInt(suspensionData + 2L * pointerSize, 0); // id 0: handle, the first export the glue sees suspend
        startUnwind.execute(addressResult(suspensionData));
        suspension = Suspension.UNWINDING;
        return 0;
    }

    /**
     * After an export returned: true when it returned because a suspending import unwound it; rewinding has then
     * been started and the caller must call the same export again (its arguments are restored by the rewind).
     */
    boolean resumeIfSuspended() {
        if (suspension != Suspension.UNWINDING) {
            return false;
        }
        stopUnwind.execute();
        suspension = Suspension.REWINDING;
        startRewind.execute(addressResult(suspensionData));
        return true;
    }

    /** Forgets a suspension a failed evaluation left behind (the memory is rolled back separately). */
    void clearSuspension() {
        suspension = Suspension.NONE;
    }

    private long ptrOf(Value v) {
        return memory64 ? v.asLong() : Integer.toUnsignedLong(v.asInt());
    }

    /** fd_read: stdin is empty; drive files (opened through WeaveDrive) read through the port. */
    private Object fdRead(Value... args) {
        int fd = args[0].asInt();
        long iov = ptr(args[1]);
        long count = ptr(args[2]);
        if (!isStdio(fd) && !drive.isOpen(fd)) {
            return EBADF;
        }
        long total = 0;
        if (drive.isOpen(fd)) {
            int pointerSize = memory64 ? 8 : 4;
            for (long i = 0; i < count; i++) {
                long base = memory.readPointer(iov + i * 2 * pointerSize);
                long length = memory.readPointer(iov + i * 2 * pointerSize + pointerSize);
                int n = drive.read(fd, memory, base, length);
                total += n;
                if (n < length) {
                    break;
                }
            }
        }
        memory.writePointer(ptr(args[3]), total);
        return 0;
    }

    private Object fdSeek(Value... args) {
        int fd = args[0].asInt();
        if (!drive.isOpen(fd)) {
            return isStdio(fd) ? ESPIPE : EBADF;
        }
        long offset = memory64 ? args[1].asLong() : pair(args[1], args[2]);
        int whence = args[memory64 ? 2 : 3].asInt();
        long result = ptr(args[memory64 ? 3 : 4]);
        long position = drive.seek(fd, offset, whence);
        if (position < 0) {
            return 28; // EINVAL
        }
        memory.writeLong(result, position);
        return 0;
    }

    private Object fdWrite(Value... args) {
        int fd = args[0].asInt();
        long iov = ptr(args[1]);
        long count = ptr(args[2]);
        if (!isStdio(fd)) {
            return EBADF;
        }
        int pointerSize = memory64 ? 8 : 4;
        long written = 0;
        StringBuilder text = LOG.isDebugEnabled() ? new StringBuilder() : null;
        for (long i = 0; i < count; i++) {
            long base = memory.readPointer(iov + i * 2 * pointerSize);
            long length = memory.readPointer(iov + i * 2 * pointerSize + pointerSize);
            if (length > 0) {
                nextNow(); // the reference TTY stamps the device node on every non-empty write
                if (text != null) {
                    text.append(new String(memory.read(base, (int) Math.min(length, 4096)), StandardCharsets.UTF_8));
                }
            }
            written += length;
        }
        if (text != null && !text.isEmpty()) {
            LOG.debugf("process fd %d: %s", fd, text);
        }
        memory.writePointer(ptr(args[3]), written);
        return 0;
    }

    private Object ioctl(Value... args) {
        int fd = args[0].asInt();
        int op = args[1].asInt();
        if (!isStdio(fd)) {
            return -EBADF;
        }
        long argp = ptr(args[2]);
        switch (op) {
            case 21505 -> { // TCGETS: the reference TTY's default termios
                int[] flags = {25856, 5, 191, 35387};
                for (int i = 0; i < 4; i++) {
                    memory.writeInt(argp + i * 4L, flags[i]);
                }
                byte[] cc = {3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15, 23, 22, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
                for (int i = 0; i < cc.length; i++) {
                    memory.writeByte(argp + 17 + i, cc[i]);
                }
                return 0;
            }
            case 21506, 21507, 21508, 21509, 21510, 21511, 21519, 21520 -> {
                return 0;
            }
            case 21523 -> { // TIOCGWINSZ: 24 rows, 80 columns
                memory.writeInt(argp, (80 << 16) | 24);
                return 0;
            }
            default -> {
                return -28; // EINVAL
            }
        }
    }

    private Object tzset(Value... args) {
        // UTC: no offset, no daylight saving, both zone names "UTC".
        if (memory64) {
            memory.writeLong(ptr(args[0]), 0);
        } else {
            memory.writeInt(ptr(args[0]), 0);
        }
        memory.writeInt(ptr(args[1]), 0);
        byte[] utc = {'U', 'T', 'C', 0};
        memory.write(ptr(args[2]), utc, 0, utc.length);
        memory.write(ptr(args[3]), utc, 0, utc.length);
        return null;
    }

    /** Fills a {@code struct tm}; local time is UTC. */
    private void writeTm(long tm, long epochSeconds, boolean local) {
        ZonedDateTime t = Instant.ofEpochSecond(epochSeconds).atZone(ZoneOffset.UTC);
        memory.writeInt(tm, t.getSecond());
        memory.writeInt(tm + 4, t.getMinute());
        memory.writeInt(tm + 8, t.getHour());
        memory.writeInt(tm + 12, t.getDayOfMonth());
        memory.writeInt(tm + 16, t.getMonthValue() - 1);
        memory.writeInt(tm + 20, t.getYear() - 1900);
        memory.writeInt(tm + 24, t.getDayOfWeek().getValue() % 7);
        memory.writeInt(tm + 28, t.getDayOfYear() - 1);
        if (local) {
            if (memory64) {
                memory.writeLong(tm + 40, 0);
            } else {
                memory.writeInt(tm + 36, 0);
            }
            memory.writeInt(tm + 32, 0);
        }
    }

    private Object mktime(long tm) {
        int sec = memory.readInt(tm);
        int min = memory.readInt(tm + 4);
        int hour = memory.readInt(tm + 8);
        int mday = memory.readInt(tm + 12);
        int mon = memory.readInt(tm + 16);
        int year = memory.readInt(tm + 20) + 1900;
        ZonedDateTime t = ZonedDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                .plusMonths(mon).plusDays(mday - 1L).plusHours(hour).plusMinutes(min).plusSeconds(sec);
        long seconds = t.toEpochSecond();
        if (memory.readInt(tm + 32) < 0) {
            memory.writeInt(tm + 32, 0);
        }
        memory.writeInt(tm + 24, t.getDayOfWeek().getValue() % 7);
        memory.writeInt(tm + 28, t.getDayOfYear() - 1);
        memory.writeInt(tm, t.getSecond());
        memory.writeInt(tm + 4, t.getMinute());
        memory.writeInt(tm + 8, t.getHour());
        memory.writeInt(tm + 12, t.getDayOfMonth());
        memory.writeInt(tm + 16, t.getMonthValue() - 1);
        memory.writeInt(tm + 20, t.getYear() - 1900);
        if (memory64) {
            return seconds;
        }
        tempRetSet.execute((int) (seconds >> 32));
        return (int) seconds;
    }

    /**
     * emscripten_resize_heap as the reference glue grows: over-grow by 20% (then 10%, 5%, 2.5%), at most
     * requested + 96 MiB, page aligned, capped by the format's heap max. Growth past the process's
     * Memory-Limit fails the message.
     */
    private boolean resizeHeap(long requested) {
        long oldSize = memory.size();
        long max = format.heapMax();
        if (requested > max) {
            return false;
        }
        // Double arithmetic, as the reference computes it in JavaScript.
        for (int cutDown = 1; cutDown <= 4; cutDown *= 2) {
            double overGrown = oldSize * (1 + 0.2 / cutDown);
            overGrown = Math.min(overGrown, requested + 100_663_296d);
            double newSize = Math.min(max, alignUp(Math.max(requested, overGrown), LinearMemory.PAGE));
            if (newSize > memoryLimit) {
                continue;
            }
            if (memory.growPages((long) ((newSize - oldSize + 65535) / 65536))) {
                return true;
            }
        }
        if (alignUp(requested, LinearMemory.PAGE) > memoryLimit) {
            throw new GuestSignal.MemoryLimit("Memory-Limit exceeded: the process asked for " + requested
                    + " bytes of memory; its limit is " + memoryLimit + " bytes");
        }
        return false;
    }

    private static double alignUp(double x, double multiple) {
        return x + (multiple - x % multiple) % multiple;
    }
}
