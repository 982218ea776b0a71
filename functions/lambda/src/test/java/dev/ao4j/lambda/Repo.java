package dev.ao4j.lambda;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root (the build passes it; run from the module, it is the parent directory). */
final class Repo {
    private Repo() {}

    static Path dir() {
        String configured = System.getProperty("ao4j.repo.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../..").toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("infra-terraform"))) {
            throw new IllegalStateException(dir + " is not the ao4j repository (no infra-terraform/)");
        }
        return dir;
    }
}
