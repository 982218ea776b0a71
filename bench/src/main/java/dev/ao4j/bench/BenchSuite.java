package dev.ao4j.bench;

import java.nio.file.Path;
import java.util.List;

/** One named group of benchmarks ({@code crypto}, {@code su}, {@code cu}, …). */
public interface BenchSuite {
    record Options(boolean quick) {}

    /** The checkout the bench runs from: ./ao4j passes its root as {@code ao4j.root}. */
    static Path checkoutRoot() {
        return Path.of(System.getProperty("ao4j.root", ".")).toAbsolutePath();
    }

    /** The repository's compat/ folder (reference libraries, aos modules, local servers). */
    static Path compatDir() {
        return checkoutRoot().resolve("compat");
    }

    String name();

    List<BenchRow> run(Options options) throws Exception;
}
