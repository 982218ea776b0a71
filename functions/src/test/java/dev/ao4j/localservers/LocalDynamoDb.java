package dev.ao4j.localservers;

import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** DynamoDB Local (Amazon's own emulator, from Maven Central) in a child JVM on 127.0.0.1. */
public record LocalDynamoDb(ServerJvm server) implements AutoCloseable {
    public static LocalDynamoDb start(Path compatDir) {
        String lib = compatDir.resolve("servers/target/dynamodb-local/lib").toString();
        return new LocalDynamoDb(ServerJvm.start(compatDir, "dynamodb-local", "dev.ao4j.testservers.LoopbackDynamoDbLocal",
                "-Xmx512m", "-Dsqlite4java.library.path=" + lib));
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

    @Override
    public void close() {
        server.process().destroy();
    }
}
