package dev.ao4j.lambda;

import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.config.DataDir;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Before any unit starts, writes each wallet kept in Secrets Manager ({@link LambdaConfig}) to the file the unit
 * reads ({@code ao4j.<unit>.wallet}, default {@code <data-dir>/wallets/<unit>.json}), owner-only. The JWK is
 * parsed first, so a malformed secret stops the start instead of the unit creating a new wallet.
 */
@ApplicationScoped
public class WalletSecrets {
    private static final Logger LOG = Logger.getLogger(WalletSecrets.class);

    void load(@Observes @Priority(1) StartupEvent event, LambdaConfig lambda, Config config, DataDir data) {
        if (lambda.suWalletSecret().isEmpty() && lambda.cuWalletSecret().isEmpty() && lambda.muWalletSecret().isEmpty()) {
            return;
        }
        Path dataDir = data.path();
        try (SecretsManagerClient secrets = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
            UnaryOperator<String> fetch = id -> secrets.getSecretValue(b -> b.secretId(id)).secretString();
            write("su", lambda.suWalletSecret(), config, dataDir, fetch);
            write("cu", lambda.cuWalletSecret(), config, dataDir, fetch);
            write("mu", lambda.muWalletSecret(), config, dataDir, fetch);
        }
    }

    private static void write(String unit, Optional<String> secret, Config config, Path dataDir, UnaryOperator<String> fetch) {
        if (secret.isEmpty()) {
            return;
        }
        Path file = config.getOptionalValue("ao4j." + unit + ".wallet", String.class).map(Path::of)
                .orElse(dataDir.resolve("wallets/" + unit + ".json"));
        String address = writeWallet(file, fetch.apply(secret.get()));
        LOG.infof("%s wallet %s from Secrets Manager", unit.toUpperCase(java.util.Locale.ROOT), address);
    }

    /** Writes a JWK to {@code file} (0600) after checking it is a wallet; returns the wallet's address. */
    static String writeWallet(Path file, String jwk) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, ".wallet", ".json", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(temp, jwk, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            String address;
            try {
                address = Wallets.read(temp).address();
            } catch (Exception e) {
                Files.deleteIfExists(temp);
                throw new IllegalStateException("the wallet secret for " + file.getFileName() + " is not a wallet JWK: " + e.getMessage(), e);
            }
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return address;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the wallet " + file + ": " + e.getMessage(), e);
        }
    }
}
