package dev.ao4j.cli;

import dev.ao4j.mu.queue.DeadLetters;
import dev.ao4j.mu.queue.QueueException;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ao4j mu replay ID|--all}: puts dead letters back on the queue, attempts reset; prints {"replayed":n}. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Re-drive dead-lettered crank steps: one by task id, or all of them.")
final class ReplayCommand implements Callable<Integer> {
    static final class Which {
        @Parameters(paramLabel = "ID", description = "The task id (as listed by dead-letters).")
        String id;

        @Option(names = "--all", description = "Re-drive every dead letter.")
        boolean all;
    }

    @ArgGroup(multiplicity = "1")
    Which which;

    @Mixin
    QueueLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (DeadLetters deadLetters = location.open()) {
            int replayed = which.all ? deadLetters.replayAll() : deadLetters.replay(which.id) ? 1 : 0;
            if (!which.all && replayed == 0) {
                spec.commandLine().getErr().println("ao4j mu replay: no dead letter with id " + which.id);
                return 1;
            }
            spec.commandLine().getOut().println("{\"replayed\":" + replayed + "}");
            spec.commandLine().getOut().flush();
            return 0;
        } catch (QueueException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ao4j mu replay: " + e.getMessage());
            return 1;
        }
    }
}
