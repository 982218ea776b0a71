package dev.ao4j.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

@Command(name = "bundle", mixinStandardHelpOptions = true, description = "Inspect ANS-104 binary bundles.",
        subcommands = BundleCommand.Inspect.class)
public final class BundleCommand {

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print the items of a bundle as a JSON array. Exit 0: all valid; 1: an item does not verify; 2: not a bundle.")
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try {
                ArrayNode items = JsonNodeFactory.instance.arrayNode();
                boolean allValid = true;
                for (DataItem item : Bundle.parse(Files.readAllBytes(file))) {
                    var summary = ItemSummary.of(item);
                    allValid &= summary.get("valid").asBoolean();
                    items.add(summary);
                }
                spec.commandLine().getOut().println(items.toPrettyString());
                return allValid ? ItemCommand.VALID : ItemCommand.INVALID_SIGNATURE;
            } catch (Ans104Exception e) {
                spec.commandLine().getErr().println("not a bundle: " + e.getMessage());
                return ItemCommand.NOT_AN_ITEM;
            }
        }
    }
}
