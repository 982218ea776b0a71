package dev.ao4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.queue.DeadLetter;
import dev.ao4j.mu.queue.DeadLetters;
import dev.ao4j.mu.queue.QueueException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ao4j mu dead-letters}: one JSON object per line (id, group, type, attempts, lastError, failedAt). */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List the crank steps that failed every attempt, as JSON lines.")
final class DeadLettersCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    QueueLocation location;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (DeadLetters deadLetters = location.open()) {
            for (DeadLetter letter : deadLetters.list()) {
                out.println(JSON.createObjectNode()
                        .put("id", letter.id())
                        .put("group", letter.group())
                        .put("type", letter.type())
                        .put("attempts", letter.attempts())
                        .put("lastError", letter.lastError())
                        .put("failedAt", letter.failedAt().toString()));
            }
            out.flush();
            return 0;
        } catch (QueueException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("ao4j mu dead-letters: " + e.getMessage());
            return 1;
        }
    }
}
