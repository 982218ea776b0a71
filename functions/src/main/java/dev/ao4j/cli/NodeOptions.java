package dev.ao4j.cli;

import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import dev.ao4j.node.NodeUrls;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which node a user command talks to: the one whose urls.json is in the data directory, or the one at --url. */
final class NodeOptions {
    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:AO4J_DATA_DIR:-./.ao4j-data}",
            description = "The node's data directory, whose urls.json names its units. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--url", paramLabel = "URL",
            description = "The node's base URL (e.g. http://127.0.0.1:8734) instead of --data's urls.json.")
    String url;

    NodeClient connect() throws NodeException {
        if (url != null) {
            return NodeClient.discover(url);
        }
        try {
            return new NodeClient(NodeUrls.read(dataDir));
        } catch (IOException e) {
            throw new NodeException(0, e.getMessage());
        }
    }
}
