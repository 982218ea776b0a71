package dev.ao4j.cli;

import picocli.CommandLine.Command;

@Command(
        name = "ao4j",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AO on the JVM: a messenger, scheduler and compute unit over Arweave-style permanent storage.",
        footer = {"", "Also: ao4j bench [SUITE...] measures ao4j (the ao4j-bench module; ao4j bench --help)."},
        subcommands = {UpCommand.class, WalletCommand.class, ItemCommand.class, BundleCommand.class, ModuleCommand.class, MuCommand.class,
                ProcessCommands.Spawn.class, ProcessCommands.Send.class, ProcessCommands.Eval.class, ProcessCommands.Result.class,
                ProcessCommands.DryRun.class, ProcessCommands.Processes.class, ProcessCommands.Modules.class,
                VerifyCommand.class})
public final class Ao4jCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
