package dev.ao4j.mu.queue.sqs;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** SQS clients on the JDK's URL connection (no Netty or Apache client; small and native-image friendly). */
public final class SqsClients {
    private SqsClients() {}

    /** Credentials from the SDK's default chain (environment, system properties, profile, Lambda role). */
    public static SqsClient create(String region, Optional<URI> endpoint) {
        SqsClientBuilder builder = SqsClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
