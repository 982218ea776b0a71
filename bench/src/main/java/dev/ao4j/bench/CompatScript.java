package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A node script of compat/scripts that prints one JSON object, run to its end (its stderr goes to the bench's). */
final class CompatScript {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CompatScript() {}

    static JsonNode run(Path compat, String script, List<?> args, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", compat.resolve("scripts").resolve(script).toString()));
        args.forEach(arg -> command.add(arg.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(compat.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(script + " failed (exit " + process.exitValue() + ")");
        }
        return JSON.readTree(out);
    }
}
