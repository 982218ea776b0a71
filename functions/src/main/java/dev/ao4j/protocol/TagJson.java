package dev.ao4j.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ao4j.arweave.ans104.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Tag lists as every unit's JSON carries them ({@code [{name, value}]}): one writer, a strict reader for input
 * that must be well formed, a lenient one for answers of other units, and the first-value look-up.
 */
public final class TagJson {
    private TagJson() {}

    /** The value of the first tag named {@code name}. */
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

    /** Reads {@code [{name, value}]}; a malformed entry is a {@link ProtocolException} of status 400. */
    public static List<Tag> fromJson(JsonNode array, String where) {
        List<Tag> tags = new ArrayList<>();
        if (array == null || array.isNull() || array.isMissingNode()) {
            return tags;
        }
        if (!array.isArray()) {
            throw ProtocolException.invalid(where + ": tags must be an array of {name, value}");
        }
        for (JsonNode tag : array) {
            JsonNode name = tag.get("name");
            JsonNode value = tag.get("value");
            if (name == null || !name.isTextual() || value == null || !value.isTextual()) {
                throw ProtocolException.invalid(where + ": every tag needs a string name and a string value");
            }
            tags.add(new Tag(name.asText(), value.asText()));
        }
        return tags;
    }

    /** Reads {@code [{name, value}]} as another unit wrote it: a missing name or value reads as "". */
    public static List<Tag> fromJsonLenient(JsonNode array) {
        List<Tag> tags = new ArrayList<>();
        if (array == null) {
            return tags;
        }
        for (JsonNode tag : array) {
            tags.add(new Tag(tag.path("name").asText(), tag.path("value").asText()));
        }
        return tags;
    }
}
