package dev.ao4j.mu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.mu.queue.embedded.EmbeddedQueueConnector;
import dev.ao4j.testing.AosModules;
import dev.ao4j.testing.Await;
import dev.ao4j.testing.NodeTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crank to its fixpoint on a whole node with real aos processes (wasm32 aos 2.0.4), every hop through the
 * MU's queue, the SU and the CU over HTTP: ping-pong, a spawn chain and a monitored cron process (the fan-out
 * is {@link MuFanOutTest}, on a node of its own).
 */
@QuarkusTest
@TestProfile(NodeTestProfile.class)
@org.junit.jupiter.api.Tag("slow")
class MuCrankTest {
    static final int ROUNDS = Integer.getInteger("mu.test.rounds", 100);
    static final int DEPTH = 10;

    static final String PONG = """
            Handlers.add("ping", Handlers.utils.hasMatchingTag("Action", "Ping"), function (msg)
              ao.send({ Target = msg.From, Action = "Pong", Data = msg.Data })
            end)
            """;
    static final String PING = """
            Pongs = Pongs or 0
            Handlers.add("start", Handlers.utils.hasMatchingTag("Action", "Start"), function (msg)
              Peer = msg.Data
              ao.send({ Target = Peer, Action = "Ping", Data = "1" })
            end)
            Handlers.add("pong", Handlers.utils.hasMatchingTag("Action", "Pong"), function (msg)
              Pongs = Pongs + 1
              if Pongs < %d then ao.send({ Target = Peer, Action = "Ping", Data = tostring(Pongs + 1) }) end
            end)
            """.formatted(ROUNDS);
    /** Spawns a child that boots with this same code (On-Boot: Data) and one less Depth, until Depth is 0. */
    static final String CHAIN = """
            ChainSrc = [==[
            local depth = tonumber(ao.env.Process.Tags.Depth or "0")
            if depth > 0 then
              ao.spawn(ao.env.Module.Id, { Data = "ChainSrc = [" .. "==[" .. ChainSrc .. "]" .. "==]\\nload(ChainSrc)()",
                ["On-Boot"] = "Data", Depth = tostring(depth - 1), Authority = ao.env.Process.Tags.Authority })
            end
            ]==]
            load(ChainSrc)()
            """;
    static final String FAN = """
            Handlers.add("fan", Handlers.utils.hasMatchingTag("Action", "Fan"), function (msg)
              for target in string.gmatch(msg.Data, "[^,]+") do
                ao.send({ Target = target, Action = "Hello", Data = "hello " .. target })
              end
            end)
            """;

    @TestHTTPResource("/")
    URL base;

    @Inject
    @Connector(EmbeddedQueueConnector.NAME)
    EmbeddedQueueConnector queue;

    @Inject
    Permastore permastore;

    static String module;
    MuClient client;

    @BeforeEach
    void setUp() throws Exception {
        client = new MuClient(base.toString());
        if (module == null) {
            DataItem item = AosModules.item(client.user, AosModules.AOS_32, AosModules.AOS_32_FORMAT);
            permastore.put(item);
            module = item.id();
        }
    }

    @Test
    void pingPongHundredRounds() throws Exception {
        String a = client.spawn(module);
        String b = client.spawn(module);
        client.eval(a, PING);
        client.eval(b, PONG);
        client.send(a, b, new Tag("Action", "Start"));
        MuClient.await(ROUNDS + " pongs in a's log", Duration.ofMinutes(5),
                () -> client.logged(a, "Action", "Pong").size() >= ROUNDS);
        assertExactlyOnce(client.logged(b, "Action", "Ping"), ROUNDS, a);
        assertExactlyOnce(client.logged(a, "Action", "Pong"), ROUNDS, b);
    }

    /** Rounds 1..n each exactly once, all from {@code from}. */
    private static void assertExactlyOnce(List<MuClient.Entry> entries, int n, String from) {
        Set<String> rounds = new HashSet<>();
        for (MuClient.Entry entry : entries) {
            assertEquals(from, entry.tag("From-Process"));
            assertTrue(rounds.add(entry.data()), "round " + entry.data() + " twice in the log");
        }
        assertEquals(n, rounds.size());
        for (int i = 1; i <= n; i++) {
            assertTrue(rounds.contains(Integer.toString(i)), "round " + i + " missing");
        }
    }

