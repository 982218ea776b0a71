package dev.ao4j.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * One Lambda execution environment for function.zip, as the managed Java runtime lays it out: the zip unpacked
 * (classes at the root, jars in lib/), AWS's runtime interface client as the process's main class with the
 * function's handler, the Lambda environment variables, and Terraform's JAVA_TOOL_OPTIONS. The runtime talks to
 * the {@link RuntimeApiEmulator}. Stopped (destroyed) by close.
 */
final class LambdaJvm implements AutoCloseable {
    private static Path task;

    private final Process process;
    private final long startNanos;
    private final Path log;

    private LambdaJvm(Process process, long startNanos, Path log) {
        this.process = process;
        this.startNanos = startNanos;
        this.log = log;
    }

    static LambdaJvm start(String name, String handler, Map<String, String> env, RuntimeApiEmulator api, String javaToolOptions)
            throws IOException {
        Path root = taskRoot();
        Path ric = Path.of(System.getProperty("ao4j.lambda.ric", "target/lambda-ric"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", root + ":" + root + "/lib/*:" + ric + "/*",
                "com.amazonaws.services.lambda.runtime.api.client.AWSLambda", handler));
        Path log = Path.of("target", "lambda-" + name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("AO4J_") || k.startsWith("QUARKUS_") || k.startsWith("AWS_"));
        Map<String, String> lambda = new HashMap<>(Map.of(
                "AWS_LAMBDA_RUNTIME_API", api.address(),
                "AWS_LAMBDA_FUNCTION_NAME", "ao4j-" + name,
                "AWS_LAMBDA_FUNCTION_VERSION", "1",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024",
                "AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/ao4j-" + name,
                "AWS_LAMBDA_LOG_STREAM_NAME", "test",
                "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local",
                "_HANDLER", handler));
        lambda.put("LAMBDA_TASK_ROOT", root.toString());
        lambda.put("JAVA_TOOL_OPTIONS", javaToolOptions);
        environment.putAll(lambda);
        environment.putAll(env);
        long start = System.nanoTime();
        Process process = builder.start();
        return new LambdaJvm(process, start, log);
    }

    /** function.zip unpacked once per test JVM. */
    private static synchronized Path taskRoot() throws IOException {
        if (task == null) {
            task = unpack(functionZip(), "lambda-task");
        }
        return task;
    }

    /** The package under test: function.zip as the lambda module's package phase builds it. */
    static Path functionZip() {
        return Path.of(System.getProperty("ao4j.lambda.zip", "target/function.zip"));
    }

    /** A deployment package (function.zip or a layer) unpacked as Lambda does, into a new directory under target. */
    static Path unpack(Path zip, String prefix) throws IOException {
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException(zip + " is missing: the lambda module's package phase builds it");
        }
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), prefix);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(entry.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("zip entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
        return dir;
    }

    long startNanos() {
        return startNanos;
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
