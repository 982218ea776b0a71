package dev.ao4j.bench;

import java.nio.file.Path;
import java.util.List;

/** One named group of benchmarks ({@code crypto}, {@code su}, {@code cu}, …). */
public interface BenchSuite {
    record Options(boolean quick) {}

    /** The repository's compat/ folder (reference libraries, aos modules, local servers): ./ao4j passes the root. */
    static Path compatDir() {
        return Path.of(System.getProperty("ao4j.root", ".")).resolve("compat");
    }

    String name();

    List<BenchRow> run(Options options) throws Exception;
}
