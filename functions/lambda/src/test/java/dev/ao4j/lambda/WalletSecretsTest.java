package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A wallet secret lands in the unit's wallet file, owner-only; a secret that is not a wallet stops the start. */
class WalletSecretsTest {
    @TempDir
    Path dir;

    @Test
    void writesTheJwkOwnerOnly() throws Exception {
        Wallet wallet = Wallets.generate(WalletType.ED25519);
        Path source = dir.resolve("source.json");
        Wallets.write(wallet, source);
        Path file = dir.resolve("data/wallets/su.json");

        assertEquals(wallet.address(), WalletSecrets.writeWallet(file, Files.readString(source)));
        assertEquals(wallet.address(), Wallets.read(file).address());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void refusesASecretThatIsNotAWallet() {
        Path file = dir.resolve("wallets/cu.json");
        assertThrows(IllegalStateException.class, () -> WalletSecrets.writeWallet(file, "{\"kty\":\"RSA\"}"));
        assertFalse(Files.exists(file));
    }
}
