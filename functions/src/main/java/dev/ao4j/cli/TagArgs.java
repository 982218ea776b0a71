package dev.ao4j.cli;

import dev.ao4j.arweave.ans104.Tag;
import java.util.ArrayList;
import java.util.List;

/** {@code --tag Name=Value} arguments, in the order given. */
final class TagArgs {
    private TagArgs() {}

    static List<Tag> parse(List<String> args) {
        List<Tag> tags = new ArrayList<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--tag must be Name=Value, not '" + arg + "'");
            }
            tags.add(new Tag(arg.substring(0, eq), arg.substring(eq + 1)));
        }
        return tags;
    }
}
