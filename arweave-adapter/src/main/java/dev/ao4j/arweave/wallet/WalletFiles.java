package dev.ao4j.arweave.wallet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.logging.Logger;

/** Each unit's wallet lives in a JWK file; the node creates it on first start. */
public final class WalletFiles {
    private static final Logger LOG = Logger.getLogger(WalletFiles.class);

    private WalletFiles() {}

    public static Wallet loadOrCreate(Path file, WalletType type) {
        try {
            if (Files.exists(file)) {
                return Wallets.read(file);
            }
            PrivateFiles.createDirectories(file.toAbsolutePath().getParent());
            Wallet wallet = Wallets.generate(type);
            Wallets.write(wallet, file);
            LOG.infof("created %s wallet %s at %s", type, wallet.address(), file);
            return wallet;
        } catch (Exception e) {
            throw new IllegalStateException("cannot load or create the wallet " + file + ": " + e.getMessage(), e);
        }
    }
}
