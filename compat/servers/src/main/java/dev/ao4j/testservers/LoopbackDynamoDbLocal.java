package dev.ao4j.testservers;

import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBRequestHandler;
import com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Runs DynamoDB Local in memory, listening on 127.0.0.1 only (its own launcher binds every interface and
 * sends telemetry; this one does neither). Prints {@code LISTENING <port>} once ready; stops with the JVM.
 * Usage: {@code LoopbackDynamoDbLocal [port]} (0 or absent: any free port).
 */
public final class LoopbackDynamoDbLocal {
    private LoopbackDynamoDbLocal() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
                new LocalDynamoDBRequestHandler(0, true, null, true, false), null);
        // Only used to build DynamoDB Local's Jetty handler tree; never started, so it binds nothing.
        DynamoDBProxyServer handlerFactory = new DynamoDBProxyServer(0, handler);

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handlerFactory.setUpHandler(handler));
        server.start();
        System.out.println("LISTENING " + connector.getLocalPort());
        System.out.flush();
        server.join();
    }
}
