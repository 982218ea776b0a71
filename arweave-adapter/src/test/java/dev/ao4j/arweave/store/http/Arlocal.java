package dev.ao4j.arweave.store.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.testing.Compat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** arlocal and a minimal bundler in front of it, in one node process on loopback, for the life of a test class. */
final class Arlocal implements AutoCloseable {
    private final Process process;
    final URI gateway;
    final URI bundler;

    private Arlocal(Process process, URI gateway, URI bundler) {
        this.process = process;
        this.gateway = gateway;
        this.bundler = bundler;
    }

    static Arlocal start() throws IOException {
        Path script = Path.of("src/test/resources/arlocal/arlocal-with-bundler.mjs").toAbsolutePath();
        Process process = new ProcessBuilder("node", script.toString())
                .directory(Compat.compatDir().toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null) {
            process.destroyForcibly();
            throw new IOException("arlocal exited before it was ready");
        }
        JsonNode ready = new ObjectMapper().readTree(line);
        return new Arlocal(process, URI.create(ready.path("gateway").asText()), URI.create(ready.path("bundler").asText()));
    }

    /** arlocal's {@code GET /mine}: puts every pending transaction into a new block. */
    void mine() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/mine")).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("arlocal /mine answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
