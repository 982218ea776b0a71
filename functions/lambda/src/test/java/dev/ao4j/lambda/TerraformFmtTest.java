package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code terraform fmt -check -recursive} over infra-terraform, where terraform is installed (it needs no providers). */
class TerraformFmtTest {
    @Test
    void infraTerraformIsFormatted() throws Exception {
        String path = System.getenv().getOrDefault("PATH", "");
        assumeTrue(Arrays.stream(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, "terraform"))),
                "terraform is not installed");
        Process fmt = new ProcessBuilder("terraform", "fmt", "-check", "-recursive", "-diff", "-no-color", ".")
                .directory(Repo.dir().resolve("infra-terraform").toFile()).redirectErrorStream(true).start();
        String output = new String(fmt.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        fmt.waitFor(60, TimeUnit.SECONDS);
        assertEquals(0, fmt.exitValue(), "terraform fmt -check found unformatted files:\n" + output);
    }
}
