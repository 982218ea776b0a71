package dev.ao4j.cli;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "item", mixinStandardHelpOptions = true, description = "Sign and inspect ANS-104 data items.",
        subcommands = {ItemCommand.Sign.class, ItemCommand.Inspect.class})
public final class ItemCommand {
    /** Exit codes of {@code inspect}: valid, well-formed but not verifying, not a data item. */
    static final int VALID = 0;
    static final int INVALID_SIGNATURE = 1;
    static final int NOT_AN_ITEM = 2;

    @Command(name = "sign", mixinStandardHelpOptions = true, description = "Build and sign a data item.")
    static final class Sign implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--wallet", required = true, description = "JWK wallet file.")
        Path wallet;

        @Option(names = "--target", description = "Target id (43 characters).")
        String target;

        @Option(names = "--anchor", description = "Anchor: 32 characters of text, or 43 of base64url.")
        String anchor;

        @Option(names = "--tag", description = "A tag as Name=Value; repeatable, order kept.")
        List<String> tags = new ArrayList<>();

        @Option(names = "--data", description = "File with the data, or - for standard input (default: no data).")
        String data;

        @Option(names = "--out", required = true, description = "File to write the signed item to.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<Tag> parsed;
            try {
                parsed = TagArgs.parse(tags);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return 2;
            }
            byte[] payload = data == null ? new byte[0]
                    : data.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(data));
            try {
                DataItem item = DataItem.sign(Wallets.read(wallet), target, anchorBytes(anchor), parsed, payload);
                Files.write(out, item.raw());
                spec.commandLine().getOut().println(item.id());
                return 0;
            } catch (Ans104Exception e) {
                spec.commandLine().getErr().println("cannot sign: " + e.getMessage());
                return 2;
            }
        }

        private static byte[] anchorBytes(String anchor) {
            if (anchor == null) {
                return null;
            }
            byte[] text = anchor.getBytes(StandardCharsets.UTF_8);
            return text.length == 32 ? text : Base64Url.decode(anchor);
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Print a data item as JSON. Exit 0: valid; 1: signature does not verify; 2: not a data item.")
    static final class Inspect implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        Path file;

        @Override
        public Integer call() throws Exception {
            try {
                DataItem item = DataItem.parse(Files.readAllBytes(file));
                var summary = ItemSummary.of(item);
                spec.commandLine().getOut().println(summary.toPrettyString());
                return summary.get("valid").asBoolean() ? VALID : INVALID_SIGNATURE;
            } catch (Ans104Exception e) {
                spec.commandLine().getErr().println("not a data item: " + e.getMessage());
                return NOT_AN_ITEM;
            }
        }
    }
}
