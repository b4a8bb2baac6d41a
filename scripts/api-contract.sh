#!/usr/bin/env bash
# Checks the served API against its own OpenAPI description with schemathesis (bounded and
# reproducible): undocumented status codes, wrong content types, bodies that do not match their
# schema, server errors. Runs a throwaway demo instance on loopback.
#
# `positive_data_acceptance` is left out on purpose: JSON schema cannot say that an address
# must belong to a member organisation or that a week must exist in the calendar, so
# schema-valid bodies may rightly get a documented 422.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${JOBTAUSCH_BIN:?set JOBTAUSCH_BIN to the jobtausch binary}
VENV=${JT_VENV:-$HOME/.cache/jobtausch/venv}
dir=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
db="sqlite://$dir/contract.db"
JOBTAUSCH_LOG=warn "$BIN" demo --database-url "$db" --bind "127.0.0.1:$port" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$dir"' EXIT
for _ in $(seq 100); do curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
token=$("$BIN" admin create-token --database-url "$db" --email dieter.krause@musterstadt.example --name contract)
"$VENV/bin/schemathesis" run "http://127.0.0.1:$port/api/openapi.json" \
    --checks all --exclude-checks positive_data_acceptance \
    --max-examples 30 --seed 1 --workers 1 \
    -H "Authorization: Bearer $token"
