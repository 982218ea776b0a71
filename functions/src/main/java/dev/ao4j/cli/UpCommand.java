package dev.ao4j.cli;

import dev.ao4j.node.NodeApplication;
import io.quarkus.runtime.Quarkus;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./ao4j up}: the whole node — MU, SU, CU and gateway — in this process, until Ctrl-C. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Start the node: MU, SU, CU and an Arweave gateway on the embedded store, on one port.")
public final class UpCommand implements Callable<Integer> {
    @Option(names = "--data", description = "Data directory (default: ${DEFAULT-VALUE}).", defaultValue = "./.ao4j-data")
    Path data;

    @Option(names = "--port", description = "HTTP port on 127.0.0.1 (default: ${DEFAULT-VALUE}).", defaultValue = "8734")
    int port;

    @Override
    public Integer call() {
        System.setProperty("ao4j.data-dir", data.toAbsolutePath().normalize().toString());
        System.setProperty("quarkus.http.port", Integer.toString(port));
        Quarkus.run(NodeApplication.class);
        return 0;
    }
}
