package dev.ao4j.bench.chaos;

import dev.ao4j.bench.BenchSuite;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ao4j chaos}: see {@link ChaosRun}. Exit 0 when nothing was lost, 1 when something was, 2 on an error. */
@Command(name = "ao4j chaos", mixinStandardHelpOptions = true,
        description = "Drive aoconnect traffic against a fresh node, kill -9 it at random moments, restart it, and "
                + "check that nothing acknowledged was lost, duplicated or computed differently from a fresh replay.")
public final class ChaosMain implements Callable<Integer> {
    @Option(names = "--minutes", defaultValue = "2", description = "How long the traffic runs. Default: ${DEFAULT-VALUE}.")
    double minutes;

    @Option(names = "--processes", defaultValue = "6", description = "aos processes. Default: ${DEFAULT-VALUE}.")
    int processes;

    @Option(names = "--kills", description = "kill -9 during the run. Default: one every 40 seconds, at least 2.")
    Integer kills;

    @Option(names = "--seed", defaultValue = "1", description = "For the kill moments. Default: ${DEFAULT-VALUE}.")
    long seed;

    public static void main(String... args) {
        System.exit(new CommandLine(new ChaosMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path root = BenchSuite.checkoutRoot();
        int killCount = kills != null ? kills : Math.max(2, (int) (minutes * 60 / 40));
        ChaosReport report = new ChaosRun(root, minutes, processes, killCount, seed).run();
        report.print(System.out);
        return report.clean() ? 0 : 1;
    }
}
