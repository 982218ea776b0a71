package dev.ao4j.bench;

import picocli.CommandLine;

/**
 * {@code ./ao4j bench …}: the benchmark command on its own class path (module ao4j-bench), outside the node's jar.
 * The launcher script runs it with the same JVM options as the node; errors look like every ao4j command's.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String... args) {
        CommandLine command = new CommandLine(new BenchCommand()).setCommandName("ao4j bench")
                .setExecutionExceptionHandler((error, line, parsed) -> {
                    line.getErr().println("ao4j: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    return 2;
                });
        System.exit(command.execute(args));
    }
}
