package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.core.CrankStep;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * native-build/ kept in step with the code: every class in the reflection configuration exists, the sealed
 * Jackson types are listed with all their variants, every resource exists, and the build script says plainly
 * when native-image is missing (exit 3) instead of failing somewhere inside Maven.
 */
class NativeBuildConfigTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void reflectionConfigurationNamesExistingClassesAndEveryCrankStep() throws Exception {
        JsonNode config = JSON.readTree(Repo.dir().resolve("native-build/config/reflect-config.json").toFile());
        Set<String> names = new HashSet<>();
        for (JsonNode entry : config) {
            String name = entry.path("name").asText();
            assertNotNull(Class.forName(name, false, getClass().getClassLoader()), name);
            assertTrue(names.add(name), name + " listed twice");
        }
        for (Class<?> variant : CrankStep.class.getPermittedSubclasses()) {
            assertTrue(names.contains(variant.getName()), variant.getName() + " (a crank step Jackson reads) is registered");
        }
        for (Class<?> wire : new Class<?>[] {SqsEvent.class, SqsEvent.Message.class, BatchResponse.class,
                BatchResponse.ItemFailure.class, ScheduledEvent.class, CronTickResult.class}) {
            assertTrue(names.contains(wire.getName()), wire.getName() + " is registered");
        }
    }

    @Test
    void resourceConfigurationNamesExistingResources() throws Exception {
        JsonNode includes = JSON.readTree(Repo.dir().resolve("native-build/config/resource-config.json").toFile())
                .path("resources").path("includes");
        assertFalse(includes.isEmpty());
        Pattern literal = Pattern.compile("^\\\\Q(.*)\\\\E$");
        for (JsonNode include : includes) {
            Matcher m = literal.matcher(include.path("pattern").asText());
            assertTrue(m.matches(), "patterns are literal (\\Q...\\E): " + include);
            assertNotNull(getClass().getClassLoader().getResource(m.group(1)), m.group(1) + " is on the class path");
        }
    }

    @Test
    void buildScriptSaysWhenNativeImageIsMissing() throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        assumeFalse(Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "native-image")))
                || System.getenv("GRAALVM_HOME") != null, "native-image is installed here: the script would build");
        Path script = Repo.dir().resolve("native-build/build-native.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "lambda").redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("GRAALVM_HOME");
        env.put("JAVA_HOME", System.getProperty("java.home"));
        assumeFalse(Files.isExecutable(Path.of(System.getProperty("java.home"), "bin", "native-image")));
        Process run = builder.start();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(run.waitFor(30, TimeUnit.SECONDS));
        assertEquals(3, run.exitValue(), output);
        assertTrue(output.contains("native-image not found") && output.contains("--container"), output);
    }
}
