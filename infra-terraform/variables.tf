variable "region" {
  description = "AWS region of every resource."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every name (functions, queues, table, roles, log groups)."
  type        = string
  default     = "ao4j"
}

variable "function_zip" {
  description = "Path of functions/lambda/target/function.zip (./mvnw -B package -pl functions/lambda -am -DskipTests)."
  type        = string
  default     = "../functions/lambda/target/function.zip"
}

variable "jvmci_layer_zip" {
  description = "Path of functions/lambda/target/jvmci-layer.zip (built with function.zip): the CU function's Graal JIT layer."
  type        = string
  default     = "../functions/lambda/target/jvmci-layer.zip"
}

variable "java_runtime" {
  description = "Lambda's managed Java runtime (the code is Java 25 bytecode; SnapStart needs a managed runtime)."
  type        = string
  default     = "java25"
}

variable "memory_sizes" {
  description = "Memory (MB) of each function; CPU share grows with it. The CU evaluates WASM and needs the most."
  type = object({
    mu    = number
    su    = number
    cu    = number
    crank = number
    cron  = number
  })
  default = {
    mu    = 1024
    su    = 1024
    cu    = 4096
    crank = 1024
    cron  = 512
  }
}

variable "timeouts" {
  description = "Timeout (seconds) of each function."
  type = object({
    mu    = number
    su    = number
    cu    = number
    crank = number
    cron  = number
  })
  default = {
    mu    = 30
    su    = 30
    cu    = 300
    crank = 150
    cron  = 60
  }
}

variable "snap_start" {
  description = "SnapStart on published versions (the aliases point at the latest one); false: on-demand cold starts."
  type        = bool
  default     = true
}

variable "arweave_gateway_url" {
  description = "Arweave gateway the units read the permanent store from (the embedded store does not fit Lambda)."
  type        = string
  default     = "https://arweave.net"
}

variable "bundler_url" {
  description = "Bundler the units upload data items to (<url>/tx/<currency>)."
  type        = string
  default     = "https://upload.ardrive.io"
}

variable "su_wallet_secret_arn" {
  description = "Secrets Manager secret (ARN) holding the SU wallet JWK. Only the ARN is in the state, never the wallet."
  type        = string
}

variable "cu_wallet_secret_arn" {
  description = "Secrets Manager secret (ARN) holding the CU wallet JWK."
  type        = string
}

variable "mu_wallet_secret_arn" {
  description = "Secrets Manager secret (ARN) holding the MU wallet JWK."
  type        = string
}

variable "crank_max_receives" {
  description = "Receives of a crank message before SQS itself moves it to the dead-letter queue: a backstop for messages that never reach an outcome (the crank function dead-letters a failing step after ao4j.mu.queue.max-attempts, with its error). Keep it well above max-attempts: messages held back behind a failing step are received again with it."
  type        = number
  default     = 100
}

variable "crank_batch_size" {
  description = "Crank tasks per invocation of the crank-step function (SQS FIFO: at most 10)."
  type        = number
  default     = 10
}

variable "cron_schedule" {
  description = "EventBridge Scheduler expression of the MU's cron tick (its finest rate is one minute)."
  type        = string
  default     = "rate(1 minute)"
}

variable "log_retention_days" {
  description = "CloudWatch Logs retention of every function's log group."
  type        = number
  default     = 30
}

variable "api_throttling_burst_limit" {
  description = "API Gateway stage throttling: the burst of requests (all routes together) accepted above the steady rate; more get 429."
  type        = number
  default     = 200
}

variable "api_throttling_rate_limit" {
  description = "API Gateway stage throttling: steady requests per second over all routes (anonymous callers and the units' own calls to the SU and CU)."
  type        = number
  default     = 100
}

variable "reserved_concurrency" {
  description = "Reserved concurrency of each function: its most concurrent instances, and a share no other function can take. -1 reserves nothing (for accounts whose concurrency limit is too small to reserve from: AWS keeps 100 unreserved). The crank's value also caps its SQS trigger's polling (at least 2)."
  type = object({
    mu    = number
    su    = number
    cu    = number
    crank = number
    cron  = number
  })
  default = {
    mu    = 20
    su    = 20
    cu    = 20
    crank = 10
    cron  = 2
  }
}
