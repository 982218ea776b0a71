package dev.ao4j.arweave.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and directories only their owner may read: the wallets, and the data directory that holds them and the
 * stores. Permissions are given at creation, never fixed afterwards, so no other local user can open a file in the
 * moment between creating it and restricting it. Non-POSIX file systems get their defaults.
 */
public final class PrivateFiles {
    private PrivateFiles() {}

    /** Creates the directory and any missing parents, each new one {@code rwx------}. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        return posix(absolute)
                ? Files.createDirectories(absolute, attribute("rwx------"))
                : Files.createDirectories(absolute);
    }

    /**
     * Writes {@code text} to {@code file} as {@code rw-------}: into a new file created with those permissions
     * next to it, then moved into place (a reader sees the old file or the new one, never part of either).
     */
    public static void write(Path file, String text) throws IOException {
        Path parent = createDirectories(file.toAbsolutePath().getParent());
        Path temp = posix(parent)
                ? Files.createTempFile(parent, ".private-", ".tmp", attribute("rw-------"))
                : Files.createTempFile(parent, ".private-", ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?> attribute(String permissions) {
        return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions));
    }
}
