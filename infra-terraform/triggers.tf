# HTTP: one API Gateway HTTP API (payload format 2.0, the same event as a function URL); /mu, /su and /cu with
# everything under them go to the unit's function. Its endpoint is known before the functions, so the SU can
# publish its own URL without a dependency cycle.
resource "aws_apigatewayv2_api" "http" {
  name          = "${var.name_prefix}-units"
  protocol_type = "HTTP"
}

# Every route is public: the stage's throttling caps what anonymous callers can make the functions (and the
# wallets paying for uploads) spend. The MU-side functions reach the SU and CU through this API too.
resource "aws_apigatewayv2_stage" "default" {
  api_id      = aws_apigatewayv2_api.http.id
  name        = "$default"
  auto_deploy = true

  default_route_settings {
    throttling_burst_limit = var.api_throttling_burst_limit
    throttling_rate_limit  = var.api_throttling_rate_limit
  }
}

locals {
  http_units = toset(["mu", "su", "cu"])
  http_routes = { for pair in setproduct(local.http_units, ["", "/{proxy+}"]) :
    "${pair[0]}${pair[1]}" => { unit = pair[0], path = "/${pair[0]}${pair[1]}" }
  }
}

resource "aws_apigatewayv2_integration" "unit" {
  for_each = local.http_units

  api_id                 = aws_apigatewayv2_api.http.id
  integration_type       = "AWS_PROXY"
  integration_uri        = aws_lambda_alias.live[each.key].invoke_arn
  payload_format_version = "2.0"
}

resource "aws_apigatewayv2_route" "unit" {
  for_each = local.http_routes

  api_id    = aws_apigatewayv2_api.http.id
  route_key = "ANY ${each.value.path}"
  target    = "integrations/${aws_apigatewayv2_integration.unit[each.value.unit].id}"
}

resource "aws_lambda_permission" "http" {
  for_each = local.http_units

  statement_id  = "api-gateway"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.unit[each.key].function_name
  qualifier     = aws_lambda_alias.live[each.key].name
  principal     = "apigateway.amazonaws.com"
  source_arn    = "${aws_apigatewayv2_api.http.execution_arn}/*/*"
}

# Crank steps: the FIFO queue triggers the crank function, which reports failed messages (partial batch).
resource "aws_lambda_event_source_mapping" "crank" {
  event_source_arn        = aws_sqs_queue.crank.arn
  function_name           = aws_lambda_alias.live["crank"].arn
  batch_size              = var.crank_batch_size
  function_response_types = ["ReportBatchItemFailures"]

  # Polling never asks for more than the crank's reserved concurrency, so SQS messages are not throttled (and
  # charged a receive) for want of a function instance.
  dynamic "scaling_config" {
    for_each = var.reserved_concurrency.crank >= 2 ? [1] : []
    content {
      maximum_concurrency = var.reserved_concurrency.crank
    }
  }
}

# Cron: EventBridge Scheduler invokes the cron function with the fields of EventBridge's scheduled event.
resource "aws_scheduler_schedule" "cron" {
  name                = "${var.name_prefix}-mu-cron"
  schedule_expression = var.cron_schedule

  flexible_time_window {
    mode = "OFF"
  }

  target {
    arn      = aws_lambda_alias.live["cron"].arn
    role_arn = aws_iam_role.scheduler.arn
    input = jsonencode({
      id            = "<aws.scheduler.execution-id>"
      "detail-type" = "Scheduled Event"
      source        = "aws.scheduler"
      time          = "<aws.scheduler.scheduled-time>"
    })

    retry_policy {
      maximum_retry_attempts       = 0
      maximum_event_age_in_seconds = 60
    }
  }
}
