package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ao4j.arweave.ans104.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tag lists as the wire carries them ({@code [{name, value}]}) and the look-ups the CU needs on them. */
public final class AoTags {
    private AoTags() {}

    public static Optional<String> first(List<Tag> tags, String name) {
        return tags.stream().filter(tag -> tag.name().equals(name)).map(Tag::value).findFirst();
    }

    public static ArrayNode toJson(List<Tag> tags) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Tag tag : tags) {
            array.addObject().put("name", tag.name()).put("value", tag.value());
        }
        return array;
    }

    /** Reads {@code [{name, value}]}; a malformed entry is a {@link CuException} of kind INVALID. */
    public static List<Tag> fromJson(JsonNode array, String where) {
        List<Tag> tags = new ArrayList<>();
        if (array == null || array.isNull() || array.isMissingNode()) {
            return tags;
        }
        if (!array.isArray()) {
            throw CuException.invalid(where + ": tags must be an array of {name, value}");
        }
        for (JsonNode tag : array) {
            JsonNode name = tag.get("name");
            JsonNode value = tag.get("value");
            if (name == null || !name.isTextual() || value == null || !value.isTextual()) {
                throw CuException.invalid(where + ": every tag needs a string name and a string value");
            }
            tags.add(new Tag(name.asText(), value.asText()));
        }
        return tags;
    }
}
