#!/usr/bin/env bash
# Builds ao4j's native executables with GraalVM's native-image:
#   functions  ->  functions/target/functions-*-runner   (the ao4j command and node)
#   lambda     ->  functions/lambda/target/function.zip  (Lambda custom runtime, provided.al2023: bootstrap + runner)
# Usage: native-build/build-native.sh [functions|lambda|all] [--container]
#   --container  build inside Quarkus's builder image (Docker or Podman) instead of a local GraalVM.
# Exit codes: 0 built, 2 usage, 3 no native-image (and no --container), other: the build failed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=all
container=false
for arg in "$@"; do
  case "$arg" in
    functions|lambda|all) target=$arg ;;
    --container) container=true ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build-native: unknown argument '$arg' (functions|lambda|all, --container)" >&2; exit 2 ;;
  esac
done

find_native_image() {
  local candidate
  for candidate in "${GRAALVM_HOME:-}" "${JAVA_HOME:-}"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/native-image" ] && { echo "$candidate"; return 0; }
  done
  if command -v native-image >/dev/null 2>&1; then
    dirname "$(dirname "$(readlink -f "$(command -v native-image)")")"
    return 0
  fi
  return 1
}

# The configuration in native-build/config (reflection for the Jackson records and wire types, resources such as
# sqlite-jdbc's native libraries) plus options for GraalWasm/Truffle and the HTTP clients.
build_args=(
  "-H:ConfigurationFileDirectories=$root/native-build/config"
  "--enable-url-protocols=http,https"
  "--enable-native-access=ALL-UNNAMED"
  "-march=compatibility"
  "-J-Xmx8g"
)
joined=$(IFS=,; echo "${build_args[*]}")

mvn_args=(-B package -DskipTests -Dcompat.skip=true
  -Dquarkus.native.enabled=true -Dquarkus.package.jar.enabled=false
  "-Dquarkus.native.additional-build-args=$joined")

if [ "$container" = true ]; then
  mvn_args+=(-Dquarkus.native.container-build=true)
  echo "build-native: building in a container (Quarkus's builder image; needs Docker or Podman)" >&2
else
  if ! graal=$(find_native_image); then
    cat >&2 <<'MSG'
build-native: native-image not found (looked in $GRAALVM_HOME/bin, $JAVA_HOME/bin and PATH).
  This machine cannot build native executables. To build them:
    - install GraalVM for JDK 25 (https://www.graalvm.org/downloads/, or `sdk install java 25-graal`),
      then: GRAALVM_HOME=/path/to/graalvm native-build/build-native.sh
    - or, with Docker or Podman: native-build/build-native.sh --container
  Mandrel (Quarkus's GraalVM distribution) builds the application too, but GraalWasm (the CU) runs on Truffle,
  which GraalVM supports best; prefer GraalVM for the CU.
MSG
    exit 3
  fi
  export GRAALVM_HOME=$graal JAVA_HOME=$graal
  echo "build-native: using native-image from $graal ($("$graal/bin/native-image" --version 2>&1 | head -1))" >&2
fi

case "$target" in
  functions) modules=functions ;;
  lambda) modules=functions/lambda ;;
  all) modules=functions,lambda ;;
esac
cd "$root"
# -Dquick is not set, so the lambda module is part of the reactor; -am builds what it depends on.
./mvnw "${mvn_args[@]}" -pl "$modules" -am
echo "build-native: done:" >&2
ls -l functions/target/*-runner functions/lambda/target/function.zip 2>/dev/null >&2 || true
