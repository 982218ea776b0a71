package dev.ao4j.testing;

import dev.ao4j.localservers.LocalDynamoDb;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local for tests: started once per test JVM (its classpath is prepared by the compat/servers module)
 * and stopped when the JVM exits.
 */
public final class DynamoDbLocal {
    private static DynamoDbLocal instance;

    private final LocalDynamoDb server;

    private DynamoDbLocal(LocalDynamoDb server) {
        this.server = server;
    }

    public static synchronized DynamoDbLocal get() {
        if (instance == null) {
            instance = new DynamoDbLocal(LocalDynamoDb.start(Compat.compatDir()));
        }
        return instance;
    }

    public URI endpoint() {
        return server.endpoint();
    }

    /** A fresh client (the caller closes it). */
    public DynamoDbClient client() {
        return server.client();
    }
}
