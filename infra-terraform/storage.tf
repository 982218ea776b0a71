# The SU's log (dev.ao4j.su.adapter.dynamodb.DynamoDbLogStore): pk (S) / sk (N), a sparse index of the slots pending
# upload, on-demand capacity and point-in-time recovery.
resource "aws_dynamodb_table" "su_log" {
  name         = "${var.name_prefix}-su-log"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "N"
  }

  attribute {
    name = "pend"
    type = "S"
  }

  attribute {
    name = "ts"
    type = "N"
  }

  global_secondary_index {
    name            = "pending-upload"
    hash_key        = "pend"
    range_key       = "ts"
    projection_type = "KEYS_ONLY"
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

# The MU's state shared by its functions (dev.ao4j.mu.adapter.DynamoDbMuTable): the items crank steps signed,
# which expire through TTL after SignedItems.RETENTION, and the cron subscriptions with their cursors.
resource "aws_dynamodb_table" "mu_state" {
  name         = "${var.name_prefix}-mu-state"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "pk"
  range_key    = "sk"

  attribute {
    name = "pk"
    type = "S"
  }

  attribute {
    name = "sk"
    type = "S"
  }

  ttl {
    attribute_name = "expires"
    enabled        = true
  }

  point_in_time_recovery {
    enabled = true
  }

  server_side_encryption {
    enabled = true
  }
}

# The MU's crank queue (dev.ao4j.mu.queue.sqs): FIFO, MessageGroupId = AO process id, MessageDeduplicationId =
# task id (set by the sender), and a FIFO dead-letter queue: the crank function moves a step there after
# ao4j.mu.queue.max-attempts failures, SQS's redrive after crank_max_receives receives as a backstop.
resource "aws_sqs_queue" "crank_dead_letters" {
  name                      = "${var.name_prefix}-mu-crank-dead-letters.fifo"
  fifo_queue                = true
  message_retention_seconds = 1209600
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "crank" {
  name                        = "${var.name_prefix}-mu-crank.fifo"
  fifo_queue                  = true
  content_based_deduplication = false
  deduplication_scope         = "messageGroup"
  fifo_throughput_limit       = "perMessageGroupId"
  # AWS's advice for Lambda triggers: at least six times the function's timeout.
  visibility_timeout_seconds = 6 * var.timeouts.crank
  message_retention_seconds  = 1209600
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.crank_dead_letters.arn
    maxReceiveCount     = var.crank_max_receives
  })
}

resource "aws_sqs_queue_redrive_allow_policy" "crank_dead_letters" {
  queue_url = aws_sqs_queue.crank_dead_letters.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.crank.arn]
  })
}
