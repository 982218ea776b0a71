package dev.ao4j.bench;

import dev.ao4j.node.ModuleCatalog;
import dev.ao4j.node.NodeUrls;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A node as a user starts it, {@code ./ao4j up --data DIR --port N}, in its own process on a free loopback port;
 * its output goes to {@code node.log} in the data directory. It can be killed with SIGKILL and started again on
 * the same directory and port.
 */
public final class LaunchedNode implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);

    private final Path launcher;
    private final Path data;
    private final int port;
    private final Map<String, String> environment;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;
    private NodeUrls urls;
    private Duration startedIn;

    private LaunchedNode(Path launcher, Path data, int port, Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        this.launcher = launcher;
        this.data = data;
        this.port = port;
    }

    /** Starts the node of the checkout at {@code root} on a fresh port and waits until it answers. */
    public static LaunchedNode start(Path root, Path data) throws IOException, InterruptedException {
        return start(root, data, Map.of());
    }

    /** {@link #start(Path, Path)} with settings in the node's environment, e.g. {@code AO4J_CU_WARM_UP=PT0S}. */
    public static LaunchedNode start(Path root, Path data, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path launcher = root.resolve("ao4j");
        if (!Files.isExecutable(launcher)) {
            throw new IllegalStateException("the node is started with " + launcher + "; run this through ./ao4j");
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        LaunchedNode node = new LaunchedNode(launcher, data, port, environment);
        node.launch();
        return node;
    }

    public NodeUrls urls() {
        return urls;
    }

    /** How long the last start took, from launching {@code ./ao4j up} (the JVM included) to the SU's first answer. */
    public Duration startedIn() {
        return startedIn;
    }

    /** Waits until the node has logged the end of its JIT warm-up (docs/cu.md); answers whether it did. */
    public boolean awaitJitWarmUp(Duration patience) throws IOException, InterruptedException {
        return awaitLogLine(patience, "JIT warm-up of module", "finished");
    }

    /** Waits until the node's log has a line containing every one of {@code fragments}; answers whether it came. */
    private boolean awaitLogLine(Duration patience, String... fragments) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            try (var lines = Files.lines(log())) {
                if (lines.anyMatch(line -> java.util.Arrays.stream(fragments).allMatch(line::contains))) {
                    return true;
                }
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** What compat/scripts/lib/aos-user.cjs reads: aoconnect's unit URLs and the node's module, scheduler, authority. */
    public static Map<String, String> aoconnectEnvironment(NodeUrls urls) {
        return Map.of("MU_URL", urls.mu(), "CU_URL", urls.cu(), "GATEWAY_URL", urls.gateway(),
                "AO_MODULE", urls.modules().get(ModuleCatalog.DEFAULT_MODULE), "AO_SCHEDULER", urls.scheduler(),
                "AO_AUTHORITY", urls.authority());
    }

    public Path data() {
        return data;
    }

    /** The node's resident memory (Linux {@code VmRSS}): the JVM, its heap and every loaded process's memory. */
    public long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for the node's process " + process.pid());
    }

    public Path log() {
        return data.resolve("node.log");
    }

    /** SIGKILL, then a start on the same data; answers how long the node took to answer again. */
    public Duration killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor();
        launch();
        return startedIn;
    }

    private void launch() throws IOException, InterruptedException {
        Files.deleteIfExists(data.resolve(NodeUrls.FILE)); // written anew once this start is up
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "up", "--data", data.toString(), "--port",
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("AO4J_NO_BUILD", "1"); // the build this runs from, not one made meanwhile
        long started = System.nanoTime();
        process = builder.start();
        long deadline = started + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the node exited with " + process.exitValue() + "; its log: " + log());
            }
            if (Files.exists(data.resolve(NodeUrls.FILE))) {
                urls = NodeUrls.read(data);
                if (answers(urls.su())) {
                    startedIn = Duration.ofNanos(System.nanoTime() - started);
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the node did not answer within " + START_TIMEOUT + "; its log: " + log());
    }

    private boolean answers(String url) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGTERM, as a user stops it; answers whether it stopped within {@code patience} (if not, SIGKILL). */
    public boolean stop(Duration patience) throws InterruptedException {
        process.destroy();
        if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor();
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofMinutes(1));
    }
}
