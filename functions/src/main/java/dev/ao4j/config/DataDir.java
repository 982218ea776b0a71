package dev.ao4j.config;

import jakarta.inject.Singleton;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the node keeps its files, {@code ao4j.data-dir} (default {@code ./.ao4j-data}, documented in
 * application.properties): wallets, the SU log, the CU results, the MU store and queue, the embedded permanent
 * store. The one reader of the key; every wiring root asks it. (A {@code @ConfigMapping} would need the prefix
 * {@code ao4j}, which claims every other {@code ao4j.*} key too.)
 */
@Singleton
public class DataDir {
    @ConfigProperty(name = "ao4j.data-dir", defaultValue = "./.ao4j-data")
    Path path;

    public Path path() {
        return path;
    }

    /** A file or directory under the data directory. */
    public Path resolve(String relative) {
        return path.resolve(relative);
    }
}
