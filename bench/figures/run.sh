#!/usr/bin/env bash
# How long the network's figures take at network scale, on SQLite and on PostgreSQL (issue 19):
# loads PEOPLE generated people (default 100,000) and SWAPS swaps among them (default 30,000)
# with their approvals and reflections into a fresh database of each kind, then computes the
# network's figures RUNS times (all years, and the current year) with `jobtausch admin figures`
# and prints the times the application measured, with the wall time of the whole command.
#
#   bench/figures/run.sh [PEOPLE] [SWAPS]
#   RUNS=10 bench/figures/run.sh
#
# Needs the services (`eval "$(scripts/services.sh start)"`) for PostgreSQL. Target: under
# 1 s on PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/../.."
PEOPLE="${1:-100000}"
SWAPS="${2:-30000}"
RUNS="${RUNS:-5}"
: "${JOBTAUSCH_TEST_PG_URL:?start the services first: eval \"\$(scripts/services.sh start)\"}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/jobtausch/target}"
if [ -z "${JOBTAUSCH_BIN:-}" ]; then
    cargo build --release --locked -q -p jobtausch
    JOBTAUSCH_BIN="$CARGO_TARGET_DIR/release/jobtausch"
fi
WORK=$(mktemp -d)
PG_DB="bench_figures_$$"
ADMIN_URL="$JOBTAUSCH_TEST_PG_URL"
cleanup() {
    psql "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $PG_DB" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
psql "$ADMIN_URL" -qc "CREATE DATABASE $PG_DB" >/dev/null
# People are free in weeks a little ahead (the matching rounds' benchmark uses the same seeding).
FROM=$(python3 -c 'import datetime as d; t=d.date.today()+d.timedelta(days=60); y,w,_=t.isocalendar(); print(f"{y}-W{w:02d}")')
TO=$(python3 -c 'import datetime as d; t=d.date.today()+d.timedelta(days=60+7*11); y,w,_=t.isocalendar(); print(f"{y}-W{w:02d}")')
YEAR=$(date +%Y)

echo "| database | figures | median ms | min ms | max ms | wall per command s |"
echo "|---|---|---|---|---|---|"
for kind in sqlite postgres; do
    case $kind in
        sqlite) URL="sqlite://$WORK/figures.db" ;;
        postgres) URL="${ADMIN_URL%/*}/$PG_DB" ;;
    esac
    "$JOBTAUSCH_BIN" admin seed-synthetic --database-url "$URL" --people "$PEOPLE" --swaps "$SWAPS" \
        --from "$FROM" --to "$TO" >&2
    for year in "" "$YEAR"; do
        times=()
        walls=()
        for _ in $(seq "$RUNS"); do
            start=$(date +%s.%N)
            ms=$("$JOBTAUSCH_BIN" admin figures --database-url "$URL" --year "$year" 2>&1 >"$WORK/figures.csv" \
                | sed -n 's/^network figures computed in \([0-9]*\) ms$/\1/p')
            end=$(date +%s.%N)
            times+=("$ms")
            walls+=("$(python3 -c "print(f'{$end - $start:.2f}')")")
        done
        python3 - "$kind" "${year:-all years}" "${times[*]}" "${walls[*]}" <<'PY'
import statistics, sys
kind, which, times, walls = sys.argv[1], sys.argv[2], [int(t) for t in sys.argv[3].split()], [float(w) for w in sys.argv[4].split()]
print(f"| {kind} | {which} | {statistics.median(times):.0f} | {min(times)} | {max(times)} | {statistics.median(walls):.2f} |")
PY
    done
done
echo
echo "Scale: $PEOPLE people, $SWAPS swaps; $RUNS runs each. The last CSV (head):"
head -n 8 "$WORK/figures.csv"
