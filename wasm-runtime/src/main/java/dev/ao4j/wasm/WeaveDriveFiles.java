package dev.ao4j.wasm;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The files the WeaveDrive imports open: {@code /data/<tx>} (ranged reads of the data), {@code /tx/<id>}
 * (transaction JSON), {@code /block/<height>} (block JSON), read through the {@link WeaveDrive} port.
 * Without the extension every open yields 0 (the reference answers null); with it, an unknown file halts the
 * message ("HALT: FILE NOT FOUND"), as the reference does.
 *
 * <p>The reference drive (@permaweb/weavedrive 0.0.18 in ao-loader's glue, reading a gateway with node's fetch)
 * moves the glue's clock, which the process can read: creating a {@code /data} file's node stamps it
 * ({@code Date.now}), the size request (HEAD) stamps its end when it returns, and each ranged GET stamps its end
 * once the JavaScript job queue next empties, i.e. at the drive's next request or after the message. Which reads
 * make a GET follows from its 32 KiB read-ahead cache, which is modelled here (not its contents: the bytes always
 * come from the port). File descriptors are the lowest free ones, as in emscripten's file system.
 */
final class WeaveDriveFiles {
    private static final int FIRST_FD = 3;
    /** The reference drive's read-ahead: a GET asks for at least this much, and keeps what was not asked for. */
    private static final int CACHE_SIZE = 32 * 1024;
    private static final int MAX_CHUNK = 1 << 20;

    private final WeaveDrive drive;
    private final boolean enabled;
    private final Map<Integer, OpenFile> open = new HashMap<>();
    /** The /data files created so far (the reference's file-system nodes), by transaction id. */
    private final Map<String, DataNode> nodes = new HashMap<>();
    private Runnable clockTick = () -> {};
    /** GETs whose end the reference stamps only once its job queue empties. */
    private int pendingTicks;

    /** A created /data file: its size and how many bytes its read-ahead cache holds (shared by its streams). */
    private static final class DataNode {
        final String txId;
        final long size;
        long cached;

        DataNode(String txId, long size) {
            this.txId = txId;
            this.size = size;
        }
    }

    private abstract static sealed class OpenFile permits DataFile, JsonFile {}

    /**
     * A stream on a /data file: reads and seeks share its position, as in the reference. There the size is the
     * text of the HEAD's Content-Length, so a seek from the end makes the position text (offset and size joined);
     * a read from such a position asks for a range starting past the data, which the gateway ignores, answering
     * the whole data from its start (this is how aos's {@code drive.getData}, {@code file:read(file:seek('end'))},
     * gets the data).
     */
    private static final class DataFile extends OpenFile {
        final DataNode node;
        long position;
        /** The reference's position when it is text, else null. */
        String positionText;
        /** The position the last read ended at (a Long, or the text); a read from elsewhere drops the cache. */
        Object lastReadEnd;
        /** Where in the data the cache's bytes start. */
        long cacheStart;

        DataFile(DataNode node) {
            this.node = node;
        }

        Object positionKey() {
            return positionText != null ? positionText : (Object) position;
        }
    }

    private static final class JsonFile extends OpenFile {
        final byte[] bytes;
        int position;
        long streamOffset;