    @Test
    void aSpawnChainTenDeep() throws Exception {
        String root = client.spawn(module, new Tag("Depth", Integer.toString(DEPTH)));
        client.eval(root, CHAIN);
        List<String> chain = new ArrayList<>(List.of(root));
        for (int depth = 1; depth <= DEPTH; depth++) {
            String parent = chain.get(depth - 1);
            MuClient.await("the Spawned notice of generation " + depth, Duration.ofMinutes(2),
                    () -> !client.logged(parent, "Action", "Spawned").isEmpty());
            List<MuClient.Entry> notices = client.logged(parent, "Action", "Spawned");
            assertEquals(1, notices.size(), "one child per generation");
            MuClient.Entry notice = notices.get(0);
            assertEquals(parent, notice.tag("From-Process"), "From of the notice is the parent");
            String child = notice.tag("Process");
            assertNotNull(child);
            MuClient.Entry boot = client.log(child).get(0);
            assertEquals(child, boot.id());
            assertEquals(parent, boot.tag("From-Process"));
            assertEquals(Integer.toString(DEPTH - depth), boot.tag("Depth"));
            assertEquals(client.muAddress(), boot.owner(), "the MU signs spawned processes");
            chain.add(child);
        }
        // Every step the chain caused has run once the queue is empty.
        Await.until("the crank queue is drained", Duration.ofMinutes(2), () -> queue.backend().depth().orElseThrow() == 0);
        assertTrue(client.logged(chain.get(DEPTH), "Action", "Spawned").isEmpty(), "the last generation spawns nothing");
    }

    /** 300,000 bytes of Data: over the 240 KiB a queue task carries, so the deliver step travels as a claim. */
    @Test
    void anOutboxMessageLargerThanAQueueMessageIsDeliveredWhole() throws Exception {
        String a = client.spawn(module);
        String b = client.spawn(module);
        client.eval(a, """
                Handlers.add("big", Handlers.utils.hasMatchingTag("Action", "Big"), function (msg)
                  ao.send({ Target = msg.Data, Action = "Large", Data = string.rep("0123456789", 30000) })
                end)
                """);
        String start = client.send(a, b, new Tag("Action", "Big"));
        MuClient.await("the large message in b's log", Duration.ofMinutes(2), () -> !client.logged(b, "Action", "Large").isEmpty());
        List<MuClient.Entry> large = client.logged(b, "Action", "Large");
        assertEquals(1, large.size());
        assertEquals("0123456789".repeat(30_000), large.getFirst().data());
        assertEquals(a, large.getFirst().tag("From-Process"));
        assertEquals(start, large.getFirst().tag("Pushed-For"));
    }

    @Test
    void aMonitoredCronProcessHasItsCronOutboxCranked() throws Exception {
        String b = client.spawn(module);
        String a = client.spawn(module, new Tag("Cron-Interval", "2-seconds"), new Tag("Cron-Tag-Action", "Cron"));
        client.eval(a, """
                Handlers.add("cron", Handlers.utils.hasMatchingTag("Action", "Cron"), function (msg)
                  ao.send({ Target = "%s", Action = "Tick", Data = tostring(msg.Timestamp) })
                end)
                """.formatted(b));
        MuClient.await("the eval's result", Duration.ofSeconds(60), () -> client.result(client.log(a).getLast().id(), a).has("Output"));
        MuClient.Answer monitor = client.post("/mu/monitor/" + a, client.message(a, "").raw());
        assertEquals(200, monitor.status(), monitor.body());
        assertEquals("Monitoring process", monitor.body());
        MuClient.await("two cron ticks pushed to b", Duration.ofMinutes(2), () -> client.logged(b, "Action", "Tick").size() >= 2);
        for (MuClient.Entry tick : client.logged(b, "Action", "Tick")) {
            assertEquals(a, tick.tag("From-Process"));
            assertEquals(null, tick.tag("Pushed-For"), "a cron result has no user message to name");
        }
        MuClient.Answer delete = client.delete("/mu/monitor/" + a, client.message(a, "").raw());
        assertEquals(200, delete.status(), delete.body());
        assertEquals("Process deleted", delete.body());
    }

    /** VmRSS of this JVM (the node and its CU's live aos instances), as Linux reports it. */
    static String residentMemory() throws Exception {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS")).map(line -> line.substring(6).trim()).findFirst().orElse("?");
    }
}
