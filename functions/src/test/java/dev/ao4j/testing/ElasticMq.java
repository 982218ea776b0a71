package dev.ao4j.testing;

import dev.ao4j.localservers.ServerJvm;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * ElasticMQ (an SQS-compatible server, from Maven Central) in a child JVM bound to 127.0.0.1, started once per
 * test JVM and stopped when it exits. Its classpath is prepared by the compat/servers module.
 */
public final class ElasticMq {
    /** Quarkus tests load this class in more than one class loader; the port tells them all which server is up. */
    private static final String PORT_PROPERTY = "ao4j.test.elasticmq.port";
    private static ElasticMq instance;

    private final int port;

    private ElasticMq(int port) {
        this.port = port;
    }

    public static synchronized ElasticMq get() {
        if (instance == null) {
            String running = System.getProperty(PORT_PROPERTY);
            int port = running != null ? Integer.parseInt(running)
                    : ServerJvm.start(Compat.compatDir(), "elasticmq", "dev.ao4j.testservers.LoopbackElasticMq", "-Xmx256m").port();
            System.setProperty(PORT_PROPERTY, Integer.toString(port));
            instance = new ElasticMq(port);
        }
        return instance;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** A fresh client (the caller closes it). */
    public SqsClient client() {
        return SqsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }
}
