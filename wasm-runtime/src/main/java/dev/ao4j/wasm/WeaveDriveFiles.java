package dev.ao4j.wasm;

import java.util.HashMap;
import java.util.Map;

/**
 * The files the WeaveDrive imports open: {@code /data/<tx>} (ranged reads of the data), {@code /tx/<id>}
 * (transaction JSON), {@code /block/<height>} (block JSON), read through the {@link WeaveDrive} port.
 * Without the extension every open yields 0 (the reference answers null); with it, an unknown file halts the
 * message ("HALT: FILE NOT FOUND"), as the reference does.
 */
final class WeaveDriveFiles {
    private static final int FIRST_FD = 3;

    private final WeaveDrive drive;
    private final boolean enabled;
    private final Map<Integer, OpenFile> open = new HashMap<>();
    private int nextFd = FIRST_FD;

    private abstract static sealed class OpenFile permits DataFile, JsonFile {
        private long streamOffset;

        long streamOffset() {
            return streamOffset;
        }

        void streamOffset(long offset) {
            streamOffset = offset;
        }
    }

    private static final class DataFile extends OpenFile {
        final String txId;
        final long size;
        long position;

        DataFile(String txId, long size) {
            this.txId = txId;
            this.size = size;
        }
    }

    private static final class JsonFile extends OpenFile {
        final byte[] bytes;
        int position;

        JsonFile(byte[] bytes) {
            this.bytes = bytes;
        }
    }

    WeaveDriveFiles(WeaveDrive drive, boolean enabled) {
        this.drive = drive;
        this.enabled = enabled;
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
        int fd = nextFd++;
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
            case "data" -> drive.dataSize(id).map(size -> (OpenFile) new DataFile(id, size)).orElse(null);
            case "tx" -> drive.txJson(id).map(bytes -> (OpenFile) new JsonFile(bytes)).orElse(null);
            case "block" -> parseHeight(id) < 0 ? null
                    : drive.blockJson(parseHeight(id)).map(bytes -> (OpenFile) new JsonFile(bytes)).orElse(null);
            default -> null;
        };
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
        int want = (int) Math.min(length, 1 << 20);
        byte[] bytes;
        switch (file) {
            case DataFile data -> {
                int n = (int) Math.max(0, Math.min(want, data.size - data.position));
                bytes = n == 0 ? new byte[0] : drive.readData(data.txId, data.position, n);
                if (bytes.length > n) { // never write past the guest's buffer, whatever the port returns
                    bytes = java.util.Arrays.copyOf(bytes, n);
                }
                data.position += bytes.length;
            }
            case JsonFile json -> {
                int n = Math.max(0, Math.min(want, json.bytes.length - json.position));
                bytes = java.util.Arrays.copyOfRange(json.bytes, json.position, json.position + n);
                json.position += n;
            }
        }
        memory.write(target, bytes, 0, bytes.length);
        return bytes.length;
    }

    boolean isOpen(int fd) {
        return open.containsKey(fd);
    }

    /**
     * lseek on an open drive file: as in the reference, seeking moves the file-system stream offset only (so
     * {@code file:seek('end')} yields the size) while the drive's reads keep their own position.
     */
    long seek(int fd, long offset, int whence) {
        OpenFile file = open.get(fd);
        long size = switch (file) {
            case DataFile data -> data.size;
            case JsonFile json -> json.bytes.length;
        };
        long target = switch (whence) {
            case 0 -> offset;
            case 1 -> file.streamOffset() + offset;
            case 2 -> size + offset;
            default -> -1;
        };
        if (target >= 0) {
            file.streamOffset(target);
        }
        return target;
    }

    int close(int fd) {
        open.remove(fd);
        return 0;
    }
}
