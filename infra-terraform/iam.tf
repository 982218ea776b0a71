# Least privilege: one role per function, each allowed only what its unit calls.

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "function" {
  for_each = local.functions

  name               = "${var.name_prefix}-${each.key}"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

locals {
  wallet_secret = {
    mu    = var.mu_wallet_secret_arn
    su    = var.su_wallet_secret_arn
    cu    = var.cu_wallet_secret_arn
    crank = var.mu_wallet_secret_arn
    cron  = var.mu_wallet_secret_arn
  }
  # Every function may enqueue crank steps (the MU API, the crank step's follow-ups, the cron tick).
  enqueue = [{
    Effect   = "Allow"
    Action   = ["sqs:SendMessage", "sqs:GetQueueAttributes"]
    Resource = [aws_sqs_queue.crank.arn]
  }]
  # The MU's table: the API and the cron tick keep subscriptions (DynamoDbMonitors); the crank step keeps what it
  # signed (DynamoDbSignedItems) and reads step payloads too large for a queue message (DynamoDbStepPayloads),
  # which every function that queues steps may write (PutItem).
  mu_monitors = [{
    Effect   = "Allow"
    Action   = ["dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:Query", "dynamodb:UpdateItem"]
    Resource = [aws_dynamodb_table.mu_state.arn]
  }]
  mu_crank_state = [{
    Effect   = "Allow"
    Action   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"]
    Resource = [aws_dynamodb_table.mu_state.arn]
  }]
  unit_statements = {
    mu = concat(local.enqueue, local.mu_monitors)
    su = [{
      Effect = "Allow"
      Action = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
      "dynamodb:ConditionCheckItem", "dynamodb:TransactWriteItems"]
      Resource = [aws_dynamodb_table.su_log.arn, "${aws_dynamodb_table.su_log.arn}/index/pending-upload"]
    }]
    cu = []
    # The crank step moves a step that failed max-attempts times to the dead-letter queue (SqsTaskQueue.deadLetter);
    # without SendMessage there it would fail forever and stall its process's FIFO group.
    crank = concat(local.enqueue, local.mu_crank_state, [{
      Effect   = "Allow"
      Action   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility"]
      Resource = [aws_sqs_queue.crank.arn]
      }, {
      Effect   = "Allow"
      Action   = ["sqs:SendMessage"]
      Resource = [aws_sqs_queue.crank_dead_letters.arn]
    }])
    cron = concat(local.enqueue, local.mu_monitors)
  }
}

resource "aws_iam_role_policy" "function" {
  for_each = local.functions

  name = "${var.name_prefix}-${each.key}"
  role = aws_iam_role.function[each.key].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat([
      {
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = ["${aws_cloudwatch_log_group.function[each.key].arn}:*"]
      },
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = [local.wallet_secret[each.key]]
      },
    ], local.unit_statements[each.key])
  })
}

data "aws_iam_policy_document" "scheduler_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["scheduler.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "scheduler" {
  name               = "${var.name_prefix}-mu-cron-scheduler"
  assume_role_policy = data.aws_iam_policy_document.scheduler_assume.json
}

resource "aws_iam_role_policy" "scheduler" {
  name = "${var.name_prefix}-mu-cron-scheduler"
  role = aws_iam_role.scheduler.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["lambda:InvokeFunction"]
      Resource = [aws_lambda_alias.live["cron"].arn]
    }]
  })
}
