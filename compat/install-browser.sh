#!/usr/bin/env bash
# Installs Chromium and its chromedriver from the distribution's packages when either is missing: the console's
# browser test (ConsoleBrowserTest) drives them, and nothing downloads a browser at test time.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if ! command -v apt-get > /dev/null; then
  echo "compat: no apt-get here; install chromium and chromedriver for the console's browser test" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
sudo=""
if [ "$(id -u)" != 0 ]; then
  sudo="sudo -n"
fi
echo "compat: apt-get install chromium chromium-driver"
install() { $sudo apt-get install -y --no-install-recommends chromium chromium-driver < /dev/null; }
# The package lists may be stale or absent: update them only when the install fails.
if ! install && ! { $sudo apt-get update < /dev/null && install; }; then
  echo "compat: could not install chromium and chromium-driver; ConsoleBrowserTest will fail without them" >&2
fi
