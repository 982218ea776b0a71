package dev.ao4j.cu.core;

import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.protocol.TagJson;
import java.util.List;
import java.util.Optional;

/** A module's header: its id, owner address and tags ({@code Module-Format}, limits…). */
public record ModuleMeta(String id, String owner, List<Tag> tags) {
    public ModuleMeta {
        tags = List.copyOf(tags);
    }

    public Optional<String> tag(String name) {
        return TagJson.first(tags, name);
    }

    public String format() {
        return tag("Module-Format").orElseThrow(() -> CuException.unprocessable("module " + id + " has no Module-Format tag"));
    }
}
