package dev.ao4j.lambda;

/**
 * The names AWS needs to run this application, in one place: infra-terraform uses exactly these (a test reads
 * the HCL and compares). One function.zip serves every function: the HTTP functions use Quarkus's Lambda HTTP
 * handler (API Gateway v2 / function URL events into the units' REST resources), the event functions use Funqy's
 * handler and pick their function by {@link #EXPORT_ENV}.
 */
public final class LambdaFunctions {
    /** Handler of the MU, SU and CU HTTP functions. */
    public static final String HTTP_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** Handler of the Funqy functions (crank step, cron tick). */
    public static final String FUNQY_HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";
    /** Environment variable choosing the Funqy function ({@code quarkus.funqy.export}). */
    public static final String EXPORT_ENV = "QUARKUS_FUNQY_EXPORT";
    /** Environment variable and value selecting the configuration profile of application.properties' %lambda keys. */
    public static final String PROFILE_ENV = "QUARKUS_PROFILE";
    public static final String PROFILE = "lambda";

    /** SQS-triggered: runs a batch of crank tasks, reports the failed ones (batchItemFailures). */
    public static final String CRANK_STEP = "crankStep";
    /** EventBridge Scheduler-triggered: one pass of the MU's cron monitor. */
    public static final String CRON_TICK = "cronTick";

    private LambdaFunctions() {}
}
