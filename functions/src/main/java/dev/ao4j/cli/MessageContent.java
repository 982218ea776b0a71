package dev.ao4j.cli;

import dev.ao4j.arweave.ans104.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The tags and data of a message a user command sends: {@code --action}, {@code --tag}, {@code --body}. */
final class MessageContent {
    @Option(names = "--action", description = "The Action tag (aos handlers match on it).")
    String action;

    @Option(names = "--tag", paramLabel = "NAME=VALUE", description = "A tag; repeatable, order kept.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--body", paramLabel = "DATA", description = "The message's Data as text; @FILE reads a file, - reads standard input.")
    String data;

    List<Tag> tags() {
        List<Tag> all = new ArrayList<>();
        if (action != null) {
            all.add(new Tag("Action", action));
        }
        all.addAll(TagArgs.parse(tags));
        return all;
    }

    String data() throws IOException {
        return read(data);
    }

    static String read(String value) throws IOException {
        if (value == null) {
            return "";
        }
        if (value.equals("-")) {
            return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (value.startsWith("@")) {
            return Files.readString(Path.of(value.substring(1)));
        }
        return value;
    }
}
