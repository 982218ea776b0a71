package dev.ao4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A user command that talks to a running node. Exit codes: 0 done; 1 the process answered with an Error;
 * 2 bad input or the node refused the request (its {@code {"error"}} is printed); 3 the node cannot be reached.
 */
abstract class NodeCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int PROCESS_ERROR = 1;
    static final int REFUSED = 2;
    static final int UNREACHABLE = 3;
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Mixin
    NodeOptions node;

    abstract int run(NodeClient client) throws Exception;

    @Override
    public final Integer call() throws Exception {
        try {
            return run(node.connect());
        } catch (NodeException e) {
            err().println("ao4j: " + e.getMessage());
            return e.unreachable() ? UNREACHABLE : REFUSED;
        }
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void printJson(JsonNode json) throws Exception {
        out().println(JSON.writeValueAsString(json));
        out().flush();
    }

    /** Prints the result's Error to stderr and returns the exit code the result deserves. */
    int outcome(JsonNode result) {
        if (result.hasNonNull("Error")) {
            err().println("ao4j: the process answered with an Error: " + text(result.get("Error")));
            return PROCESS_ERROR;
        }
        return OK;
    }

    static String text(JsonNode value) {
        return value.isTextual() ? value.asText() : value.toString();
    }
}
