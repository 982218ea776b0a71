package dev.ao4j.localservers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for a cloud service (DynamoDB Local, ElasticMQ) launched from compat/servers in its own JVM
 * (its classes plus {@code target/<server>/lib}), which prints {@code LISTENING <port>} once it accepts
 * connections on 127.0.0.1. Tests and benchmarks use it; it is killed when this JVM exits.
 */
public record ServerJvm(Process process, int port) {
    public static ServerJvm start(Path compatDir, String server, String mainClass, String... jvmOptions) {
        Path target = compatDir.resolve("servers/target");
        Path lib = target.resolve(server).resolve("lib");
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException(lib + " is missing: build compat/servers first (the root build does: ./mvnw -B -q -Dquick package)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", target.resolve("classes") + ":" + lib + "/*", mainClass, "0"));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("LISTENING ")) {
                    int port = Integer.parseInt(line.substring("LISTENING ".length()).trim());
                    Thread drain = new Thread(() -> out.lines().forEach(ignored -> { }), server + "-stdout");
                    drain.setDaemon(true);
                    drain.start();
                    return new ServerJvm(process, port);
                }
            }
            process.waitFor(5, TimeUnit.SECONDS);
            throw new IllegalStateException(server + " exited before listening (exit " + process.exitValue() + ")");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + server + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + server, e);
        }
    }
}
