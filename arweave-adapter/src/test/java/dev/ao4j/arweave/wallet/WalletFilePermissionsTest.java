package dev.ao4j.arweave.wallet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ao4j.sqlite.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** L2: a wallet is never readable by other local users, not even for a moment; nor is the data directory. */
class WalletFilePermissionsTest {
    @TempDir
    Path tmp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aCreatedWalletIsOwnerOnlyInOwnerOnlyDirectories() throws Exception {
        Path data = tmp.resolve("data");
        Path file = data.resolve("wallets/su.json");
        Wallet wallet = WalletFiles.loadOrCreate(file, WalletType.ED25519);
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(data.resolve("wallets")));
        assertEquals("rwx------", permissions(data));
        assertEquals(wallet.address(), Wallets.read(file).address());
        try (Stream<Path> files = Files.list(data.resolve("wallets"))) {
            assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void overwritingAReadableFileLeavesItOwnerOnly() throws Exception {
        Path file = tmp.resolve("wallet.json");
        Files.writeString(file, "{}");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Wallets.write(Wallets.generate(WalletType.ED25519), file);
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void theStoresCreateTheDataDirectoryOwnerOnly() throws Exception {
        Path data = tmp.resolve("node-data");
        try (Connection ignored = SqliteFiles.open(data.resolve("su/log.db"), SqliteFiles.Sync.FULL)) {
            assertEquals("rwx------", permissions(data));
            assertEquals("rwx------", permissions(data.resolve("su")));
        }
        Path existing = Files.createDirectories(tmp.resolve("shared"));
        Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrivateFiles.createDirectories(existing.resolve("inner"));
        assertEquals("rwxr-xr-x", permissions(existing), "an operator's existing directory is left as it is");
        assertTrue(Files.isDirectory(existing.resolve("inner")));
    }
}
