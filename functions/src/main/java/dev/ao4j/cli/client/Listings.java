package dev.ao4j.cli.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Modules and processes as the gateway's GraphQL lists them (the queries an explorer would make). */
final class Listings {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUERY = """
            query($tags: [TagFilter!], $owners: [String!], $after: String) {
              transactions(tags: $tags, owners: $owners, first: 100, after: $after) {
                pageInfo { hasNextPage }
                edges { cursor node { id owner { address } tags { name value } block { height } } }
              }
            }""";

    private Listings() {}

    static List<JsonNode> modules(NodeClient client) throws NodeException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : query(client, "Module", null)) {
            ObjectNode row = JSON.createObjectNode();
            row.put("name", tag(node, "Name", ""));
            row.put("id", node.path("id").asText());
            row.put("format", tag(node, "Module-Format", ""));
            row.put("owner", node.path("owner").path("address").asText());
            out.add(row);
        }
        return out;
    }

    static List<JsonNode> processes(NodeClient client, String owner) throws NodeException {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : query(client, "Process", owner)) {
            ObjectNode row = JSON.createObjectNode();
            row.put("id", node.path("id").asText());
            row.put("name", tag(node, "Name", ""));
            row.put("module", tag(node, "Module", ""));
            row.put("owner", node.path("owner").path("address").asText());
            row.put("fromProcess", tag(node, "From-Process", ""));
            out.add(row);
        }
        return out;
    }

    private static List<JsonNode> query(NodeClient client, String type, String owner) throws NodeException {
        List<JsonNode> nodes = new ArrayList<>();
        String after = null;
        while (true) {
            ObjectNode variables = JSON.createObjectNode();
            var tags = variables.putArray("tags");
            tags.addObject().put("name", "Data-Protocol").putArray("values").add("ao");
            tags.addObject().put("name", "Type").putArray("values").add(type);
            if (owner != null) {
                variables.putArray("owners").add(owner);
            }
            if (after != null) {
                variables.put("after", after);
            }
            JsonNode page = client.graphql(QUERY, variables).path("transactions");
            for (JsonNode edge : page.path("edges")) {
                nodes.add(edge.path("node"));
                after = edge.path("cursor").asText();
            }
            if (!page.path("pageInfo").path("hasNextPage").asBoolean() || page.path("edges").isEmpty()) {
                return nodes;
            }
        }
    }

    private static String tag(JsonNode node, String name, String fallback) {
        for (JsonNode tag : node.path("tags")) {
            if (name.equals(tag.path("name").asText())) {
                return tag.path("value").asText();
            }
        }
        return fallback;
    }
}
