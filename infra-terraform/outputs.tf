output "mu_url" {
  description = "The MU's base URL (aoconnect's MU_URL)."
  value       = "${local.api_url}/mu"
}

output "su_url" {
  description = "The SU's base URL, as published in its Scheduler-Location record."
  value       = "${local.api_url}/su"
}

output "cu_url" {
  description = "The CU's base URL (aoconnect's CU_URL)."
  value       = "${local.api_url}/cu"
}

output "crank_queue_url" {
  description = "ao4j.mu.queue.sqs.queue-url, for `ao4j mu dead-letters` and `ao4j mu replay`."
  value       = aws_sqs_queue.crank.url
}

output "crank_dead_letter_queue_url" {
  description = "ao4j.mu.queue.sqs.dead-letter-queue-url."
  value       = aws_sqs_queue.crank_dead_letters.url
}

output "su_log_table" {
  description = "The SU's DynamoDB table (ao4j.su.dynamodb.table)."
  value       = aws_dynamodb_table.su_log.name
}

output "mu_state_table" {
  description = "The MU's DynamoDB table (ao4j.mu.dynamodb.table)."
  value       = aws_dynamodb_table.mu_state.name
}
