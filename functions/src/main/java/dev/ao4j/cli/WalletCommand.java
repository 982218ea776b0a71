package dev.ao4j.cli;

import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletException;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Create wallets and show their addresses.",
        subcommands = {WalletCommand.New.class, WalletCommand.Address.class})
public final class WalletCommand {

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Generate a key and write it as a JWK file.")
    static final class New implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--type", defaultValue = "rsa", description = "rsa (Arweave, default), ed25519 or ethereum.")
        String type;

        @Option(names = "--out", required = true, description = "The JWK file to write.")
        Path out;

        @Override
        public Integer call() throws WalletException {
            Wallet wallet = Wallets.generate(WalletType.parse(type));
            Wallets.write(wallet, out);
            spec.commandLine().getOut().println(wallet.address());
            return 0;
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true, description = "Print the address of a wallet file.")
    static final class Address implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws WalletException {
            spec.commandLine().getOut().println(Wallets.read(file).address());
            return 0;
        }
    }
}
