package dev.ao4j.mu.queue;

import dev.ao4j.mu.queue.embedded.SqliteDeadLetters;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The channels over the embedded connector (the node's default transport). */
@QuarkusTest
@TestProfile(EmbeddedCrankChannelsTest.Embedded.class)
class EmbeddedCrankChannelsTest extends CrankChannelsTest {
    /** Shared through a system property: the profile and the test may be loaded by different class loaders. */
    static Path dataDir() {
        return Path.of(System.getProperties().computeIfAbsent("ao4j.test.crank-channels-dir",
                key -> Path.of("target", "crank-channels-" + UUID.randomUUID()).toString()).toString());
    }

    public static final class Embedded implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ao4j.data-dir", dataDir().toString(),
                    "ao4j.mu.queue.transport", "embedded",
                    "ao4j.mu.queue.max-attempts", "2",
                    "ao4j.mu.queue.backoff-initial", "50ms",
                    "ao4j.mu.queue.backoff-max", "100ms",
                    "ao4j.mu.queue.poll-wait", "200ms");
        }

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordingHandler.class);
        }
    }

    @Override
    DeadLetters deadLetters() {
        return SqliteDeadLetters.open(dataDir());
    }
}
