# The deployment packages go to Lambda through S3: a direct upload takes at most 50 MB and function.zip is larger.
# Object keys carry the package's hash, so a new build is a new object and a new published version.
resource "aws_s3_bucket" "packages" {
  bucket_prefix = "${var.name_prefix}-packages-"
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "packages" {
  bucket                  = aws_s3_bucket.packages.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_object" "function_zip" {
  bucket = aws_s3_bucket.packages.id
  key    = "function-${filesha256(var.function_zip)}.zip"
  source = var.function_zip
}

resource "aws_s3_object" "jvmci_layer" {
  bucket = aws_s3_bucket.packages.id
  key    = "jvmci-layer-${filesha256(var.jvmci_layer_zip)}.zip"
  source = var.jvmci_layer_zip
}

# GraalWasm's JIT for the CU function: the Graal compiler jars, unpacked by Lambda under /opt/jvmci
# (local.cu_java_tool_options puts them on the module paths).
resource "aws_lambda_layer_version" "jvmci" {
  layer_name               = "${var.name_prefix}-graal-jit"
  s3_bucket                = aws_s3_object.jvmci_layer.bucket
  s3_key                   = aws_s3_object.jvmci_layer.key
  source_code_hash         = filebase64sha256(var.jvmci_layer_zip)
  compatible_runtimes      = [var.java_runtime]
  compatible_architectures = ["x86_64"]
}
