package dev.ao4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cli.client.AoItems;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import dev.ao4j.node.ModuleCatalog;
import dev.ao4j.protocol.TagJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The user commands: spawn a process, send it messages, evaluate Lua in it, read results, dry-run, list
 * processes and modules. Each is a thin client of the node's HTTP API (MU, CU, gateway), signing with a
 * wallet file as aoconnect's {@code createDataItemSigner} does.
 */
final class ProcessCommands {
    private ProcessCommands() {}

    static final class WalletFile {
        @Option(names = "--wallet", required = true, paramLabel = "FILE", description = "The JWK wallet that signs.")
        Path file;

        Wallet read() throws Exception {
            return Wallets.read(file);
        }
    }

    @Command(name = "spawn", mixinStandardHelpOptions = true,
            description = "Spawn a process (default module: aos 2.0.6) and print its id.")
    static final class Spawn extends NodeCommand {
        @Mixin
        WalletFile wallet;

        @Option(names = "--module", paramLabel = "NAME|ID",
                description = "A module name from `ao4j modules` or a module id. Default: " + ModuleCatalog.DEFAULT_MODULE + ".")
        String module = ModuleCatalog.DEFAULT_MODULE;

        @Option(names = "--name", description = "The process's Name tag.")
        String name;

        @Option(names = "--cron", paramLabel = "INTERVAL",
                description = "Cron-Interval (e.g. 10-seconds, 1-block); each tick is a message with Action Cron.")
        String cron;

        @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag; repeatable, order kept.")
        List<String> tags = new ArrayList<>();

        @Option(names = "--body", paramLabel = "DATA", description = "The spawn's Data; @FILE reads a file, - reads standard input.")
        String data;

        @Override
        int run(NodeClient client) throws Exception {
            String moduleId = client.urls().modules().getOrDefault(module, module);
            if (!dev.ao4j.arweave.ans104.Base64Url.isId(moduleId)) {
                err().println("ao4j: unknown module '" + module + "'; known: " + client.urls().modules().keySet());
                return REFUSED;
            }
            List<Tag> extra = new ArrayList<>();
            if (name != null) {
                extra.add(new Tag("Name", name));
            }
            if (cron != null) {
                extra.add(new Tag("Cron-Interval", cron));
                extra.add(new Tag("Cron-Tag-Action", "Cron"));
            }
            extra.addAll(TagArgs.parse(tags));
            DataItem item = AoItems.process(wallet.read(), moduleId, client.urls().scheduler(), client.urls().authority(),
                    extra, MessageContent.read(data));
            client.send(item);
            out().println(item.id());
            return OK;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = "Send a message to a process and print its id (with --wait, then its result).")
    static final class Send extends NodeCommand {
        @Mixin
        WalletFile wallet;

        @Option(names = "--process", required = true, description = "The target process id.")
        String process;

        @Mixin
        MessageContent content;

        @Option(names = "--wait", description = "Wait for the message's result and print it (exit 1 if it is an Error).")
        boolean await;

        @Override
        int run(NodeClient client) throws Exception {
            DataItem item = AoItems.message(wallet.read(), process, content.tags(), content.data());
            client.send(item);
            out().println(item.id());
            if (!await) {
                return OK;
            }
            JsonNode result = client.result(item.id(), process);
            printJson(result);
            return outcome(result);
        }
    }

    @Command(name = "eval", mixinStandardHelpOptions = true,
            description = "Evaluate Lua in an aos process (Action Eval, from the process owner) and print its output.")
    static final class Eval extends NodeCommand {
        @Mixin
        WalletFile wallet;

        @Option(names = "--process", required = true, description = "The aos process id.")
        String process;

        @Parameters(paramLabel = "LUA", description = "The Lua code; @FILE reads a file, - reads standard input.")
        String code;

        @Option(names = "--json", description = "Print the whole result JSON instead of the output.")
        boolean json;

        @Override
        int run(NodeClient client) throws Exception {
            DataItem item = AoItems.message(wallet.read(), process, List.of(new Tag("Action", "Eval")),
                    MessageContent.read(code));
            client.send(item);
            JsonNode result = client.result(item.id(), process);
            if (json) {
                printJson(result);
            } else if (result.has("Output")) {
                JsonNode output = result.get("Output");
                out().println(output.isObject() && output.has("data") ? text(output.get("data")) : text(output));
            }
            return outcome(result);
        }
    }

    @Command(name = "result", mixinStandardHelpOptions = true,
            description = "Print the result of a message (the CU evaluates up to it if needed).")
    static final class Result extends NodeCommand {
        @Option(names = "--process", required = true, description = "The process the message went to.")
        String process;

        @Parameters(paramLabel = "MESSAGE", description = "The message id.")
        String message;

        @Override
        int run(NodeClient client) throws Exception {
            JsonNode result = client.result(message, process);
            printJson(result);
            return outcome(result);
        }
    }

    @Command(name = "dryrun", mixinStandardHelpOptions = true,
            description = "Evaluate a message on the process's latest state without keeping it; print the result.")
    static final class DryRun extends NodeCommand {
        @Option(names = "--process", required = true, description = "The process id.")
        String process;

        @Mixin
        MessageContent content;

        @ArgGroup(exclusive = true)
        Sender sender;

        static final class Sender {
            @Option(names = "--owner", description = "The address the message claims to be from.")
            String owner;

            @Option(names = "--wallet", paramLabel = "FILE", description = "Claim to be this wallet's address (nothing is signed).")
            Path wallet;
        }

        @Override
        int run(NodeClient client) throws Exception {
            String owner = sender == null ? "1234"
                    : sender.owner != null ? sender.owner : Wallets.read(sender.wallet).address();
            ObjectNode message = JSON.createObjectNode().put("Id", "1234").put("Target", process).put("Owner", owner)
                    .put("Anchor", "0").put("Data", content.data());
            message.set("Tags", TagJson.toJson(AoItems.withProtocol(content.tags(), "Message")));
            JsonNode result = client.dryRun(process, message);
            printJson(result);
            return outcome(result);
        }
    }

    @Command(name = "processes", mixinStandardHelpOptions = true,
            description = "List processes the gateway knows (of one owner with --owner or --wallet).")
    static final class Processes extends NodeCommand {
        @Option(names = "--owner", description = "Only processes signed by this address.")
        String owner;

        @Option(names = "--wallet", paramLabel = "FILE", description = "Only processes signed by this wallet.")
        Path wallet;

        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(NodeClient client) throws Exception {
            String who = owner != null ? owner : wallet != null ? Wallets.read(wallet).address() : null;
            List<JsonNode> rows = client.processes(who);
            if (json) {
                printJson(JSON.valueToTree(rows));
                return OK;
            }
            for (JsonNode row : rows) {
                out().printf("%s  %-16s  module %s  owner %s%n", row.get("id").asText(), row.get("name").asText(),
                        row.get("module").asText(), row.get("owner").asText());
            }
            return OK;
        }
    }

    @Command(name = "modules", mixinStandardHelpOptions = true, description = "List the modules the gateway knows.")
    static final class Modules extends NodeCommand {
        @Option(names = "--json", description = "Print a JSON array.")
        boolean json;

        @Override
        int run(NodeClient client) throws NodeException, Exception {
            List<JsonNode> rows = client.modules();
            if (json) {
                printJson(JSON.valueToTree(rows));
                return OK;
            }
            for (JsonNode row : rows) {
                out().printf("%-18s  %s  %s%n", row.get("name").asText(), row.get("id").asText(), row.get("format").asText());
            }
            return OK;
        }
    }
}
