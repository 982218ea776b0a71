package dev.ao4j.bench.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A message the node acknowledged to the traffic (a line of the ack file): a direct credit, or a send that the
 * process forwards as a credit to {@code target}. Either way {@code target} must count reference {@code ref} once.
 */
record Acknowledged(String kind, String process, String message, String ref, String target) {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<Acknowledged> read(Path file) throws IOException {
        List<Acknowledged> all = new ArrayList<>();
        if (!Files.exists(file)) {
            return all;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                JsonNode json = JSON.readTree(line);
                all.add(new Acknowledged(json.path("kind").asText(), json.path("process").asText(),
                        json.path("message").asText(), json.path("ref").asText(), json.path("target").asText()));
            }
        }
        return all;
    }
}
