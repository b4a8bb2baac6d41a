#!/usr/bin/env bash
# A matching round at network scale on PostgreSQL: loads N generated people (default 100,000)
# into a fresh database, runs one round (pairs and rings of three) as an organiser, and prints
# the round's figures with the wall time and peak memory of each step.
#
#   bench/rounds/run.sh [PEOPLE] [TIME_LIMIT_SECONDS]
#
# Needs the services (`eval "$(scripts/services.sh start)"`) for PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE="${1:-100000}"
LIMIT="${2:-120}"
: "${JOBTAUSCH_TEST_PG_URL:?start the services first: eval \"\$(scripts/services.sh start)\"}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}"
cargo build --release -q -p jobtausch
BIN="$CARGO_TARGET_DIR/release/jobtausch"
DB="bench_rounds_$$"
ADMIN_URL="$JOBTAUSCH_TEST_PG_URL"
psql "$ADMIN_URL" -qc "CREATE DATABASE $DB" >/dev/null
trap 'psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DB" >/dev/null' EXIT
URL="${ADMIN_URL%/*}/$DB"
# Weeks a little ahead, so that the period lies in the future whenever this runs.
FROM=$(python3 -c 'import datetime as d; t=d.date.today()+d.timedelta(days=60); y,w,_=t.isocalendar(); print(f"{y}-W{w:02d}")')
TO=$(python3 -c 'import datetime as d; t=d.date.today()+d.timedelta(days=60+7*11); y,w,_=t.isocalendar(); print(f"{y}-W{w:02d}")')
measure() { /usr/bin/time -f "  wall %e s, peak %M KB" "$@"; }
echo "== loading $PEOPLE people, free in 2-4 of the weeks $FROM..$TO"
measure "$BIN" admin seed-synthetic --database-url "$URL" --people "$PEOPLE" --from "$FROM" --to "$TO"
echo "Bench-Passwort-2026-lang" | "$BIN" admin create-organiser --database-url "$URL" --email bench@netzwerk.invalid --password-stdin >/dev/null
echo "== round: pairs and rings of three, time limit $LIMIT s"
measure "$BIN" admin run-round --database-url "$URL" --email bench@netzwerk.invalid --from "$FROM" --to "$TO" \
  --max-cycle 3 --time-limit "$LIMIT" | tee /tmp/bench-round-$$.json
python3 - "/tmp/bench-round-$$.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); f = r["figures"]
print(f"| candidates | edges | matched | pairs | rings | bound | optimal | round ms |")
print(f"|---|---|---|---|---|---|---|---|")
print(f"| {f['candidates']:,} | {f['edges']:,} | {f['people_matched']:,} | {f['pairs']:,} | {f['rings']:,} | {f['bound_people']:,} | {f['optimal']} | {f['milliseconds']:,} |")
PY
psql "$URL" -Atc "SELECT 'proposals written: ' || COUNT(*) FROM swaps WHERE round_id IS NOT NULL"
psql "$URL" -Atc "SELECT 'mails queued: ' || COUNT(*) FROM outbox"
rm -f /tmp/bench-round-$$.json
