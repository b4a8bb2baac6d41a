#!/usr/bin/env bash
# Matching benchmark: see README.md. Extra arguments go to bench.py, e.g.
#   bench/matching/run.sh --sizes 1000,10000 --ks 2,3 --time-limit 60
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-python3}
exec "$PY" "$HERE/bench.py" --python "$PY" "$@"
