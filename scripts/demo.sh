#!/usr/bin/env bash
# Runs Jobtausch with demo data on the embedded SQLite database, on a fresh Debian 12 machine:
# installs the build dependencies if missing, then `jobtausch demo` (extra arguments go to it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-debian.sh
exec cargo run -p jobtausch -- demo "$@"
