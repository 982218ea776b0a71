package dev.ao4j.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ao4j bench [suite…] [--json]}: runs the named suites (all when none is named) and prints one table.
 * A suite is a {@link BenchSuite}; adding one means adding it to {@link BenchSuites#ALL}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure ao4j and print figures beside the reference or the physical limit.")
public final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Parameters(arity = "0..*", paramLabel = "SUITE",
            description = "Suites to run (default: all): ${COMPLETION-CANDIDATES}", completionCandidates = BenchSuites.Names.class)
    List<String> suites = new ArrayList<>();

    @Option(names = "--json", description = "Print the rows as a JSON array of {benchmark,figure,unit,versus,ratio}.")
    boolean json;

    @Option(names = "--quick", description = "Fewer iterations: a smoke run, not a measurement.")
    boolean quick;

    @Override
    public Integer call() throws Exception {
        List<BenchSuite> selected = BenchSuites.select(suites);
        List<BenchRow> rows = new ArrayList<>();
        for (BenchSuite suite : selected) {
            if (!json) {
                System.err.println("bench: running " + suite.name() + "…");
            }
            rows.addAll(suite.run(new BenchSuite.Options(quick)));
        }
        BenchReport.print(rows, json, System.out);
        return 0;
    }
}