        JsonFile(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    WeaveDriveFiles(WeaveDrive drive, boolean enabled) {
        this.drive = drive;
        this.enabled = enabled;
    }

    /** How the drive advances the glue's clock (one tick per call). */
    void clockTick(Runnable tick) {
        this.clockTick = tick;
    }

    /** The message ended: the reference's job queue empties before the next one, stamping the GETs still pending. */
    void messageEnded() {
        settlePendingTicks();
    }

    private void settlePendingTicks() {
        for (; pendingTicks > 0; pendingTicks--) {
            clockTick.run();
        }
    }

    int open(String path) {
        if (!enabled) {
            return 0;
        }
        if (!path.startsWith("/data/") && !path.startsWith("/tx/") && !path.startsWith("/block/")) {
            return 0; // not a drive path (e.g. the Lua module searchers probing): not found, as without the drive
        }
        OpenFile file = resolve(path);
        if (file == null) {
            throw new GuestSignal.Halt("HALT: FILE NOT FOUND");
        }
        int fd = FIRST_FD;
        while (open.containsKey(fd)) {
            fd++;
        }
        open.put(fd, file);
        return fd;
    }

    private OpenFile resolve(String path) {
        String[] parts = path.split("/");
        if (parts.length != 3 || !parts[0].isEmpty()) {
            return null;
        }
        String id = parts[2];
        return switch (parts[1]) {
            case "data" -> {
                DataNode node = nodes.containsKey(id) ? nodes.get(id) : createNode(id);
                yield node == null ? null : new DataFile(node);
            }
            case "tx" -> drive.txJson(id).map(bytes -> (OpenFile) new JsonFile(bytes)).orElse(null);
            case "block" -> parseHeight(id) < 0 ? null
                    : drive.blockJson(parseHeight(id)).map(bytes -> (OpenFile) new JsonFile(bytes)).orElse(null);
            default -> null;
        };
    }

    /** The reference creates the file's node (a stamp), then asks the gateway for its size (a request, a stamp). */
    private DataNode createNode(String id) {
        clockTick.run();
        settlePendingTicks();
        clockTick.run();
        DataNode node = drive.dataSize(id).map(size -> new DataNode(id, size)).orElse(null);
        if (node != null) {
            nodes.put(id, node);
        }
        return node;
    }

    private static long parseHeight(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads up to {@code length} bytes into guest memory at {@code target}; returns the count (0 at the end). */
    int read(int fd, LinearMemory memory, long target, long length) {
        OpenFile file = open.get(fd);
        if (file == null) {
            throw new GuestSignal.Halt("HALT: weavedrive read of a file that is not open (fd " + fd + ")");
        }
        return switch (file) {
            case DataFile data -> (int) readData(data, memory, target, length);
            case JsonFile json -> readJson(json, memory, target, length);
        };
    }

    /** The reference's read: what its cache holds first, then one GET of at least the cache's size from there. */
    private long readData(DataFile file, LinearMemory memory, long target, long length) {
        DataNode node = file.node;
        long fromCache = 0;
        if (!file.positionKey().equals(file.lastReadEnd)) {
            node.cached = 0;
        } else {
            fromCache = Math.min(length, node.cached);
            node.cached -= fromCache;
        }
        copy(node, file.cacheStart, fromCache, memory, target);
        file.cacheStart += fromCache;
        advance(file, fromCache);
        long toRead = length - fromCache;
        if (toRead == 0) {
            file.lastReadEnd = file.positionKey();
            return fromCache;
        }
        // The inclusive range position..min(size, position + max(toRead, cache)), which the gateway clamps to the
        // data; from a text position the gateway answers the whole data.
        long from = file.positionText != null ? 0 : file.position;
        long end = file.positionText != null ? node.size - 1
                : Math.min(node.size - 1, Math.min(node.size, file.position + Math.max(toRead, CACHE_SIZE)));
        long fetched = Math.max(0, end - from + 1);
        long written = Math.min(fetched, toRead);
        copy(node, from, written, memory, target + fromCache);
        advance(file, written);
        node.cached = written == toRead ? Math.min(fetched - written, CACHE_SIZE) : 0;
        file.cacheStart = from + written;
        file.lastReadEnd = file.positionKey();
        settlePendingTicks();
        pendingTicks++;
        return fromCache + written;
    }

    /** {@code stream.position += n}: on a text position JavaScript joins the digits. */
    private static void advance(DataFile file, long n) {
        if (file.positionText != null) {
            file.positionText = file.positionText + n;
        } else {
            file.position += n;
            file.cacheStart = file.position;
        }
    }

    private void copy(DataNode node, long from, long count, LinearMemory memory, long target) {
        for (long done = 0; done < count; ) {
            int n = (int) Math.min(MAX_CHUNK, count - done);
            byte[] bytes = drive.readData(node.txId, from + done, n);
            if (bytes.length != n) { // never write past the guest's buffer, nor leave a hole, whatever the port returns
                bytes = Arrays.copyOf(bytes, n);
            }
            memory.write(target + done, bytes, 0, n);
            done += n;
        }
    }

    private static int readJson(JsonFile json, LinearMemory memory, long target, long length) {
        int n = (int) Math.max(0, Math.min(Math.min(length, MAX_CHUNK), json.bytes.length - json.position));
        memory.write(target, json.bytes, json.position, n);
        json.position += n;
        return n;
    }

    boolean isOpen(int fd) {
        return open.containsKey(fd);
    }

    /**
     * lseek on an open drive file. A /data stream's reads follow it (see {@link DataFile} for seeks from the end);
     * a JSON file's reads keep their own position, and seeking only answers the offset.
     */
    long seek(int fd, long offset, int whence) {
        return switch (open.get(fd)) {
            case DataFile data -> seekData(data, offset, whence);
            case JsonFile json -> seekJson(json, offset, whence);
        };
    }

    /** MEMFS's llseek on the reference's stream: {@code offset + position} or {@code offset + usedBytes}. */
    private static long seekData(DataFile file, long offset, int whence) {
        String text = switch (whence) {
            case 0 -> null;
            case 1 -> file.positionText == null ? null : offset + file.positionText;
            case 2 -> offset + Long.toString(file.node.size);
            default -> "-1";
        };
        if (text == null) {
            long target = whence == 0 ? offset : file.position + offset;
            if (target >= 0) {
                file.position = target;
                file.positionText = null;
            }
            return target;
        }
        java.math.BigInteger value = new java.math.BigInteger(text);
        if (value.signum() < 0) {
            return -1;
        }
        file.positionText = text;
        return value.longValue(); // what BigInt(position) stores
    }

    private static long seekJson(JsonFile json, long offset, int whence) {
        long target = switch (whence) {
            case 0 -> offset;
            case 1 -> json.streamOffset + offset;
            case 2 -> json.bytes.length + offset;
            default -> -1;
        };
        if (target >= 0) {
            json.streamOffset = target;
        }
        return target;
    }

    int close(int fd) {
        open.remove(fd);
        return 0;
    }
}
