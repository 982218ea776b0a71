package dev.ao4j.bench;

import java.util.List;

/** One named group of benchmarks ({@code crypto}, {@code su}, {@code cu}, …). */
public interface BenchSuite {
    record Options(boolean quick) {}

    String name();

    List<BenchRow> run(Options options) throws Exception;
}
