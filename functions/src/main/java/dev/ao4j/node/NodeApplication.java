package dev.ao4j.node;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;

/** The node's lifetime: serve until the process is asked to stop (Ctrl-C, SIGTERM). */
public final class NodeApplication implements QuarkusApplication {
    @Override
    public int run(String... args) {
        Quarkus.waitForExit();
        return 0;
    }
}
