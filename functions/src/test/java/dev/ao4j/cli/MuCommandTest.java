package dev.ao4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.Lease;
import dev.ao4j.mu.queue.QueueBackend;
import dev.ao4j.mu.queue.embedded.SqliteTaskQueue;
import dev.ao4j.mu.queue.sqs.SqsQueueSetup;
import dev.ao4j.mu.queue.sqs.SqsTaskQueue;
import dev.ao4j.testing.ElasticMq;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ao4j mu dead-letters} and {@code ao4j mu replay} against both transports. */
class MuCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
        List<JsonNode> lines() throws Exception {
            List<JsonNode> lines = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                if (!line.isBlank()) {
                    lines.add(JSON.readTree(line));
                }
            }
            return lines;
        }
    }

    @Test
    void isTheMuSubcommandOfAo4j() {
        assertTrue(List.of(Ao4jCommand.class.getAnnotation(CommandLine.Command.class).subcommands()).contains(MuCommand.class));
    }

    /** Runs {@code ao4j mu ARGS...} (the first argument, "mu", names the command under test). */
    static Run ao4j(String... args) {
        assertEquals("mu", args[0]);
        args = java.util.Arrays.copyOfRange(args, 1, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new MuCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Two tasks of one process that failed for good. */
    static void deadLetterTwo(QueueBackend queue) {
        queue.enqueue(CrankTask.of("push-1", "process-a", "push", "{\"to\":\"b\"}"));
        queue.enqueue(CrankTask.of("push-2", "process-a", "push", "{\"to\":\"c\"}"));
        for (String error : List.of("CU said 500", "SU unreachable")) {
            List<Lease> leases = queue.claim(1, Duration.ofSeconds(5));
            assertEquals(1, leases.size());
            queue.deadLetter(leases.getFirst(), error);
        }
    }

    @Test
    void listsAndReplaysEmbeddedDeadLetters() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        try (SqliteTaskQueue queue = SqliteTaskQueue.open(dir, Duration.ofSeconds(30), Duration.ofMinutes(5))) {
            deadLetterTwo(queue);

            Run listed = ao4j("mu", "dead-letters", "--data", dir.toString());
            assertEquals(0, listed.exit(), listed.err());
            List<JsonNode> lines = listed.lines();
            assertEquals(List.of("push-1", "push-2"), lines.stream().map(l -> l.get("id").asText()).toList());
            assertEquals("process-a", lines.getFirst().get("group").asText());
            assertEquals("push", lines.getFirst().get("type").asText());
            assertEquals(1, lines.getFirst().get("attempts").asInt());
            assertEquals("CU said 500", lines.getFirst().get("lastError").asText());
            assertTrue(Instant.parse(lines.getFirst().get("failedAt").asText()).isAfter(before));

            Run one = ao4j("mu", "replay", "push-2", "--data", dir.toString());
            assertEquals(0, one.exit(), one.err());
            assertEquals(1, one.lines().getFirst().get("replayed").asInt());
            List<Lease> back = queue.claim(1, Duration.ofSeconds(5));
            assertEquals("push-2", back.getFirst().task().id());
            assertEquals(1, back.getFirst().task().attempt(), "a replayed task starts its attempts afresh");
            queue.complete(back.getFirst());

            Run missing = ao4j("mu", "replay", "push-2", "--data", dir.toString());
            assertEquals(1, missing.exit());
            assertTrue(missing.err().contains("no dead letter with id push-2"), missing.err());

            Run all = ao4j("mu", "replay", "--all", "--data", dir.toString());
            assertEquals(1, all.lines().getFirst().get("replayed").asInt());
            assertEquals("push-1", queue.claim(1, Duration.ofSeconds(5)).getFirst().task().id());
            assertEquals(0, ao4j("mu", "dead-letters", "--data", dir.toString()).lines().size());
        }
    }

    @Test
    void replayNeedsAnIdOrAll() {
        Run neither = ao4j("mu", "replay", "--data", dir.toString());
        assertEquals(2, neither.exit());
        assertTrue(neither.err().contains("Missing required argument"), neither.err());
        Run both = ao4j("mu", "replay", "x", "--all", "--data", dir.toString());
        assertEquals(2, both.exit());
    }

    @Test
    void sqsNeedsBothQueueUrls() {
        Run half = ao4j("mu", "dead-letters", "--sqs-queue-url", "http://127.0.0.1:1/q.fifo");
        assertEquals(1, half.exit());
        assertTrue(half.err().contains("--sqs-dead-letter-queue-url"), half.err());
    }

    @Test
    void listsAndReplaysSqsDeadLetters() throws Exception {
        ElasticMq elasticMq = ElasticMq.get();
        SqsQueueSetup.QueueUrls urls = SqsQueueSetup.create(elasticMq.client(), "cli-" + UUID.randomUUID().toString().substring(0, 8), 20);
        String[] sqs = {"--sqs-queue-url", urls.queueUrl(), "--sqs-dead-letter-queue-url", urls.deadLetterQueueUrl(),
                "--sqs-endpoint", elasticMq.endpoint().toString()};
        System.setProperty("aws.accessKeyId", "local");
        System.setProperty("aws.secretAccessKey", "local");
        try (SqsTaskQueue queue = new SqsTaskQueue(elasticMq.client(), urls.queueUrl(), urls.deadLetterQueueUrl(),
                Duration.ofSeconds(30), true)) {
            deadLetterTwo(queue);

            Run listed = ao4j(concat(new String[] {"mu", "dead-letters"}, sqs));
            assertEquals(0, listed.exit(), listed.err());
            List<JsonNode> lines = listed.lines();
            assertEquals(List.of("push-1", "push-2"), lines.stream().map(l -> l.get("id").asText()).sorted().toList());
            JsonNode first = lines.stream().filter(l -> l.get("id").asText().equals("push-1")).findFirst().orElseThrow();
            assertEquals("CU said 500", first.get("lastError").asText());
            assertEquals(1, first.get("attempts").asInt());

            Run one = ao4j(concat(new String[] {"mu", "replay", "push-1"}, sqs));
            assertEquals(1, one.lines().getFirst().get("replayed").asInt(), one.err());
            Run all = ao4j(concat(new String[] {"mu", "replay", "--all"}, sqs));
            assertEquals(1, all.lines().getFirst().get("replayed").asInt(), all.err());
            List<String> redriven = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                Lease lease = queue.claim(1, Duration.ofSeconds(5)).getFirst();
                redriven.add(lease.task().id());
                queue.complete(lease);
            }
            assertEquals(List.of("push-1", "push-2"), redriven, "replayed in the order they were re-driven");
            assertEquals(0, ao4j(concat(new String[] {"mu", "dead-letters"}, sqs)).lines().size());
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
