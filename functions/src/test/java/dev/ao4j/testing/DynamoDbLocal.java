package dev.ao4j.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local (Amazon's own emulator, from Maven Central) in a child JVM on 127.0.0.1, started once per
 * test JVM and stopped when it exits. Its classpath is prepared by the compat/servers module.
 */
public final class DynamoDbLocal {
    private static DynamoDbLocal instance;

    private final Process process;
    private final int port;

    private DynamoDbLocal(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static synchronized DynamoDbLocal get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A fresh client (the caller closes it). */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Kills the emulator: what an outage of DynamoDB looks like to a client. */
    public void kill() {
        process.destroyForcibly();
    }

    private static DynamoDbLocal start() {
        Path servers = Compat.compatDir().resolve("servers/target");
        Path lib = servers.resolve("dynamodb-local/lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build compat/servers first (the root build does)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            Process process = new ProcessBuilder(java, "-Xmx512m", "-Dsqlite4java.library.path=" + lib,
                    "-cp", servers.resolve("classes") + ":" + lib + "/*",
                    "dev.ao4j.testservers.LoopbackDynamoDbLocal", "0")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("LISTENING ")) {
                    int port = Integer.parseInt(line.substring("LISTENING ".length()).trim());
                    Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), "dynamodb-local-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new DynamoDbLocal(process, port);
                }
            }
            process.waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException("DynamoDB Local exited before listening (exit " + process.exitValue() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start DynamoDB Local: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting DynamoDB Local", e);
        }
    }
}
