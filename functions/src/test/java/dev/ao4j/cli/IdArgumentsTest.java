package dev.ao4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** Arweave ids are base64url: the command line must take one that starts with '-' as an id. */
class IdArgumentsTest {
    private static final String PROCESS = "-" + "p".repeat(42);
    private static final String MESSAGE = "-" + "m".repeat(42);

    @Test
    void anIdStartingWithADashIsAPositionalIdAndAnOptionValue() {
        ParseResult parsed = Ao4jMain.commandLine().parseArgs("result", "--process", PROCESS, MESSAGE);
        var result = (ProcessCommands.Result) parsed.subcommand().commandSpec().userObject();
        assertEquals(PROCESS, result.process);
        assertEquals(MESSAGE, result.message);
    }

    @Test
    void aMistypedOptionIsStillRefused() {
        CommandLine cli = Ao4jMain.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        assertEquals(2, cli.execute("result", "--proces", PROCESS, MESSAGE));
        assertTrue(err.toString().contains("--process"), "a wrong option name is a usage error naming the option: " + err);
    }
}
