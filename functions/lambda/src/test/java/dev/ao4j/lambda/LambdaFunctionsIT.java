package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.mu.adapter.DynamoDbMuTable;
import dev.ao4j.mu.adapter.DynamoDbStepPayloads;
import dev.ao4j.mu.core.CrankStep;
import dev.ao4j.mu.core.StepCodec;
import dev.ao4j.mu.core.StepTasks;
import dev.ao4j.mu.port.CrankTask;
import dev.ao4j.mu.queue.DeadLetter;
import dev.ao4j.mu.queue.sqs.SqsDeadLetters;
import dev.ao4j.mu.queue.sqs.SqsQueueSetup;
import dev.ao4j.mu.queue.sqs.SqsTaskCodec;
import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.testing.DynamoDbLocal;
import dev.ao4j.testing.ElasticMq;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * The packaged function.zip in three Lambda execution environments (AWS's runtime interface client in a child JVM,
 * configured as infra-terraform configures the functions, talking to a {@link RuntimeApiEmulator}): the HTTP
 * handler with API Gateway v2 / function URL events for the SU, CU and MU routes; the crankStep function with an
 * SQS FIFO batch, partial failures reported; the cronTick function with an EventBridge scheduled event. The SU
 * log and the MU's state are in DynamoDB Local and the MU queue is ElasticMQ; the MU's CU (and the SU it asks
 * about processes) is a small HTTP server answering AO JSON. Prints each environment's init time (JVM start to the
 * runtime's first poll) and first-event time.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.Tag("slow")
class LambdaFunctionsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(120);
    private static final String EMPTY_RESULT = "{\"Messages\":[],\"Spawns\":[],\"Assignments\":[],\"Output\":\"\"}";
    private static final String PONG_TARGET = Base64Url.encode(Hashes.sha256("pong target".getBytes(StandardCharsets.UTF_8)));
    /** A result whose outbox holds one message: the crank step's follow-up is a deliver step on the queue. */
    private static final String OUTBOX_RESULT = "{\"Messages\":[{\"Target\":\"" + PONG_TARGET
            + "\",\"Anchor\":\"00000000000000000000000000000001\",\"Tags\":[{\"name\":\"Action\",\"value\":\"Pong\"}],"
            + "\"Data\":\"pong\"}],\"Spawns\":[],\"Assignments\":[],\"Output\":\"\"}";
    /** Over the 240 KiB a queue task carries: its deliver step is stored in the MU's table and queued as a claim. */
    private static final String LARGE_DATA = "0123456789".repeat(30_000);
    private static final String LARGE_RESULT = OUTBOX_RESULT.replace("\"Data\":\"pong\"", "\"Data\":\"" + LARGE_DATA + "\"");
    /** The monitored process is a real Process item: only its owner may unsubscribe it, and the MU reads the owner from it. */
    private static final Wallet CRON_OWNER = cronOwner();
    private static final DataItem CRON_PROCESS_ITEM = cronProcessItem();
    private static final String CRON_PROCESS = CRON_PROCESS_ITEM.id();
    private static final String SCHEDULED_EVENT = """
            {"version":"0","id":"53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa","detail-type":"Scheduled Event",
             "source":"aws.scheduler","account":"123456789012","time":"2026-11-25T09:00:00Z","region":"us-east-1",
             "resources":["arn:aws:scheduler:us-east-1:123456789012:schedule/default/ao4j-mu-cron"],"detail":{}}""";

    private final List<AutoCloseable> resources = new ArrayList<>();
    /** The functions one test started: stopped after it, so a small machine runs only the JVMs the next test needs. */
    private final List<AutoCloseable> functions = new ArrayList<>();
    private final List<String> computeRequests = new CopyOnWriteArrayList<>();
    private final List<String> cronRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> baseEnv = new HashMap<>();
    private String javaToolOptions;
    /** The CU function's own JAVA_TOOL_OPTIONS (the Graal JIT from the jvmci layer under /opt). */
    private String cuJavaToolOptions;

    @BeforeAll
    void environment() throws Exception {
        Hcl.Module tf = new Hcl.Module(Hcl.parseModule(Repo.dir().resolve("infra-terraform")));
        javaToolOptions = tf.string(tf.object(tf.locals().get("common_env")).entries().get("JAVA_TOOL_OPTIONS")).orElseThrow();
        Hcl.ObjectExpr cuFunction = (Hcl.ObjectExpr) tf.object(tf.locals().get("functions")).entries().get("cu");
        cuJavaToolOptions = tf.string(tf.object(cuFunction.entries().get("env")).entries().get("JAVA_TOOL_OPTIONS")).orElseThrow();

        String run = "lambda-it-" + Long.toHexString(System.nanoTime());
        SqsQueueSetup.QueueUrls queues;
        try (SqsClient sqs = ElasticMq.get().client()) {
            queues = SqsQueueSetup.create(sqs, run, 10);
        }
        HttpServer cu = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        cu.createContext("/cu/result/", exchange -> {
            String message = exchange.getRequestURI().getPath().substring("/cu/result/".length());
            computeRequests.add(message);
            String result = message.startsWith("broken") ? "{\"error\":\"evaluation failed\"}"
                    : message.startsWith("out") ? OUTBOX_RESULT : message.startsWith("large") ? LARGE_RESULT : EMPTY_RESULT;
            respond(exchange, message.startsWith("broken") ? 500 : 200, result);
        });
        // The process the cron test monitors: the SU knows it; its newest result is "c0", and one cron result, "c1",
        // with an outbox message follows it.
        cu.createContext("/su/processes/", exchange -> respond(exchange, 200, "{\"process_id\":\"" + CRON_PROCESS
                + "\",\"tags\":[{\"name\":\"Scheduler\",\"value\":\"" + "S".repeat(43) + "\"}]}"));
        cu.createContext("/cu/results/", exchange -> respond(exchange, 200, "{\"edges\":[{\"cursor\":\"c0\",\"node\":"
                + EMPTY_RESULT + "}]}"));
        cu.createContext("/cu/cron/", exchange -> {
            String query = exchange.getRequestURI().getQuery();
            cronRequests.add(query);
            respond(exchange, 200, query.endsWith("from=c0")
                    ? "{\"edges\":[{\"cursor\":\"c1\",\"node\":" + OUTBOX_RESULT + "}]}" : "{\"edges\":[]}");
        });
        cu.start();
        resources.add(() -> cu.stop(0));

        // The tables exist before any function starts, as Terraform makes them: no function pays for creating one,
        // and functions started together do not race to create the same table.
        try (DynamoDbClient dynamo = DynamoDbLocal.get().client()) {
            DynamoDbLogStore.createTableIfMissing(dynamo, run);
            DynamoDbMuTable.createTableIfMissing(dynamo, run + "-mu");
        }
        baseEnv.put(LambdaFunctions.PROFILE_ENV, LambdaFunctions.PROFILE);
        baseEnv.put("AO4J_SU_DYNAMODB_ENDPOINT", DynamoDbLocal.get().endpoint().toString());
        baseEnv.put("AO4J_SU_DYNAMODB_CREATE_TABLE", "false");
        baseEnv.put("AO4J_SU_DYNAMODB_TABLE", run);
        baseEnv.put("AO4J_MU_DYNAMODB_ENDPOINT", DynamoDbLocal.get().endpoint().toString());
        baseEnv.put("AO4J_MU_DYNAMODB_CREATE_TABLE", "false");
        baseEnv.put("AO4J_MU_DYNAMODB_TABLE", run + "-mu");
        baseEnv.put("AO4J_SU_WALLET_TYPE", "ed25519");
        baseEnv.put("AO4J_CU_WALLET_TYPE", "ed25519");
        baseEnv.put("AO4J_MU_WALLET_TYPE", "ed25519");
        baseEnv.put("AO4J_MU_QUEUE_SQS_ENDPOINT", ElasticMq.get().endpoint().toString());
        baseEnv.put("AO4J_MU_QUEUE_SQS_QUEUE_URL", queues.queueUrl());
        baseEnv.put("AO4J_MU_QUEUE_SQS_DEAD_LETTER_QUEUE_URL", queues.deadLetterQueueUrl());
        baseEnv.put("AO4J_MU_CU_URL", "http://127.0.0.1:" + cu.getAddress().getPort() + "/cu");
        baseEnv.put("AO4J_MU_SU_URL", "http://127.0.0.1:" + cu.getAddress().getPort() + "/su");
        baseEnv.put("AO4J_MU_CU_ATTEMPTS", "1");
    }

    @AfterEach
    void stopFunctions() throws Exception {
        for (AutoCloseable function : functions.reversed()) {
            function.close();
        }
        functions.clear();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable resource : resources.reversed()) {
            resource.close();
        }
    }

    /** A function's environment: its own data directory (Lambda's /tmp), the Terraform-style variables, then overrides. */
    private Function start(String name, String handler, Map<String, String> env) throws Exception {
        return start(name, handler, env, javaToolOptions);
    }

    private Function start(String name, String handler, Map<String, String> env, String javaToolOptions) throws Exception {
        RuntimeApiEmulator api = new RuntimeApiEmulator();
        functions.add(api);
        Map<String, String> all = new HashMap<>(baseEnv);
        all.put("AO4J_DATA_DIR", Files.createTempDirectory(Path.of("target").toAbsolutePath(), "lambda-tmp-" + name).toString());
        all.putAll(env);
        LambdaJvm jvm = LambdaJvm.start(name, handler, all, api, javaToolOptions);
        functions.add(jvm);
        return new Function(name, api, jvm, Path.of(all.get("AO4J_DATA_DIR")));
    }

    private Function startAndAwaitInit(String name, String handler, Map<String, String> env) throws Exception {
        Function function = start(name, handler, env);
        Object first = java.util.concurrent.CompletableFuture.anyOf(function.api().firstPoll(), function.api().initError())
                .get(EVENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (function.api().initError().isDone()) {
            throw new AssertionError(name + " failed to initialize: " + first + "\n" + function.jvm().log());
        }
        return function;
    }

    private record Function(String name, RuntimeApiEmulator api, LambdaJvm jvm, Path dataDir) {
        RuntimeApiEmulator.Outcome invoke(String event) throws Exception {
            var outcome = api.invoke(event);
            var failed = api.initError();
            Object first = java.util.concurrent.CompletableFuture.anyOf(outcome, failed).get(EVENT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (failed.isDone() && !outcome.isDone()) {
                throw new AssertionError(name + " failed to initialize: " + first + "\n" + jvm.log());
            }
            return outcome.get();
        }

        JsonNode respond(String event) throws Exception {
            RuntimeApiEmulator.Outcome outcome = invoke(event);
            if (!(outcome instanceof RuntimeApiEmulator.Response response)) {
                throw new AssertionError(name + " answered " + outcome + "\n" + jvm.log());
            }
            return JSON.readTree(response.body());
        }

        /** Init time: JVM start to the runtime's first poll (its handler class and Quarkus are up). */
        void report(long firstEventDoneNanos) throws Exception {
            long polled = api.firstPoll().get(1, TimeUnit.SECONDS);
            System.out.printf("lambda init %-10s init %5d ms, first event answered %5d ms after JVM start%n", name,
                    TimeUnit.NANOSECONDS.toMillis(polled - jvm.startNanos()),
                    TimeUnit.NANOSECONDS.toMillis(firstEventDoneNanos - jvm.startNanos()));
        }
    }

    @Test
    void httpFunctionServesTheUnitsThroughApiGatewayEvents() throws Exception {
        Function su = start("su-http", LambdaFunctions.HTTP_HANDLER, Map.of("AO4J_SU_ENABLED", "true",
                "AO4J_SU_URL", "https://api.example/su", LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRANK_STEP));

        JsonNode info = su.respond(httpEvent("GET", "/su", "", null));
        su.report(System.nanoTime());
        assertTrue(su.jvm().log().contains("[de.ao.su.SchedulerWiring]"), su.jvm().log());
        assertEquals(200, info.path("statusCode").asInt(), info.toString());
        String scheduler = JSON.readTree(info.path("body").asText()).path("address").asText();
        assertEquals(43, scheduler.length(), info.toString());

        Wallet user = Wallets.generate(WalletType.ED25519);
        DataItem spawn = DataItem.sign(user, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                new Tag("Type", "Process"), new Tag("Module", "m".repeat(43)), new Tag("Scheduler", scheduler),
                new Tag("Test-Run", UUID.randomUUID().toString())), "spawn".getBytes(StandardCharsets.UTF_8));
        JsonNode posted = su.respond(httpEvent("POST", "/su", "", spawn.raw()));
        assertEquals(200, posted.path("statusCode").asInt(), posted.toString());
        assertEquals(spawn.id(), JSON.readTree(posted.path("body").asText()).path("id").asText());

        JsonNode page = su.respond(httpEvent("GET", "/su/" + spawn.id(), "from=0", null));
        assertEquals(200, page.path("statusCode").asInt(), page.toString());
        JsonNode edges = JSON.readTree(page.path("body").asText()).path("edges");
        assertEquals(1, edges.size(), page.toString());

        JsonNode forged = su.respond(httpEvent("POST", "/su", "", "not a data item".getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, forged.path("statusCode").asInt(), forged.toString());
        assertTrue(JSON.readTree(forged.path("body").asText()).path("error").isTextual(), forged.toString());

    }

    @Test
    void httpFunctionOfAnotherUnitServesItWithoutStartingTheSu() throws Exception {
        Function mu = start("mu-http", LambdaFunctions.HTTP_HANDLER, Map.of("AO4J_SU_ENABLED", "false",
                LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRANK_STEP));
        JsonNode info = mu.respond(httpEvent("GET", "/mu/info", "", null));
        mu.report(System.nanoTime());
        assertEquals(200, info.path("statusCode").asInt(), info.toString());
        assertEquals(43, JSON.readTree(info.path("body").asText()).path("address").asText().length(), info.toString());
        JsonNode cu = mu.respond(httpEvent("GET", "/cu", "", null));
        assertEquals(200, cu.path("statusCode").asInt(), cu.toString());
        assertEquals(43, JSON.readTree(cu.path("body").asText()).path("address").asText().length(), cu.toString());
        // The SU never started here (no uploader, no Scheduler-Location record), while the SU function's did.
        assertFalse(mu.jvm().log().contains("[de.ao.su.SchedulerWiring]"), mu.jvm().log());
    }

    @Test
    void cuFunctionRunsGraalWasmCompiledWithTheJitLayer() throws Exception {
        // Lambda unpacks the function's layers under /opt; here the layer goes to a directory of its own.
        Path opt = LambdaJvm.unpack(jvmciLayer(), "lambda-opt");
        Function cu = start("cu-http", LambdaFunctions.HTTP_HANDLER, Map.of("AO4J_SU_ENABLED", "false",
                LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRANK_STEP), cuJavaToolOptions.replace("/opt/", opt + "/"));
        JsonNode info = cu.respond(httpEvent("GET", "/cu", "", null));
        cu.report(System.nanoTime());
        assertEquals(200, info.path("statusCode").asInt(), info.toString());
        String log = cu.jvm().log();
        assertTrue(log.contains("GraalWasm runs with the optimizing compiler"), log);
        assertFalse(log.contains("INTERPRETED"), log);
    }

    @Test
    void packagesFitLambdasUnzippedSizeLimit() throws Exception {
        // Lambda's quota: function code and all its layers, unzipped, at most 250 MB.
        long unzipped = unzippedSize(LambdaJvm.functionZip()) + unzippedSize(jvmciLayer());
        assertTrue(unzipped <= 250L * 1024 * 1024, "function.zip + jvmci layer unzip to " + unzipped + " bytes");
        try (var zip = new java.util.zip.ZipFile(jvmciLayer().toFile())) {
            List<String> jars = zip.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".jar")).toList();
            assertTrue(jars.stream().anyMatch(n -> n.matches("jvmci/upgrade/compiler-.*\\.jar")), jars.toString());
            assertTrue(jars.stream().anyMatch(n -> n.matches("jvmci/modules/truffle-compiler-.*\\.jar")), jars.toString());
        }
    }

    private static Path jvmciLayer() {
        return Path.of(System.getProperty("ao4j.lambda.jvmci-layer", "target/jvmci-layer.zip"));
    }

    private static long unzippedSize(Path zip) throws java.io.IOException {
        try (var file = new java.util.zip.ZipFile(zip.toFile())) {
            return file.stream().mapToLong(java.util.zip.ZipEntry::getSize).sum();
        }
    }

    @Test
    void crankStepReportsFailedMessagesAndKeepsEachProcessInOrder() throws Exception {
        Function crank = start("crank", LambdaFunctions.FUNQY_HANDLER, Map.of("AO4J_SU_ENABLED", "false",
                LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRANK_STEP));
        String processA = "A".repeat(43);
        String processB = "B".repeat(43);
        ArrayNode records = JSON.createArrayNode();
        records.add(sqsRecord("m1-malformed", "{\"not\":\"a crank task\"}", "x", 1));
        records.add(sqsRecord("m2-a-ok", pull(processA, "ok-1"), processA, 1));
        records.add(sqsRecord("m3-b-broken", pull(processB, "broken-1"), processB, 2));
        records.add(sqsRecord("m4-b-after", pull(processB, "ok-2"), processB, 1));
        records.add(sqsRecord("m5-a-ok", pull(processA, "out-3"), processA, 1));
        records.add(sqsRecord("m6-a-large", pull(processA, "large-4"), processA, 1));
        ObjectNode event = JSON.createObjectNode().set("Records", records);

        JsonNode response = crank.respond(event.toString());
        crank.report(System.nanoTime());
        List<String> failed = new ArrayList<>();
        response.path("batchItemFailures").forEach(f -> failed.add(f.path("itemIdentifier").asText()));
        assertEquals(List.of("m1-malformed", "m3-b-broken", "m4-b-after"), failed, response.toString());
        // B's later step did not run after B's failure; A's steps ran in order.
        assertEquals(List.of("ok-1", "broken-1", "out-3", "large-4"), requestsOf(List.of("ok-1", "broken-1", "ok-2", "out-3", "large-4")));
        // The follow-ups of out-3's and large-4's outboxes went to the SQS FIFO queue (the lambda profile only
        // enqueues); large-4's is a claim on the step the function stored in the MU's DynamoDB table.
        List<CrankTask> followUps = new ArrayList<>();
        try (SqsClient sqs = ElasticMq.get().client()) {
            var received = sqs.receiveMessage(r -> r.queueUrl(baseEnv.get("AO4J_MU_QUEUE_SQS_QUEUE_URL"))
                    .maxNumberOfMessages(10).waitTimeSeconds(5).messageSystemAttributeNamesWithStrings("MessageGroupId")).messages();
            assertEquals(2, received.size(), received.toString());
            for (var message : received) {
                // A delivery runs in the lane of its sender and target (docs/mu.md), as its FIFO message group.
                assertTrue(message.attributesAsStrings().get("MessageGroupId").startsWith(processA + ">"),
                        message.attributesAsStrings().toString());
                followUps.add(SqsTaskCodec.task(message));
            }
        }
        for (CrankTask followUp : followUps) {
            assertEquals("deliver", followUp.type());
            assertTrue(followUp.group().startsWith(processA + ">"), followUp.group());
        }
        assertTrue(followUps.getFirst().payloadJson().contains(PONG_TARGET), followUps.getFirst().payloadJson());
        assertFalse(followUps.getLast().payloadJson().contains(PONG_TARGET), "a claim, not the step");
        try (DynamoDbClient dynamo = DynamoDbLocal.get().client()) {
            StepTasks tasks = new StepTasks(new DynamoDbStepPayloads(dynamo, baseEnv.get("AO4J_MU_DYNAMODB_TABLE"), Clock.systemUTC()));
            CrankStep.Deliver large = assertInstanceOf(CrankStep.Deliver.class, tasks.step(followUps.getLast()));
            assertEquals(LARGE_DATA, large.message().data());
            assertEquals(PONG_TARGET, large.message().target());
        }

        JsonNode empty = crank.respond("{\"Records\":[]}");
        assertEquals(0, empty.path("batchItemFailures").size(), empty.toString());
    }

    /**
     * Messages as Lambda's poller receives them from the FIFO queue (real receipt handles, the visibility timeout
     * Terraform gives the queue): a failed step is hidden only for the retry policy's backoff, not the visibility
     * timeout, the step queued behind it follows in order, and once its attempts are used up it is a dead letter
     * with its error, as {@code ao4j mu dead-letters} lists it, while its process goes on.
     */
    @Test
    void aFailedCrankStepComesBackAfterItsBackoffAndEndsAsADeadLetterWithItsError() throws Exception {
        SqsQueueSetup.QueueUrls queues;
        try (SqsClient sqs = ElasticMq.get().client()) {
            queues = SqsQueueSetup.create(sqs, "lambda-retry-" + Long.toHexString(System.nanoTime()), 100);
        }
        Function crank = start("crank-retry", LambdaFunctions.FUNQY_HANDLER, Map.of("AO4J_SU_ENABLED", "false",
                LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRANK_STEP, "AO4J_MU_QUEUE_MAX_ATTEMPTS", "2",
                "AO4J_MU_QUEUE_SQS_QUEUE_URL", queues.queueUrl(), "AO4J_MU_QUEUE_SQS_DEAD_LETTER_QUEUE_URL", queues.deadLetterQueueUrl()));
        String process = "R".repeat(43);
        List<String> steps = List.of("broken-retry-1", "ok-retry-2");
        try (SqsClient sqs = ElasticMq.get().client()) {
            for (String step : steps) {
                CrankTask task = StepCodec.task(new CrankStep.PullResult(process, step, step));
                sqs.sendMessage(r -> r.queueUrl(queues.queueUrl()).messageBody(SqsTaskCodec.body(task))
                        .messageGroupId(task.group()).messageDeduplicationId(task.id()));
            }
            int invocations = 0;
            int retried = 0;
            List<software.amazon.awssdk.services.sqs.model.Message> batch;
            while (!(batch = receiveBatch(sqs, queues.queueUrl())).isEmpty()) {
                assertTrue(++invocations <= 4, "the queue kept handing out messages: " + batch);
                ArrayNode records = JSON.createArrayNode();
                for (var message : batch) {
                    records.add(sqsRecord(message.messageId(), message.receiptHandle(), message.body(), process,
                            SqsTaskCodec.receiveCount(message)));
                    retried += SqsTaskCodec.receiveCount(message) > 1 ? 1 : 0;
                }
                crank.respond(JSON.createObjectNode().set("Records", records).toString());
            }
            assertTrue(retried > 0, "the failed step came back within the wait, long before its visibility timeout");
            assertEquals(List.of("broken-retry-1", "broken-retry-1", "ok-retry-2"), requestsOf(steps),
                    "two deliveries of the failing step, then the one behind it");

            List<DeadLetter> letters = new SqsDeadLetters(sqs, queues.queueUrl(), queues.deadLetterQueueUrl(), false).list();
            assertEquals(1, letters.size(), letters.toString());
            DeadLetter letter = letters.getFirst();
            assertEquals(StepCodec.task(new CrankStep.PullResult(process, steps.getFirst(), steps.getFirst())).id(), letter.id());
            assertEquals(process, letter.group());
            assertEquals(2, letter.attempts());
            assertTrue(letter.lastError().contains("evaluation failed"), letter.lastError());
        }
    }

    /** One receive as Lambda's poller makes it: up to 10 messages, hidden for 6 × a 150 s function timeout. */
    private static List<software.amazon.awssdk.services.sqs.model.Message> receiveBatch(SqsClient sqs, String queueUrl) {
        return sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(10).visibilityTimeout(900)
                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)).messages();
    }

    /** The CU requests for the given messages, in the order they were made. */
    private List<String> requestsOf(List<String> messages) {
        return computeRequests.stream().filter(messages::contains).toList();
    }

    @Test
    void cronTickRunsOneMonitorPassPerScheduledEvent() throws Exception {
        Function cron = start("cron", LambdaFunctions.FUNQY_HANDLER, Map.of("AO4J_SU_ENABLED", "false",
                LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRON_TICK, "AO4J_MU_DYNAMODB_TABLE", "cron-empty-" + UUID.randomUUID(),
                "AO4J_MU_DYNAMODB_CREATE_TABLE", "true"));
        JsonNode response = cron.respond(SCHEDULED_EVENT);
        cron.report(System.nanoTime());
        assertEquals(0, response.path("enqueued").asInt(-1), response.toString());
        assertFalse(response.has("errorMessage"), response.toString());
        RuntimeApiEmulator.Outcome second = cron.invoke(SCHEDULED_EVENT);
        assertInstanceOf(RuntimeApiEmulator.Response.class, second, String.valueOf(second));
    }

    /**
     * A subscription made through the MU function is what the cron function's pass reads, and the cursor one
     * cron instance saves is where a fresh one (scaled to zero and back, another /tmp) goes on: the MU's state
     * is in its DynamoDB table, not in any function.
     */
    @Test
    void monitorsAndCronCursorsAreSharedByEveryMuFunction() throws Exception {
        SqsQueueSetup.QueueUrls queues;
        try (SqsClient sqs = ElasticMq.get().client()) {
            queues = SqsQueueSetup.create(sqs, "lambda-cron-" + Long.toHexString(System.nanoTime()), 10);
        }
        Map<String, String> env = Map.of("AO4J_SU_ENABLED", "false", LambdaFunctions.EXPORT_ENV, LambdaFunctions.CRON_TICK,
                "AO4J_MU_QUEUE_SQS_QUEUE_URL", queues.queueUrl(), "AO4J_MU_QUEUE_SQS_DEAD_LETTER_QUEUE_URL", queues.deadLetterQueueUrl());
        // One after another: three JVMs starting at once on a small machine can outlast the event timeout.
        Function mu = startAndAwaitInit("mu-monitor", LambdaFunctions.HTTP_HANDLER, env);
        Function cron = startAndAwaitInit("cron-first", LambdaFunctions.FUNQY_HANDLER, env);
        Function laterCron = startAndAwaitInit("cron-later", LambdaFunctions.FUNQY_HANDLER, env);

        JsonNode uploaded = mu.respond(httpEvent("POST", "/tx", "", CRON_PROCESS_ITEM.raw()));
        assertEquals(200, uploaded.path("statusCode").asInt(), "the Process item is on the MU's store: " + uploaded);
        Wallet user = CRON_OWNER;
        byte[] request = DataItem.sign(user, CRON_PROCESS, null, List.of(new Tag("Action", "Monitor")),
                "monitor".getBytes(StandardCharsets.UTF_8)).raw();
        JsonNode subscribed = mu.respond(httpEvent("POST", "/mu/monitor/" + CRON_PROCESS, "", request));
        assertEquals(200, subscribed.path("statusCode").asInt(), subscribed.toString());

        JsonNode first = cron.respond(SCHEDULED_EVENT);
        assertEquals(1, first.path("enqueued").asInt(-1), "the cron result after the newest one: " + first);
        assertEquals(List.of("limit=50&from=c0"), cronRequests);
        try (SqsClient sqs = ElasticMq.get().client()) {
            var received = sqs.receiveMessage(r -> r.queueUrl(queues.queueUrl()).maxNumberOfMessages(10).waitTimeSeconds(5)).messages();
            assertEquals(1, received.size(), received.toString());
            CrankTask deliver = SqsTaskCodec.task(received.getFirst());
            assertEquals("deliver", deliver.type());
            assertTrue(deliver.group().startsWith(CRON_PROCESS + ">"), "the cron process's lane to its target: "
                    + deliver.group());
            assertTrue(deliver.payloadJson().contains(PONG_TARGET), deliver.payloadJson());
        }

        JsonNode later = laterCron.respond(SCHEDULED_EVENT);
        assertEquals(0, later.path("enqueued").asInt(-1), "c1 was cranked already: " + later);
        assertEquals(List.of("limit=50&from=c0", "limit=50&from=c1"), cronRequests, "the later instance starts at the saved cursor");

        JsonNode unsubscribed = mu.respond(httpEvent("DELETE", "/mu/monitor/" + CRON_PROCESS, "", request));
        assertEquals(200, unsubscribed.path("statusCode").asInt(), unsubscribed.toString());
        JsonNode afterwards = cron.respond(SCHEDULED_EVENT);
        assertEquals(0, afterwards.path("enqueued").asInt(-1), afterwards.toString());
        assertEquals(2, cronRequests.size(), "no pass reads an unsubscribed process: " + cronRequests);
        JsonNode again = mu.respond(httpEvent("DELETE", "/mu/monitor/" + CRON_PROCESS, "", request));
        assertEquals(404, again.path("statusCode").asInt(), again.toString());
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String json) throws java.io.IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private static String pull(String process, String message) {
        return SqsTaskCodec.body(StepCodec.task(new CrankStep.PullResult(process, message, message)));
    }

    /** One record of Lambda's SQS event for a FIFO queue, for a message that is not on any queue. */
    private static Wallet cronOwner() {
        try {
            return Wallets.ed25519FromSeed(Hashes.sha256("cron owner".getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DataItem cronProcessItem() {
        try {
            return DataItem.sign(CRON_OWNER, null, null, List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"),
                    new Tag("Type", "Process"), new Tag("Module", "M".repeat(43)), new Tag("Scheduler", "S".repeat(43))),
                    "cron process".getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode sqsRecord(String messageId, String body, String group, int receiveCount) {
        return sqsRecord(messageId, "AQEB" + Base64.getEncoder().encodeToString(messageId.getBytes(StandardCharsets.UTF_8)),
                body, group, receiveCount);
    }

    /** One record of Lambda's SQS event for a FIFO queue. */
    private static ObjectNode sqsRecord(String messageId, String receiptHandle, String body, String group, int receiveCount) {
        ObjectNode record = JSON.createObjectNode()
                .put("messageId", messageId)
                .put("receiptHandle", receiptHandle)
                .put("body", body)
                .put("md5OfBody", "0")
                .put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:us-east-1:123456789012:ao4j-mu-crank.fifo")
                .put("awsRegion", "us-east-1");
        record.set("messageAttributes", JSON.createObjectNode());
        record.set("attributes", JSON.createObjectNode()
                .put("ApproximateReceiveCount", Integer.toString(receiveCount))
                .put("SentTimestamp", "1795597200000")
                .put("SequenceNumber", "18849496460467696128")
                .put("MessageGroupId", group)
                .put("SenderId", "AIDAIENQZJOLO23YVJ4VO")
                .put("MessageDeduplicationId", messageId)
                .put("ApproximateFirstReceiveTimestamp", "1795597200001"));
        return record;
    }

    /** An API Gateway HTTP API (payload 2.0) / function URL event. */
    private static String httpEvent(String method, String path, String query, byte[] body) {
        ObjectNode event = JSON.createObjectNode()
                .put("version", "2.0")
                .put("routeKey", "ANY /" + path.split("/")[1] + "/{proxy+}")
                .put("rawPath", path)
                .put("rawQueryString", query);
        ObjectNode headers = event.putObject("headers")
                .put("host", "abcdef123.execute-api.us-east-1.amazonaws.com")
                .put("accept", "application/json")
                .put("user-agent", "aoconnect");
        if (body != null) {
            headers.put("content-type", "application/octet-stream").put("content-length", Integer.toString(body.length));
        }
        if (!query.isEmpty()) {
            ObjectNode parameters = event.putObject("queryStringParameters");
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                parameters.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        ObjectNode context = event.putObject("requestContext")
                .put("accountId", "123456789012")
                .put("apiId", "abcdef123")
                .put("domainName", "abcdef123.execute-api.us-east-1.amazonaws.com")
                .put("domainPrefix", "abcdef123")
                .put("requestId", UUID.randomUUID().toString())
                .put("routeKey", event.path("routeKey").asText())
                .put("stage", "$default")
                .put("time", "25/Nov/2026:09:00:00 +0000")
                .put("timeEpoch", 1795597200000L);
        context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                .put("sourceIp", "127.0.0.1").put("userAgent", "aoconnect");
        if (body != null) {
            event.put("body", Base64.getEncoder().encodeToString(body)).put("isBase64Encoded", true);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }
}
