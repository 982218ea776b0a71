package dev.ao4j.mu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.store.Permastore;
import dev.ao4j.testing.AosModules;
import dev.ao4j.testing.NodeTestProfile;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One message fanned out to 50 aos processes (wasm32), each log holding it exactly once. On a node of its own:
 * 51 live aos instances fill the CU's memory, which other tests' processes would then lack.
 */
@QuarkusTest
@TestProfile(MuFanOutTest.OwnNode.class)
@org.junit.jupiter.api.Tag("slow")
class MuFanOutTest {
    static final int FAN_OUT = 50;

    /** The node test profile; a profile of its own makes Quarkus start a separate node for this class. */
    public static final class OwnNode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return new NodeTestProfile().getConfigOverrides();
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    Permastore permastore;

    @Test
    void oneMessageFannedOutToFiftyProcessesReachesEachLogOnce() throws Exception {
        MuClient client = new MuClient(base.toString());
        DataItem moduleItem = AosModules.item(client.user, AosModules.AOS_32, AosModules.AOS_32_FORMAT);
        permastore.put(moduleItem);
        String module = moduleItem.id();
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < FAN_OUT; i++) {
            targets.add(client.spawn(module));
        }
        String root = client.spawn(module);
        client.eval(root, MuCrankTest.FAN);
        long start = System.nanoTime();
        String fan = client.send(root, String.join(",", targets), new Tag("Action", "Fan"));
        // Each of the 51 processes is cold-started once by the CU (boot result, then the hello): minutes on 2 cores.
        MuClient.await("a hello in each of the " + FAN_OUT + " logs", Duration.ofMinutes(15), () -> {
            for (String target : targets) {
                if (client.logged(target, "Action", "Hello").isEmpty()) {
                    return false;
                }
            }
            return true;
        });
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (String target : targets) {
            List<MuClient.Entry> hellos = client.logged(target, "Action", "Hello");
            assertEquals(1, hellos.size(), "exactly one hello in " + target);
            assertEquals("hello " + target, hellos.get(0).data());
            assertEquals(root, hellos.get(0).tag("From-Process"));
            assertEquals(fan, hellos.get(0).tag("Pushed-For"));
        }
        System.out.printf("fan-out to %d aos processes: all delivered in %d ms; JVM resident memory %s%n", FAN_OUT, millis,
                MuCrankTest.residentMemory());
    }

}
