# The MU, SU and CU on AWS Lambda. One deployment package (functions/lambda/target/function.zip) serves five functions:
# the three units' HTTP APIs behind one API Gateway HTTP API (routes /mu, /su, /cu), the SQS-triggered crank
# step and the EventBridge Scheduler-triggered cron tick. Names used by the Java side (handlers, Funqy exports,
# environment variables, table and queue layout) are checked against it by lambda's TerraformDriftTest.

locals {
  http_handler  = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
  funqy_handler = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest"
  profile       = "lambda"
  crank_step    = "crankStep"
  cron_tick     = "cronTick"

  api_url = aws_apigatewayv2_api.http.api_endpoint

  # The CU evaluates WASM: full tiered compilation, and the Graal compiler from the jvmci layer (Lambda unpacks
  # layers under /opt) so that GraalWasm compiles hot code instead of interpreting it.
  cu_java_tool_options = join(" ", [
    "--add-opens=java.base/java.lang=ALL-UNNAMED --enable-native-access=ALL-UNNAMED",
    "-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI",
    "--upgrade-module-path=/opt/jvmci/upgrade --module-path=/opt/jvmci/modules --add-modules=ALL-MODULE-PATH",
  ])

  # Every function: the lambda configuration profile, the permanent store, the crank queue (each unit's
  # application wires the MU queue; only the crank-step trigger consumes it) and the SU's log table.
  common_env = {
    QUARKUS_PROFILE                         = local.profile
    JAVA_TOOL_OPTIONS                       = "--add-opens=java.base/java.lang=ALL-UNNAMED -XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    AO4J_ARWEAVE_GATEWAY_URL                = var.arweave_gateway_url
    AO4J_ARWEAVE_BUNDLER_URL                = var.bundler_url
    AO4J_MU_QUEUE_SQS_REGION                = var.region
    AO4J_MU_QUEUE_SQS_QUEUE_URL             = aws_sqs_queue.crank.url
    AO4J_MU_QUEUE_SQS_DEAD_LETTER_QUEUE_URL = aws_sqs_queue.crank_dead_letters.url
    AO4J_SU_DYNAMODB_TABLE                  = aws_dynamodb_table.su_log.name
  }

  functions = {
    mu = {
      handler = local.http_handler
      export  = local.crank_step
      layers  = []
      env = {
        AO4J_SU_ENABLED              = "false"
        AO4J_LAMBDA_MU_WALLET_SECRET = var.mu_wallet_secret_arn
        AO4J_MU_SU_URL               = "${local.api_url}/su"
        AO4J_MU_CU_URL               = "${local.api_url}/cu"
        AO4J_MU_DYNAMODB_TABLE       = aws_dynamodb_table.mu_state.name
      }
    }
    su = {
      handler = local.http_handler
      export  = local.crank_step
      layers  = []
      env = {
        AO4J_SU_ENABLED              = "true"
        AO4J_SU_URL                  = "${local.api_url}/su"
        AO4J_LAMBDA_SU_WALLET_SECRET = var.su_wallet_secret_arn
      }
    }
    cu = {
      handler = local.http_handler
      export  = local.crank_step
      layers  = [aws_lambda_layer_version.jvmci.arn]
      env = {
        JAVA_TOOL_OPTIONS            = local.cu_java_tool_options
        AO4J_SU_ENABLED              = "false"
        AO4J_LAMBDA_CU_WALLET_SECRET = var.cu_wallet_secret_arn
      }
    }
    crank = {
      handler = local.funqy_handler
      export  = local.crank_step
      layers  = []
      env = {
        AO4J_SU_ENABLED              = "false"
        AO4J_LAMBDA_MU_WALLET_SECRET = var.mu_wallet_secret_arn
        AO4J_MU_SU_URL               = "${local.api_url}/su"
        AO4J_MU_CU_URL               = "${local.api_url}/cu"
        AO4J_MU_DYNAMODB_TABLE       = aws_dynamodb_table.mu_state.name
      }
    }
    cron = {
      handler = local.funqy_handler
      export  = local.cron_tick
      layers  = []
      env = {
        AO4J_SU_ENABLED              = "false"
        AO4J_LAMBDA_MU_WALLET_SECRET = var.mu_wallet_secret_arn
        AO4J_MU_SU_URL               = "${local.api_url}/su"
        AO4J_MU_CU_URL               = "${local.api_url}/cu"
        AO4J_MU_DYNAMODB_TABLE       = aws_dynamodb_table.mu_state.name
      }
    }
  }
}

resource "aws_lambda_function" "unit" {
  for_each = local.functions

  function_name    = "${var.name_prefix}-${each.key}"
  role             = aws_iam_role.function[each.key].arn
  s3_bucket        = aws_s3_object.function_zip.bucket
  s3_key           = aws_s3_object.function_zip.key
  source_code_hash = filebase64sha256(var.function_zip)
  layers           = each.value.layers
  runtime          = var.java_runtime
  architectures    = ["x86_64"]
  handler          = each.value.handler
  memory_size      = var.memory_sizes[each.key]
  timeout          = var.timeouts[each.key]
  publish          = true
  # A ceiling per function (and a share kept for it): a flood on one route cannot take the account's whole
  # concurrency, nor its bill, and cannot starve the other units. -1: no reservation.
  reserved_concurrent_executions = var.reserved_concurrency[each.key]

  environment {
    variables = merge(local.common_env, each.value.env, { QUARKUS_FUNQY_EXPORT = each.value.export })
  }

  dynamic "snap_start" {
    for_each = var.snap_start ? [1] : []
    content {
      apply_on = "PublishedVersions"
    }
  }

  logging_config {
    log_format = "Text"
    log_group  = aws_cloudwatch_log_group.function[each.key].name
  }
}

# SnapStart runs on published versions only: every trigger invokes this alias of the latest version.
resource "aws_lambda_alias" "live" {
  for_each = local.functions

  name             = "live"
  function_name    = aws_lambda_function.unit[each.key].function_name
  function_version = aws_lambda_function.unit[each.key].version
}

resource "aws_cloudwatch_log_group" "function" {
  for_each = local.functions

  name              = "/aws/lambda/${var.name_prefix}-${each.key}"
  retention_in_days = var.log_retention_days
}
