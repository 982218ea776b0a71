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
        System.exit(new CommandLine(new Ao4jCommand()).execute(args));
    }
}
