#!/usr/bin/env bash
# The dashboard's browser test drives Debian's Chromium through playwright-core (no browser download).
# Installs it from Debian's packages when it is missing, so `npm test` works on a fresh machine.
set -euo pipefail
CHROMIUM="${SLUICE_CHROMIUM:-/usr/bin/chromium}"
[ -x "$CHROMIUM" ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "Chromium is missing at $CHROMIUM and apt-get is not available: install Chromium and set SLUICE_CHROMIUM" >&2
  exit 0 # the browser test then fails with the same advice
fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing Debian's Chromium for the browser test …"
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium
