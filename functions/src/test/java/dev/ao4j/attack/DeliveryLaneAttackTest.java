package dev.ao4j.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.node.NodeWiring;
import dev.ao4j.testing.Await;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * H7, the tarpit: make a victim process send to a target whose Scheduler-Location names an SU that never answers.
 * The delivery to that target waits for its SU (up to ao4j.outbound.su-timeout, then retried with backoff); it
 * must hold back only the lane of that sender and target, so the same sender's messages to other targets still
 * arrive promptly, in the order it sent them.
 */
@QuarkusTest
@TestProfile(AttackNodeProfile.class)
class DeliveryLaneAttackTest {
    /** Well under ao4j.outbound.su-timeout (30 s): a delivery queued behind the hanging one could not make it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(20);

    @TestHTTPResource("/")
    URL root;

    @Inject
    NodeWiring node;

    private HttpServer tarpit;
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startTarpit() throws IOException {
        tarpit = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tarpit.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        tarpit.createContext("/", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
            try {
                release.await(2, TimeUnit.MINUTES); // accepts the request and never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        tarpit.start();
    }

    @AfterEach
    void stopTarpit() {
        release.countDown();
        tarpit.stop(0);
    }

    @Test
    void aTargetWhoseSuHangsDoesNotHoldBackTheSendersOtherTargets() throws Exception {
        AttackUser attacker = new AttackUser(root);
        attacker.publishLocation("http://localhost:" + tarpit.getAddress().getPort() + "/su");
        String stuck = attacker.uploadProcessOnOwnScheduler();

        AttackUser victim = new AttackUser(root);
        String module = node.modules().get("aos-2.0.4-wasm32");
        String sender = victim.spawnAos(module);
        String other = victim.spawnAos(module);
        String warm = victim.send(sender, "Eval", "return 1");
        Await.until("the sender's first result", Duration.ofMinutes(2), Duration.ofMillis(250),
                () -> victim.get("/cu/result/" + warm + "?process-id=" + sender).status() == 200);

        victim.send(sender, "Eval", """
                ao.send({ Target = "%s", Action = "ToStuck" })
                ao.send({ Target = "%s", Action = "Note", Order = "1" })
                ao.send({ Target = "%s", Action = "Note", Order = "2" })
                ao.send({ Target = "%s", Action = "Note", Order = "3" })
                """.formatted(stuck, other, other, other));
        long start = System.nanoTime();
        Await.until("the three notes on the other target's SU", PROMPTLY.plusSeconds(40), Duration.ofMillis(250),
                () -> notes(victim, other).size() == 3);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(took.compareTo(PROMPTLY) < 0, "the notes arrived in " + took + ", not held behind the hanging SU");
        assertEquals(List.of("1", "2", "3"), notes(victim, other), "in the order the sender sent them");
        assertFalse(asked.isEmpty(), "the delivery to the stuck target did reach its hanging SU");
        assertTrue(victim.loggedTags(sender).size() >= 3, "the sender's own log is readable");
    }

    /** The Order tags of the Note messages on the process's SU log, in log order. */
    private static List<String> notes(AttackUser user, String process) throws Exception {
        return user.loggedTags(process).stream()
                .filter(tags -> tags.stream().anyMatch(t -> t.name().equals("Action") && t.value().equals("Note")))
                .map(tags -> tags.stream().filter(t -> t.name().equals("Order")).map(Tag::value).findFirst().orElse("?"))
                .toList();
    }
}
