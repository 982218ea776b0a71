package dev.ao4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ao4j mu …}: the messenger unit's maintenance commands. */
@Command(name = "mu", mixinStandardHelpOptions = true,
        description = "Messenger unit: inspect and re-drive crank steps that kept failing.",
        subcommands = {DeadLettersCommand.class, ReplayCommand.class})
public final class MuCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
