package dev.ao4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow uploads that declare large bodies and then trickle them: past the in-flight budget (2 MiB in
 * {@link AttackNodeProfile}) a further upload is refused with 503 before its body is read, and once the slow ones
 * are gone uploads are received again.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class BodyFloodAttackTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URL root;

    private Socket slowUpload(int declared) throws Exception {
        Socket socket = new Socket(root.getHost(), root.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /tx HTTP/1.1\r\nHost: " + root.getHost() + "\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + declared + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(new byte[1024]); // a first trickle, then nothing
        out.flush();
        return socket;
    }

    private HttpResponse<String> upload(int size) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(root + "tx")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[size])).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void slowLargeUploadsPastTheBudgetAreRefusedAndTheNodeReceivesAgainAfterwards() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            slow.add(slowUpload(1024 * 1024));
            slow.add(slowUpload(1024 * 1024));
            Thread.sleep(500); // both are past their headers, holding their reservations
            HttpResponse<String> refused = upload(64 * 1024);
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.headers().firstValue("Retry-After").isPresent());
            assertTrue(refused.body().contains("max-in-flight-body-bytes"), refused.body());
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        HttpResponse<String> received = null;
        for (int attempt = 0; attempt < 50; attempt++) { // the closed connections release their reservations
            received = upload(64 * 1024);
            if (received.statusCode() != 503) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(400, received.statusCode(), "received and refused as the junk it is: " + received.body());
    }
}
