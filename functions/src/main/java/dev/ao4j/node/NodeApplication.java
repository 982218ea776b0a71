package dev.ao4j.node;

import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/**
 * The node's lifetime: once every unit is up and the port listens, write and print {@code urls.json}; then
 * serve until the process is asked to stop (Ctrl-C, SIGTERM).
 */
public final class NodeApplication implements QuarkusApplication {
    @Override
    public int run(String... args) throws Exception {
        NodeUrls urls = Arc.container().instance(NodeWiring.class).get().announce();
        System.out.println(urls.toJson());
        System.out.flush();
        // On stderr: stdout is urls.json alone, for scripts that read it.
        System.err.println("console: " + urls.gateway() + "/console");
        Quarkus.waitForExit();
        return 0;
    }
}
