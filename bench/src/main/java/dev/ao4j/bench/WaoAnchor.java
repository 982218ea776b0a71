package dev.ao4j.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * WAO 0.35.7, the in-memory JavaScript AO emulator, started on loopback as the anchor {@code bench e2e} measures in
 * the same run as the node (compat/scripts/wao-server.mjs). It is installed into compat/wao on first use, from the
 * npm registry, and never by the tests.
 */
final class WaoAnchor implements AutoCloseable {
    static final String VERSION = "0.35.7";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process server;
    private final JsonNode urls;

    private WaoAnchor(Process server, JsonNode urls) {
        this.server = server;
        this.urls = urls;
    }

    static WaoAnchor start(Path compat) throws IOException, InterruptedException {
        install(compat.resolve("wao"));
        int port = freePorts(5);
        Process server = new ProcessBuilder("node", "--experimental-wasm-memory64",
                compat.resolve("scripts/wao-server.mjs").toString(), Integer.toString(port))
                .directory(compat.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            JsonNode urls = announced(server);
            awaitListening(port + 4, server);
            return new WaoAnchor(server, urls);
        } catch (IOException | RuntimeException e) {
            server.destroyForcibly();
            throw e;
        }
    }

    /** What compat/scripts/aoconnect-bench.cjs needs to reach WAO: its units, aos 2.0.6's id, its SU and MU. */
    Map<String, String> aoconnectEnvironment() {
        return Map.of("MU_URL", urls.get("mu").asText(), "CU_URL", urls.get("cu").asText(),
                "GATEWAY_URL", urls.get("gateway").asText(), "AO_MODULE", urls.get("module").asText(),
                "AO_SCHEDULER", urls.get("scheduler").asText(), "AO_AUTHORITY", urls.get("authority").asText());
    }

    private static void install(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules/wao"))) {
            return;
        }
        System.err.println("bench: installing WAO " + VERSION + " into " + dir + " (npm ci, once)");
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile()).inheritIO().start();
        if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new IllegalStateException("npm ci of WAO in " + dir + " failed");
        }
    }

    /** A base port whose next {@code count} ports are free on loopback. */
    private static int freePorts(int count) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(40_000, 60_000);
            if (allFree(base, count)) {
                return base;
            }
        }
        throw new IOException("no " + count + " consecutive free loopback ports found");
    }

    private static boolean allFree(int base, int count) {
        for (int port = base; port < base + count; port++) {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException taken) {
                return false;
            }
        }
        return true;
    }

    /** The first JSON line the server prints (WAO's own lines come before and after it). */
    private static JsonNode announced(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("{")) {
                Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "wao-stdout");
                drain.setDaemon(true);
                drain.start();
                return JSON.readTree(line);
            }
        }
        throw new IOException("the WAO server ended before announcing its URLs (exit " + server.exitValue() + ")");
    }

    private static void awaitListening(int port, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && server.isAlive()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the WAO server did not listen on port " + port);
    }

    @Override
    public void close() {
        server.descendants().forEach(ProcessHandle::destroyForcibly);
        server.destroyForcibly();
    }
}
