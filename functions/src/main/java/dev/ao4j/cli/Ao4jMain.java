package dev.ao4j.cli;

import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/**
 * The process entry point. Plain commands (wallet, item, bench…) run without booting the Quarkus
 * application, so they start fast and bind no port; only {@code up} starts the node.
 */
@QuarkusMain
public final class Ao4jMain {
    private Ao4jMain() {}

    public static void main(String... args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with ao4j's error style: one line naming the problem, exit code 2, no stack trace.
     * Arweave ids are base64url, so one in 64 starts with '-'; such an argument is an id, not an unknown option.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Ao4jCommand()).setUnmatchedOptionsArePositionalParams(true)
                .setExecutionExceptionHandler((error, command, parsed) -> {
                    command.getErr().println("ao4j: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
                    return 2;
                });
    }
}
