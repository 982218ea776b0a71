package dev.ao4j.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.ao4j.lambda.Hcl.Block;
import dev.ao4j.lambda.Hcl.Expr;
import dev.ao4j.lambda.Hcl.ListExpr;
import dev.ao4j.lambda.Hcl.Module;
import dev.ao4j.lambda.Hcl.ObjectExpr;
import dev.ao4j.lambda.Hcl.Ref;
import dev.ao4j.mu.adapter.DynamoDbMuTable;
import dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore;
import dev.ao4j.testing.DynamoDbLocal;
import io.quarkus.funqy.Funq;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Reads infra-terraform's HCL and checks every name the Java side depends on, so the two cannot drift: handlers
 * and Funqy exports, environment variables (each must be a configuration key of the application), the DynamoDB
 * table's keys and index (against the table the SU's own code creates in DynamoDB Local), the queue names and
 * redrive, the triggers and the outputs.
 */
class TerraformDriftTest {
    /** Environment variables read by the JVM itself rather than by the application's configuration. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final List<Class<?>> FUNQY_CLASSES = List.of(CrankStepFunction.class, CronTickFunction.class);

    private static Module tf;
    private static Map<String, String> properties;

    @BeforeAll
    static void parse() throws IOException {
        java.nio.file.Path dir = Repo.dir().resolve("infra-terraform");
        tf = new Module(Hcl.parseModule(dir));
        properties = applicationProperties();
    }

    @Test
    void handlersAndExportsAreTheApplications() throws Exception {
        Map<String, Expr> locals = tf.locals();
        assertEquals(LambdaFunctions.HTTP_HANDLER, tf.string(locals.get("http_handler")).orElseThrow());
        assertEquals(LambdaFunctions.FUNQY_HANDLER, tf.string(locals.get("funqy_handler")).orElseThrow());
        for (String handler : List.of(LambdaFunctions.HTTP_HANDLER, LambdaFunctions.FUNQY_HANDLER)) {
            String[] parts = handler.split("::");
            Class<?> type = Class.forName(parts[0]);
            assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.getName().equals(parts[1])), handler);
        }
        Set<String> funqs = new TreeSet<>();
        for (Class<?> type : FUNQY_CLASSES) {
            for (Method method : type.getMethods()) {
                Funq funq = method.getAnnotation(Funq.class);
                if (funq != null) {
                    funqs.add(funq.value().isEmpty() ? method.getName() : funq.value());
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of(LambdaFunctions.CRANK_STEP, LambdaFunctions.CRON_TICK)), funqs);

        Set<String> exported = new TreeSet<>();
        functions().forEach((name, fn) -> {
            String handler = tf.string(fn.entries().get("handler")).orElseThrow();
            String export = tf.string(fn.entries().get("export")).orElseThrow();
            assertTrue(handler.equals(LambdaFunctions.HTTP_HANDLER) || handler.equals(LambdaFunctions.FUNQY_HANDLER), name + ": " + handler);
            assertTrue(funqs.contains(export), name + " exports " + export + ", which no @Funq method defines");
            if (handler.equals(LambdaFunctions.FUNQY_HANDLER)) {
                exported.add(export);
            }
        });
        assertEquals(funqs, exported, "every Funqy function is deployed");
        assertEquals("merge(local.common_env, each.value.env, { QUARKUS_FUNQY_EXPORT = each.value.export })".replace(" ", ""),
                describe(envOf(tf.resource("aws_lambda_function", "unit"))).replace(" ", ""));
    }

    @Test
    void everyEnvironmentVariableIsAConfigurationKey() {
        Map<String, String> byVariable = new TreeMap<>();
        properties.keySet().forEach(key -> byVariable.put(envName(key), key));
        byVariable.put(LambdaFunctions.EXPORT_ENV, "quarkus.funqy.export");
        byVariable.put(LambdaFunctions.PROFILE_ENV, "quarkus.profile");

        Map<String, Expr> variables = new LinkedHashMap<>(tf.object(tf.locals().get("common_env")).entries());
        functions().values().forEach(fn -> variables.putAll(tf.object(fn.entries().get("env")).entries()));
        variables.put(LambdaFunctions.EXPORT_ENV, new Hcl.Null());
        for (String variable : variables.keySet()) {
            assertTrue(JVM_VARIABLES.contains(variable) || byVariable.containsKey(variable),
                    variable + " matches no key of application.properties or the Lambda constants");
        }
        assertEquals(LambdaFunctions.PROFILE, tf.string(tf.locals().get("profile")).orElseThrow());
        assertEquals(LambdaFunctions.PROFILE, tf.string(tf.object(tf.locals().get("common_env")).entries().get("QUARKUS_PROFILE")).orElseThrow());
        assertTrue(properties.keySet().stream().anyMatch(k -> k.startsWith("%" + LambdaFunctions.PROFILE + ".")),
                "application.properties has keys for the lambda profile");
        // Each unit's wallet secret goes to the function of that unit (LambdaConfig's keys).
        for (String unit : List.of("mu", "su", "cu")) {
            Map<String, Expr> env = tf.object(functions().get(unit).entries().get("env")).entries();
            assertEquals("var." + unit + "_wallet_secret_arn", describe(env.get(envName("ao4j.lambda." + unit + "-wallet-secret"))));
        }
        for (Method method : LambdaConfig.class.getDeclaredMethods()) {
            String key = "ao4j.lambda." + method.getName().replaceAll("([A-Z])", "-$1").toLowerCase();
            assertTrue(properties.containsKey(key), key + " is documented in application.properties");
        }
    }

    @Test
    void suLogTableIsTheOneTheSuCreates() {
        Block table = tf.resource("aws_dynamodb_table", "su_log");
        assertEquals(properties.get("ao4j.su.dynamodb.table"), tf.string(table.attribute("name")).orElseThrow(),
                "the table's default name is the SU's default");
        assertEquals("aws_dynamodb_table.su_log.name", describe(tf.object(tf.locals().get("common_env")).entries().get("AO4J_SU_DYNAMODB_TABLE")));
        assertTableIsTheOneJavaCreates(table, DynamoDbLogStore::createTableIfMissing);

        try (DynamoDbClient dynamo = DynamoDbLocal.get().client()) {
            String name = "drift-su-" + System.nanoTime();
            DynamoDbLogStore.createTableIfMissing(dynamo, name);
            TableDescription java = dynamo.describeTable(b -> b.tableName(name)).table();
            assertEquals(1, java.globalSecondaryIndexes().size());
            var javaIndex = java.globalSecondaryIndexes().getFirst();
            List<Block> indexes = table.blocks("global_secondary_index");
            assertEquals(1, indexes.size());
            Block index = indexes.getFirst();
            assertEquals(DynamoDbLogStore.PENDING_INDEX, javaIndex.indexName());
            assertEquals(javaIndex.indexName(), tf.string(index.attribute("name")).orElseThrow());
            assertEquals(javaIndex.keySchema().stream().map(k -> k.keyTypeAsString() + " " + k.attributeName()).toList(),
                    List.of("HASH " + tf.string(index.attribute("hash_key")).orElseThrow(), "RANGE " + tf.string(index.attribute("range_key")).orElseThrow()));
            assertEquals(javaIndex.projection().projectionTypeAsString(), tf.string(index.attribute("projection_type")).orElseThrow());
        }
    }

    @Test
    void muStateTableIsTheOneTheMuCreatesAndEveryMuFunctionUsesIt() {
        Block table = tf.resource("aws_dynamodb_table", "mu_state");
        assertEquals(properties.get("ao4j.mu.dynamodb.table"), tf.string(table.attribute("name")).orElseThrow(),
                "the table's default name is the MU's default");
        assertEquals("dynamodb", properties.get("%lambda.ao4j.mu.store"), "in Lambda the MU's state is in the shared table");
        assertTableIsTheOneJavaCreates(table, DynamoDbMuTable::createTableIfMissing);
        for (String unit : List.of("mu", "crank", "cron")) {
            Map<String, Expr> env = tf.object(functions().get(unit).entries().get("env")).entries();
            assertEquals("aws_dynamodb_table.mu_state.name", describe(env.get(envName("ao4j.mu.dynamodb.table"))), unit);
        }
        try (DynamoDbClient dynamo = DynamoDbLocal.get().client()) {
            String name = "drift-mu-" + System.nanoTime();
            DynamoDbMuTable.createTableIfMissing(dynamo, name);
            var ttl = dynamo.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
            Block tfTtl = table.block("ttl").orElseThrow();
            assertEquals(ttl.attributeName(), tf.string(tfTtl.attribute("attribute_name")).orElseThrow());
            assertEquals(DynamoDbMuTable.EXPIRES, ttl.attributeName());
            assertEquals("true", tf.string(tfTtl.attribute("enabled")).orElseThrow());
        }
    }

    /** The HCL table has the keys and attributes of the one the Java side creates in DynamoDB Local, on demand, with PITR. */
    private static void assertTableIsTheOneJavaCreates(Block table, java.util.function.BiConsumer<DynamoDbClient, String> create) {
        assertEquals("PAY_PER_REQUEST", tf.string(table.attribute("billing_mode")).orElseThrow());
        assertEquals("true", tf.string(table.block("point_in_time_recovery").orElseThrow().attribute("enabled")).orElseThrow());
        try (DynamoDbClient dynamo = DynamoDbLocal.get().client()) {
            String name = "drift-" + System.nanoTime();
            create.accept(dynamo, name);
            TableDescription java = dynamo.describeTable(b -> b.tableName(name)).table();
            assertEquals(java.keySchema().stream().map(k -> k.keyTypeAsString() + " " + k.attributeName()).toList(),
                    List.of("HASH " + tf.string(table.attribute("hash_key")).orElseThrow(), "RANGE " + tf.string(table.attribute("range_key")).orElseThrow()));
            assertEquals(java.attributeDefinitions().stream().map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).collect(Collectors.toSet()),
                    table.blocks("attribute").stream().map(a -> tf.string(a.attribute("name")).orElseThrow() + ":" + tf.string(a.attribute("type")).orElseThrow())
                            .collect(Collectors.toSet()));
        }
    }

    @Test
    void crankQueueIsTheMuQueuesFifoPair() {
        Block queue = tf.resource("aws_sqs_queue", "crank");
        Block deadLetters = tf.resource("aws_sqs_queue", "crank_dead_letters");
        String queueName = tf.string(queue.attribute("name")).orElseThrow();
        String deadLetterName = tf.string(deadLetters.attribute("name")).orElseThrow();
        // The defaults documented beside ao4j.mu.queue.sqs.* and SqsQueueSetup's naming (<name>.fifo, <name>-dead-letters.fifo).
        assertTrue(properties.get("ao4j.mu.queue.sqs.queue-url").endsWith("/" + queueName), queueName);
        assertTrue(properties.get("ao4j.mu.queue.sqs.dead-letter-queue-url").endsWith("/" + deadLetterName), deadLetterName);
        assertEquals(queueName.replace(".fifo", "-dead-letters.fifo"), deadLetterName);
        assertEquals("true", tf.string(queue.attribute("fifo_queue")).orElseThrow());
        assertEquals("true", tf.string(deadLetters.attribute("fifo_queue")).orElseThrow());

        Map<String, Expr> redrive = ((ObjectExpr) ((Hcl.Call) queue.attribute("redrive_policy")).args().getFirst()).entries();
        assertEquals("aws_sqs_queue.crank_dead_letters.arn", describe(redrive.get("deadLetterTargetArn")));
        // The crank function dead-letters a step itself after max-attempts, with its error; SQS's redrive is the
        // backstop for what never reaches an outcome, and must not step in first (held-back messages are received
        // again with the step they wait behind, so their receive counts run ahead of their own attempts).
        int maxReceives = Integer.parseInt(tf.string(redrive.get("maxReceiveCount")).orElseThrow());
        int maxAttempts = Integer.parseInt(properties.get("ao4j.mu.queue.max-attempts"));
        assertTrue(maxReceives >= 5 * maxAttempts, "SQS's redrive (" + maxReceives + ") well above max-attempts (" + maxAttempts + ")");

        Map<String, Expr> env = tf.object(tf.locals().get("common_env")).entries();
        assertEquals("aws_sqs_queue.crank.url", describe(env.get(envName("ao4j.mu.queue.sqs.queue-url"))));
        assertEquals("aws_sqs_queue.crank_dead_letters.url", describe(env.get(envName("ao4j.mu.queue.sqs.dead-letter-queue-url"))));
        assertEquals("var.region", describe(env.get(envName("ao4j.mu.queue.sqs.region"))));
        assertEquals("sqs", properties.get("%lambda.ao4j.mu.queue.transport"));
        assertEquals("false", properties.get("%lambda.ao4j.mu.queue.consume"), "in Lambda the SQS trigger consumes");
    }

    @Test
    void triggersReachTheirFunctions() {
        Block mapping = tf.resource("aws_lambda_event_source_mapping", "crank");
        assertEquals("aws_sqs_queue.crank.arn", describe(mapping.attribute("event_source_arn")));
        assertEquals("aws_lambda_alias.live[\"crank\"].arn", describe(mapping.attribute("function_name")));
        assertEquals(List.of("ReportBatchItemFailures"), strings(mapping.attribute("function_response_types")));
        assertEquals(LambdaFunctions.CRANK_STEP, tf.string(functions().get("crank").entries().get("export")).orElseThrow());

        Block cron = tf.resource("aws_scheduler_schedule", "cron");
        Block target = cron.block("target").orElseThrow();
        assertEquals("aws_lambda_alias.live[\"cron\"].arn", describe(target.attribute("arn")));
        assertEquals(LambdaFunctions.CRON_TICK, tf.string(functions().get("cron").entries().get("export")).orElseThrow());
        Set<String> inputFields = ((ObjectExpr) ((Hcl.Call) target.attribute("input")).args().getFirst()).entries().keySet();
        Set<String> eventFields = new HashSet<>();
        for (RecordComponent component : ScheduledEvent.class.getRecordComponents()) {
            JsonProperty json = component.getAccessor().getAnnotation(JsonProperty.class);
            eventFields.add(json == null ? component.getName() : json.value());
        }
        assertEquals(eventFields, inputFields, "the schedule sends the fields ScheduledEvent reads");

        // HTTP: /mu, /su, /cu to the unit with the same name, and the REST resources live under those paths.
        Hcl.Call units = (Hcl.Call) tf.locals().get("http_units");
        assertEquals(List.of("mu", "su", "cu"), strings(units.args().getFirst()));
        for (String unit : List.of("mu", "su", "cu")) {
            assertEquals(LambdaFunctions.HTTP_HANDLER, tf.string(functions().get(unit).entries().get("handler")).orElseThrow());
        }
        assertEquals("/su", dev.ao4j.su.http.SchedulerResource.class.getAnnotation(Path.class).value());
        assertEquals("/cu", dev.ao4j.cu.http.ComputeResource.class.getAnnotation(Path.class).value());
        assertEquals("/mu", dev.ao4j.mu.http.MessengerResource.class.getAnnotation(Path.class).value());
        for (String unit : List.of("mu", "crank", "cron")) {
            Map<String, Expr> env = tf.object(functions().get(unit).entries().get("env")).entries();
            assertEquals("\"${local.api_url}/su\"", describe(env.get(envName("ao4j.mu.su-url"))), unit);
            assertEquals("\"${local.api_url}/cu\"", describe(env.get(envName("ao4j.mu.cu-url"))), unit);
        }
        assertEquals("false", properties.get("%lambda.quarkus.scheduler.enabled"), "in Lambda only the scheduled cronTick runs the monitor");
        Block integration = tf.resource("aws_apigatewayv2_integration", "unit");
        assertEquals("2.0", tf.string(integration.attribute("payload_format_version")).orElseThrow());
        assertEquals("\"${local.api_url}/su\"", describe(functions().get("su").entries().get("env") instanceof ObjectExpr o
                ? o.entries().get(envName("ao4j.su.url")) : null));
        for (String unit : List.of("mu", "su", "cu")) {
            Block output = tf.body().blocks("output").stream().filter(b -> b.labels().equals(List.of(unit + "_url"))).findFirst().orElseThrow();
            assertEquals("\"${local.api_url}/" + unit + "\"", describe(output.attribute("value")));
        }
    }

    @Test
    void everyFunctionHasMemoryTimeoutRoleAndLogRetention() {
        Set<String> names = functions().keySet();
        assertEquals(names, tf.object(tf.variable("memory_sizes").attribute("default")).entries().keySet());
        assertEquals(names, tf.object(tf.variable("timeouts").attribute("default")).entries().keySet());
        assertEquals(names, tf.object(tf.locals().get("wallet_secret")).entries().keySet());
        assertEquals(names, tf.object(tf.locals().get("unit_statements")).entries().keySet());
        Block function = tf.resource("aws_lambda_function", "unit");
        assertEquals("aws_iam_role.function[each.key].arn", describe(function.attribute("role")));
        assertEquals("PublishedVersions", tf.string(function.blocks("dynamic").getFirst().block("content").orElseThrow()
                .attribute("apply_on")).orElseThrow());
        assertEquals("var.log_retention_days", describe(tf.resource("aws_cloudwatch_log_group", "function").attribute("retention_in_days")));
        // No wallet material in variables: only secret ARNs.
        for (Block variable : tf.body().blocks("variable")) {
            String name = variable.labels().getFirst();
            assertTrue(!name.contains("wallet") || name.endsWith("_secret_arn"), name);
        }
    }

    @Test
    void packagesComeFromS3AndOnlyTheCuHasTheJitLayer() throws IOException {
        Block function = tf.resource("aws_lambda_function", "unit");
        // A direct upload (filename) takes at most 50 MB; function.zip is larger.
        assertFalse(function.attributes().containsKey("filename"), "function.zip is uploaded through S3");
        assertEquals("aws_s3_object.function_zip.bucket", describe(function.attribute("s3_bucket")));
        assertEquals("aws_s3_object.function_zip.key", describe(function.attribute("s3_key")));
        assertEquals("var.function_zip", describe(tf.resource("aws_s3_object", "function_zip").attribute("source")));
        assertEquals("var.jvmci_layer_zip", describe(tf.resource("aws_s3_object", "jvmci_layer").attribute("source")));
        Block layer = tf.resource("aws_lambda_layer_version", "jvmci");
        assertEquals("aws_s3_object.jvmci_layer.key", describe(layer.attribute("s3_key")));
        // The lambda module's assembly (src/assembly/jvmci-layer.xml, finalName jvmci-layer) builds the default path.
        assertEquals("../functions/lambda/target/jvmci-layer.zip", tf.string(tf.variable("jvmci_layer_zip").attribute("default")).orElseThrow());

        assertEquals("each.value.layers", describe(function.attribute("layers")));
        Map<String, List<String>> layers = new TreeMap<>();
        functions().forEach((name, fn) -> layers.put(name, ((ListExpr) fn.entries().get("layers")).items().stream()
                .map(TerraformDriftTest::describe).toList()));
        assertEquals(Map.of("cu", List.of("aws_lambda_layer_version.jvmci.arn"), "mu", List.of(), "su", List.of(),
                "crank", List.of(), "cron", List.of()), layers);

        // The CU's JVM flags are the ones the tests and ./ao4j run GraalWasm's JIT with (the parent POM's
        // graal.jit.argLine), with the layer's /opt/jvmci in place of target/jvmci.
        Map<String, Expr> cuEnv = tf.object(functions().get("cu").entries().get("env")).entries();
        String cuOptions = tf.string(cuEnv.get("JAVA_TOOL_OPTIONS")).orElseThrow();
        Matcher argLine = Pattern.compile("<graal\\.jit\\.argLine>([^<]+)</graal\\.jit\\.argLine>")
                .matcher(Files.readString(Repo.dir().resolve("pom.xml")));
        assertTrue(argLine.find(), "the parent POM defines graal.jit.argLine");
        Set<String> expected = new TreeSet<>(Arrays.asList(argLine.group(1).replace("${project.build.directory}/jvmci", "/opt/jvmci").split("\\s+")));
        Set<String> actual = new TreeSet<>(Arrays.asList(cuOptions.split("\\s+")));
        actual.remove("--add-opens=java.base/java.lang=ALL-UNNAMED");
        assertEquals(expected, actual);
    }

    @Test
    void iamAllowsWhatTheUnitsCallAndNoMore() throws IOException {
        // Every DynamoDB operation an adapter calls (table creation is for local runs only) is allowed to the functions
        // that use the adapter, on its table only, and they get no other DynamoDB action.
        Set<String> logStore = dynamoDbActions("su/adapter/dynamodb/DynamoDbLogStore.java");
        assertTrue(logStore.contains("dynamodb:TransactWriteItems"), logStore.toString());
        // A transaction's puts, updates and condition checks are authorized as those actions.
        logStore.addAll(Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"));
        Set<String> monitors = dynamoDbActions("mu/adapter/DynamoDbMonitors.java");
        // Both keep large values in parts through DynamoDbParts.
        Set<String> largeValues = dynamoDbActions("mu/adapter/DynamoDbParts.java");
        Set<String> signedItems = union(dynamoDbActions("mu/adapter/DynamoDbSignedItems.java"), largeValues);
        Set<String> stepPayloads = union(dynamoDbActions("mu/adapter/DynamoDbStepPayloads.java"), largeValues);
        assertTrue(monitors.contains("dynamodb:Query") && signedItems.contains("dynamodb:GetItem"), monitors + " " + signedItems);
        // Every function that queues steps may store a large one's payload; only the crank step reads them.
        Set<String> payloadWrites = Set.of("dynamodb:PutItem");
        assertTrue(stepPayloads.containsAll(payloadWrites), stepPayloads.toString());
        Set<String> subscriptionsAndQueueing = union(monitors, payloadWrites);

        assertEquals(Map.of("aws_dynamodb_table.su_log.arn", logStore), dynamoDbActionsByTable("su"));
        assertEquals(Map.of("aws_dynamodb_table.mu_state.arn", subscriptionsAndQueueing), dynamoDbActionsByTable("mu"),
                "subscribes, unsubscribes, queues steps");
        assertEquals(Map.of("aws_dynamodb_table.mu_state.arn", subscriptionsAndQueueing), dynamoDbActionsByTable("cron"),
                "reads subscriptions, saves cursors, queues steps");
        assertEquals(Map.of("aws_dynamodb_table.mu_state.arn", union(signedItems, stepPayloads)), dynamoDbActionsByTable("crank"),
                "keeps what steps signed, reads and writes step payloads");
        assertEquals(Map.of(), dynamoDbActionsByTable("cu"));
        assertTrue(actions("su").stream().noneMatch(a -> a.startsWith("sqs:")), actions("su").toString());

        // Enqueueing (SqsTaskQueue's SendMessage) for the MU side; the crank trigger also receives and deletes.
        for (String unit : List.of("mu", "crank", "cron")) {
            assertTrue(actions(unit).contains("sqs:SendMessage"), unit + ": " + actions(unit));
        }
        assertTrue(actions("crank").containsAll(Set.of("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes")));
        assertFalse(actions("mu").contains("sqs:ReceiveMessage"), "only the trigger's function consumes");
        // Only the crank step dead-letters (SqsTaskQueue.deadLetter sends to the DLQ): without it, a failing step
        // would be retried until SQS's own redrive, stalling its process's FIFO group for about a day.
        assertEquals(Map.of("aws_sqs_queue.crank.arn", Set.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:ReceiveMessage",
                        "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"),
                "aws_sqs_queue.crank_dead_letters.arn", Set.of("sqs:SendMessage")), sqsActionsByQueue("crank"));
        for (String unit : List.of("mu", "cron")) {
            assertEquals(Map.of("aws_sqs_queue.crank.arn", Set.of("sqs:SendMessage", "sqs:GetQueueAttributes")),
                    sqsActionsByQueue(unit), unit);
        }
        String taskQueue = Files.readString(Repo.dir().resolve("functions/src/main/java/dev/ao4j/mu/queue/sqs/SqsTaskQueue.java"));
        assertTrue(taskQueue.contains("client.sendMessage(r -> r.queueUrl(deadLetterQueueUrl)"),
                "the crank step sends to the dead-letter queue");
        assertEquals(Set.of(), actions("cu"), "the CU needs nothing beyond its logs and its wallet secret");
        // No wildcard actions or resources in the functions' policies (a log group's streams, "<arn>:*", excepted).
        List<String> texts = new java.util.ArrayList<>();
        strings(tf.locals().get("unit_statements"), texts);
        strings(tf.resource("aws_iam_role_policy", "function").attribute("policy"), texts);
        assertTrue(texts.contains("logs:PutLogEvents") && texts.contains("dynamodb:Query"), texts.toString());
        for (String text : texts) {
            assertFalse(text.contains("*") && !text.equals("${aws_cloudwatch_log_group.function[each.key].arn}:*"), text);
        }
    }

    @Test
    void theApiIsThrottledAndEveryFunctionHasReservedConcurrency() {
        Block settings = tf.resource("aws_apigatewayv2_stage", "default").block("default_route_settings").orElseThrow();
        assertEquals("var.api_throttling_burst_limit", describe(settings.attribute("throttling_burst_limit")));
        assertEquals("var.api_throttling_rate_limit", describe(settings.attribute("throttling_rate_limit")));
        int burst = number(tf.variable("api_throttling_burst_limit").attribute("default"));
        int rate = number(tf.variable("api_throttling_rate_limit").attribute("default"));
        assertTrue(rate > 0 && burst >= rate, "throttled by default: burst " + burst + ", rate " + rate);

        Block function = tf.resource("aws_lambda_function", "unit");
        assertEquals("var.reserved_concurrency[each.key]", describe(function.attribute("reserved_concurrent_executions")));
        Map<String, Expr> reserved = tf.object(tf.variable("reserved_concurrency").attribute("default")).entries();
        assertEquals(functions().keySet(), reserved.keySet());
        int total = 0;
        for (Map.Entry<String, Expr> entry : reserved.entrySet()) {
            int value = number(entry.getValue());
            assertTrue(value >= 1, entry.getKey() + " has a concurrency ceiling by default: " + value);
            total += value;
        }
        // AWS keeps 100 of an account's (default 1000) concurrent executions unreserved.
        assertTrue(total <= 900, "reservations fit a default account: " + total);

        // The crank trigger never polls more than the crank function may run.
        Block scaling = tf.resource("aws_lambda_event_source_mapping", "crank").blocks("dynamic").stream()
                .filter(b -> b.labels().equals(List.of("scaling_config"))).findFirst().orElseThrow();
        assertEquals("var.reserved_concurrency.crank", describe(scaling.block("content").orElseThrow()
                .attribute("maximum_concurrency")));
        assertTrue(number(reserved.get("crank")) >= 2, "SQS maximum_concurrency is at least 2");
    }

    private static int number(Expr expr) {
        if (tf.resolve(expr) instanceof Hcl.Num num) {
            return Integer.parseInt(num.text());
        }
        throw new IllegalArgumentException("not a number: " + expr);
    }

    /** A function's SQS actions, by the queue of the statement that allows them. */
    private static Map<String, Set<String>> sqsActionsByQueue(String unit) {
        Map<String, Set<String>> byQueue = new TreeMap<>();
        for (ObjectExpr statement : statements(unit)) {
            List<String> actions = strings(statement.entries().get("Action")).stream().filter(a -> a.startsWith("sqs:")).toList();
            if (!actions.isEmpty()) {
                for (Expr resource : ((ListExpr) statement.entries().get("Resource")).items()) {
                    byQueue.computeIfAbsent(describe(resource), q -> new TreeSet<>()).addAll(actions);
                }
            }
        }
        return byQueue;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The DynamoDB actions of the client calls in a source file of the functions module (table setup excluded),
     * with DynamoDbTables.queryAll's Query.
     */
    private static Set<String> dynamoDbActions(String source) throws IOException {
        String code = Files.readString(Repo.dir().resolve("functions/src/main/java/dev/ao4j/" + source));
        Set<String> calls = new TreeSet<>();
        Matcher call = Pattern.compile("dynamo\\.(\\w+)\\(").matcher(code);
        while (call.find()) {
            if (!Set.of("createTable", "updateTimeToLive", "waiter", "close").contains(call.group(1))) {
                calls.add("dynamodb:" + Character.toUpperCase(call.group(1).charAt(0)) + call.group(1).substring(1));
            }
        }
        if (code.contains("DynamoDbTables.queryAll(")) {
            calls.add("dynamodb:Query");
        }
        assertFalse(calls.isEmpty(), source);
        return calls;
    }

    /** A function's DynamoDB actions, by the resources of the statements that allow them. */
    private static Map<String, Set<String>> dynamoDbActionsByTable(String unit) {
        Map<String, Set<String>> byTable = new TreeMap<>();
        for (ObjectExpr statement : statements(unit)) {
            List<String> actions = strings(statement.entries().get("Action")).stream().filter(a -> a.startsWith("dynamodb:")).toList();
            if (actions.isEmpty()) {
                continue;
            }
            List<String> resources = ((ListExpr) statement.entries().get("Resource")).items().stream()
                    .map(TerraformDriftTest::describe).filter(r -> !r.contains("/index/")).toList();
            assertEquals(1, resources.size(), "one table per DynamoDB statement: " + resources);
            byTable.computeIfAbsent(resources.getFirst(), t -> new TreeSet<>()).addAll(actions);
        }
        return byTable;
    }

    /** Every string literal inside an expression. */
    private static void strings(Expr expr, List<String> out) {
        switch (expr) {
            case Hcl.Str str -> out.add(str.template());
            case ListExpr list -> list.items().forEach(e -> strings(e, out));
            case ObjectExpr object -> object.entries().values().forEach(e -> strings(e, out));
            case Hcl.Call c -> c.args().forEach(e -> strings(e, out));
            default -> { }
        }
    }

    /** The actions of a function's unit-specific statements (locals.unit_statements[unit]). */
    private static Set<String> actions(String unit) {
        Set<String> out = new TreeSet<>();
        statements(unit).forEach(statement -> out.addAll(strings(statement.entries().get("Action"))));
        return out;
    }

    private static List<ObjectExpr> statements(String unit) {
        List<ObjectExpr> out = new java.util.ArrayList<>();
        collectStatements(tf.object(tf.locals().get("unit_statements")).entries().get(unit), out);
        return out;
    }

    private static void collectStatements(Expr expr, List<ObjectExpr> out) {
        Expr value = tf.resolve(expr);
        switch (value) {
            case Hcl.Call c when c.name().equals("concat") -> c.args().forEach(arg -> collectStatements(arg, out));
            case ListExpr list -> list.items().forEach(item -> collectStatements(item, out));
            case ObjectExpr statement -> out.add(statement);
            default -> throw new IllegalArgumentException("unexpected IAM statement expression " + value);
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, ObjectExpr> functions() {
        Map<String, ObjectExpr> out = new LinkedHashMap<>();
        tf.object(tf.locals().get("functions")).entries().forEach((name, fn) -> out.put(name, (ObjectExpr) fn));
        return out;
    }

    private static Expr envOf(Block function) {
        return function.block("environment").orElseThrow().attribute("variables");
    }

    private static List<String> strings(Expr list) {
        return ((ListExpr) list).items().stream().map(e -> tf.string(e).orElseThrow()).toList();
    }

    /** An expression as compact source, for comparing references. */
    private static String describe(Expr expr) {
        return switch (expr) {
            case null -> "null";
            case Ref ref -> ref.path();
            case Hcl.Str str -> "\"" + str.template() + "\"";
            case Hcl.Call call -> call.name() + "(" + call.args().stream().map(TerraformDriftTest::describe).collect(Collectors.joining(", ")) + ")";
            case ObjectExpr object -> "{ " + object.entries().entrySet().stream().map(e -> e.getKey() + " = " + describe(e.getValue()))
                    .collect(Collectors.joining(", ")) + " }";
            default -> expr.toString();
        };
    }

    /** SmallRye's environment-variable form of a property name. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    private static final Pattern COMMENTED_KEY = Pattern.compile("^#\\s*((?:%[a-z]+\\.)?(?:ao4j|quarkus)\\.[a-z0-9.\\-]+)=(\\S*)");

    /** The application's keys: set ones and the documented commented-out ones of both application.properties. */
    private static Map<String, String> applicationProperties() throws IOException {
        Map<String, String> keys = new TreeMap<>();
        for (java.nio.file.Path file : List.of(Repo.dir().resolve("functions/src/main/resources/application.properties"),
                Repo.dir().resolve("functions/lambda/src/main/resources/application.properties"))) {
            for (String line : Files.readAllLines(file)) {
                Matcher m = COMMENTED_KEY.matcher(line.trim());
                if (m.find()) {
                    keys.putIfAbsent(m.group(1), m.group(2));
                }
            }
            Properties set = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                set.load(in);
            }
            set.forEach((k, v) -> keys.put((String) k, (String) v));
        }
        return keys;
    }
}
