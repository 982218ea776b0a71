package dev.ao4j.testing;

import java.net.URI;
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

    private final ServerJvm server;

    private DynamoDbLocal(ServerJvm server) {
        this.server = server;
    }

    public static synchronized DynamoDbLocal get() {
        if (instance == null) {
            String lib = Compat.compatDir().resolve("servers/target/dynamodb-local/lib").toString();
            instance = new DynamoDbLocal(ServerJvm.start("dynamodb-local", "dev.ao4j.testservers.LoopbackDynamoDbLocal",
                    "-Xmx512m", "-Dsqlite4java.library.path=" + lib));
        }
        return instance;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
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
}
